from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .forms import ReminderSettingsForm
from .models import ReminderSettings

SETTINGS_TEMPLATE = "reminders/settings.html"


@require_http_methods(["GET", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    """The Reminders page. htmx posts get the form fragment back; plain posts redirect."""
    template = SETTINGS_TEMPLATE + "#form" if request.htmx else SETTINGS_TEMPLATE
    # Reading the page or refusing a form writes nothing, not even the default row.
    row = ReminderSettings.for_user(request.user)
    if request.method == "GET":
        return render(
            request, template, {"form": ReminderSettingsForm.for_settings(row), "row": row}
        )

    form = ReminderSettingsForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form, "row": row}, status=400)
    row = services.reminder_settings_update(
        user=request.user,
        enabled=form.cleaned_data["enabled"],
        local_time=form.cleaned_data["local_time"],
        weekdays=form.weekday_mask,
        skip_if_done=form.cleaned_data["skip_if_done"],
    )
    if request.htmx:
        context = {"form": ReminderSettingsForm.for_settings(row), "row": row, "saved": True}
        return render(request, template, context)
    messages.success(request, _("Your reminder settings are saved."))
    return redirect("reminders:settings")


# One-click unsubscribe (RFC 8058): the signed token is the authority, so neither a
# login nor a CSRF token is needed. Mail providers POST "List-Unsubscribe=One-Click".
@login_not_required
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = services.user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "reminders/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.reminder_unsubscribe(user=user)
        return render(request, "reminders/unsubscribe.html", {"done": True})
    return render(request, "reminders/unsubscribe.html", {"token": token})
