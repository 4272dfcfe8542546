from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from . import services
from .forms import ReminderForm
from .models import MAX_PER_PERSON, ReminderSchedule

LIST_TEMPLATE = "reminders/settings.html"
EDIT_TEMPLATE = "reminders/edit.html"


def _page(request: HttpRequest, *, form: ReminderForm | None = None, status=200, **extra):
    """The Reminders page; htmx requests get its `reminders` fragment (list and add form)."""
    reminders = list(ReminderSchedule.objects.for_user(request.user).select_related("routine"))
    context = {
        "reminders": reminders,
        "form": form or ReminderForm.blank(),
        "can_add": len(reminders) < MAX_PER_PERSON,
        "max_reminders": MAX_PER_PERSON,
        **extra,
    }
    template = LIST_TEMPLATE + "#reminders" if request.htmx else LIST_TEMPLATE
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _own(request: HttpRequest, schedule_id: int) -> ReminderSchedule:
    # 404 for anyone but the owner.
    return get_object_or_404(
        ReminderSchedule.objects.for_user(request.user).select_related("user"), pk=schedule_id
    )


@require_http_methods(["GET", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    """The Reminders page: the person's reminders and a form to add one. Reading it or
    refusing a form writes nothing."""
    if request.method == "GET":
        return _page(request)
    form = ReminderForm(request.POST)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    try:
        services.reminder_add(user=request.user, **form.service_kwargs())
    except services.ReminderLimitReached as exc:
        form.add_error(None, exc)
        return _page(request, form=form, status=400)
    if request.htmx:
        return _page(request, saved=_("Your reminder is added."))
    messages.success(request, _("Your reminder is added."))
    return redirect("reminders:settings")


@require_http_methods(["GET", "POST"])
def reminder_edit(request: HttpRequest, schedule_id: int) -> HttpResponse:
    schedule = _own(request, schedule_id)
    template = EDIT_TEMPLATE + "#form" if request.htmx else EDIT_TEMPLATE
    if request.method == "GET":
        form = ReminderForm.for_schedule(schedule)
        status = 200
    else:
        form = ReminderForm(request.POST)
        if form.is_valid():
            services.reminder_update(schedule=schedule, **form.service_kwargs())
            messages.success(request, _("Your reminder is saved."))
            if request.htmx:
                return HttpResponseClientRedirect(reverse("reminders:settings"))
            return redirect("reminders:settings")
        status = 400
    response = render(request, template, {"form": form, "schedule": schedule}, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
def reminder_delete(request: HttpRequest, schedule_id: int) -> HttpResponse:
    services.reminder_delete(schedule=_own(request, schedule_id))
    if request.htmx:
        return _page(request, saved=_("Your reminder is deleted."))
    messages.success(request, _("Your reminder is deleted."))
    return redirect("reminders:settings")


# One-click unsubscribe (RFC 8058): the random token is the authority, so neither a login
# nor a CSRF token is needed. Mail providers POST "List-Unsubscribe=One-Click", which stops
# the reminder that email came from; the page also offers to stop them all.
@login_not_required
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    template = "reminders/unsubscribe.html"
    schedule = services.schedule_from_unsubscribe_token(token)
    legacy_user = None if schedule else services.user_from_legacy_unsubscribe_token(token)
    if schedule is None and legacy_user is None:
        return render(request, template, {"invalid": True}, status=400)
    if request.method == "GET":
        return render(request, template, {"token": token, "schedule": schedule})
    if legacy_user is not None or request.POST.get("scope") == "all":
        services.reminders_unsubscribe_all(user=legacy_user or schedule.user)
        return render(request, template, {"done": "all"})
    services.reminder_unsubscribe(schedule=schedule)
    return render(request, template, {"done": "one", "schedule": schedule})
