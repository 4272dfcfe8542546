from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services
from .forms import OnboardingForm
from .models import PlanChange


@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    outlook, proposal = services.plan_refresh(user=request.user)
    history = (
        PlanChange.objects.for_user(request.user)
        .exclude(status=PlanChange.Status.PROPOSED)
        .exclude(status=PlanChange.Status.WITHDRAWN)
        .select_related("to_routine")
    )
    context = {"outlook": outlook, "proposal": proposal, "history": history}
    return render(request, "plans/plan.html", context)


def _own_proposal(request: HttpRequest, change_id: int) -> PlanChange:
    return get_object_or_404(
        PlanChange.objects.select_related("user"), pk=change_id, user=request.user
    )


@require_POST
def change_decide(request: HttpRequest, change_id: int, decision: str) -> HttpResponse:
    if decision not in ("accept", "decline"):
        raise Http404
    change = _own_proposal(request, change_id)
    try:
        if decision == "accept":
            routine = services.plan_change_accept(change=change)
            messages.success(
                request,
                _("Done: “%(title)s” is now your routine, with the change.")
                % {"title": routine.title},
            )
        else:
            services.plan_change_decline(change=change)
            messages.success(request, _("Kept as it was. Your plan will look again later."))
    except services.PlanError as exc:
        outlook, proposal = services.plan_refresh(user=request.user)
        context = {"outlook": outlook, "proposal": proposal, "error": exc.message, "history": []}
        return render(request, "plans/plan.html", context, status=409)
    return redirect("plans:plan")


@require_http_methods(["GET", "POST"])
def onboarding(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "skip" in request.POST:
        services.onboarding_skip(user=request.user)
        return redirect("progress:dashboard")
    form = OnboardingForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            routine = services.onboarding_finish(
                user=request.user,
                concern=form.cleaned_data["concern"],
                days=form.cleaned_data["days"],
                reminder_time=form.cleaned_data["reminder_time"],
            )
            if routine is not None:
                return redirect("tracking:start", slug=routine.slug)
            return redirect("progress:dashboard")
        return render(request, "plans/onboarding.html", {"form": form}, status=400)
    return render(request, "plans/onboarding.html", {"form": form})
