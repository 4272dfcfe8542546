from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import CharField, F, Value
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from routines.models import Routine
from safety.models import routines_paused
from safety.services import rescreen_needed

from . import services
from .forms import CheckInForm, PainAfterForm, PainBeforeForm, SessionEditForm, TransitionForm
from .models import CheckIn, Session, StepRecord, local_today

PLAYER = "tracking/player.html"


def _screening_url(reason: str) -> str:
    return reverse("safety:screening") + f"?reason={reason}"


def _rescreen_reason(pain: int | None, new_leg_symptoms: bool = False) -> str:
    """Why the red-flag questions should be asked again now, or "" (SAFETY.md)."""
    if new_leg_symptoms:
        return "legs"
    return "pain" if rescreen_needed(pain=pain) else ""


def _own_session(request: HttpRequest, session_id: int) -> Session:
    """The session if it belongs to the requester; 404 for anyone else."""
    return get_object_or_404(
        Session.objects.select_related("routine"), pk=session_id, user=request.user
    )


# --- Start: pain check before -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def session_start(request: HttpRequest, slug: str) -> HttpResponse:
    routine = get_object_or_404(Routine.objects.published(), slug=slug)
    if routines_paused(request.user):
        # An emergency answer pauses routines until the person acknowledges it.
        return redirect("safety:emergency")
    services.session_close_stale(user=request.user)
    active = Session.objects.for_user(request.user).active().select_related("routine").first()
    form = PainBeforeForm(request.POST or None)
    context = {"routine": routine, "form": form, "active": active}
    if request.method == "GET":
        return render(request, "tracking/start.html", context)
    if not form.is_valid():
        return render(request, "tracking/start.html", context, status=400)
    try:
        session = services.session_start(
            user=request.user,
            routine=routine,
            pain_before=form.cleaned_data["pain_before"],
            stiffness=form.cleaned_data["stiffness"],
            note=form.cleaned_data["note"],
        )
    except services.ActiveSessionExists as exc:
        context["active"] = exc.session
        messages.error(request, exc.message)
        return render(request, "tracking/start.html", context, status=409)
    except services.SessionError as exc:
        messages.error(request, exc.message)
        return render(request, "tracking/start.html", context, status=409)
    if reason := _rescreen_reason(session.pain_before):
        return redirect(_screening_url(reason))
    return redirect("tracking:player", session_id=session.pk)


# --- The player ------------------------------------------------------------------------------


def _player_context(session: Session) -> dict:
    """What the player shows: the current part, its step and exercise, what comes next."""
    part = session.current_part
    context = {"session": session, "part": part, "now": timezone.now()}
    if part is None:
        return context
    # Reversed here rather than by seven {% url %} tags: the player is the busiest fragment.
    urls = {a: reverse("tracking:transition", args=[session.pk, a]) for a in services.ACTIONS}
    parts = session.parts
    upcoming = next(
        (p for p in parts[session.position + 1 :] if p.step_index != part.step_index), None
    )
    remaining_ms = int(session.remaining_seconds(context["now"]) * 1000)
    context.update(
        step=session.content.get(str(part.step_id)),
        upcoming=session.content.get(str(upcoming.step_id)) if upcoming else None,
        step_number=part.step_index + 1,
        step_total=session.step_count,
        remaining=round(remaining_ms / 1000),
        remaining_ms=remaining_ms,
        urls=urls,
    )
    return context


def _render_player(
    request: HttpRequest, session: Session, status: int = 200, error: str = ""
) -> HttpResponse:
    template = f"{PLAYER}#player" if request.htmx else PLAYER
    context = {**_player_context(session), "error": error}
    return render(request, template, context, status=status)


@require_http_methods(["GET"])
def player(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    if not session.is_active and session.pain_after is None:
        return redirect("tracking:finish", session_id=session.pk)
    if not session.is_active:
        return redirect("tracking:session_detail", session_id=session.pk)
    return _render_player(request, session)


@require_POST
def transition(request: HttpRequest, session_id: int, action: str) -> HttpResponse:
    session = _own_session(request, session_id)
    if action not in services.ACTIONS:
        return HttpResponse(_("Unknown player action."), status=404)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _render_player(
            request, session, status=400, error=_("That control was not understood.")
        )
    try:
        services.session_transition(
            session=session,
            action=action,
            revision=form.cleaned_data["revision"],
            reason=form.cleaned_data["reason"],
        )
    except services.SessionError as exc:
        session.refresh_from_db()
        if not session.is_active:
            messages.info(request, exc.message)
            url = reverse("tracking:finish", args=[session.pk])
            if request.htmx:
                return HttpResponseClientRedirect(url)
            return HttpResponseRedirect(url)
        return _render_player(request, session, status=409, error=exc.message)
    if not session.is_active:
        url = reverse("tracking:finish", args=[session.pk])
        if not request.htmx and _safe_next(request):
            # "End it and start another" from the start page goes back there.
            url = request.POST["next"]
        return HttpResponseClientRedirect(url) if request.htmx else HttpResponseRedirect(url)
    if request.htmx:
        return _render_player(request, session)
    return redirect("tracking:player", session_id=session.pk)


def _safe_next(request: HttpRequest) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@require_POST
def toggle_sound(request: HttpRequest) -> HttpResponse:
    user = request.user
    user.sound_muted = not user.sound_muted
    user.save(update_fields=["sound_muted"])
    if request.htmx:
        return render(request, f"{PLAYER}#sound", {"user": user})
    if _safe_next(request):
        # Not redirect(): it would try a bare word such as "0" as a URL name (a 500).
        return HttpResponseRedirect(request.POST["next"])
    return redirect("home")


# --- After: pain check and summary ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def session_finish(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    if session.is_active:
        return redirect("tracking:player", session_id=session.pk)
    records = session.step_records.select_related("exercise").filter(state=StepRecord.State.DONE)
    if session.pain_after is not None:
        if request.method == "POST":
            messages.error(request, _("You have already rated this session; you can edit it here."))
            return render(
                request, "tracking/session_detail.html", _detail_context(session), status=409
            )
        return redirect("tracking:session_detail", session_id=session.pk)
    form = PainAfterForm(request.POST or None, records=records)
    context = {"session": session, "form": form}
    if request.method == "GET":
        return render(request, "tracking/finish.html", context)
    if not form.is_valid():
        return render(request, "tracking/finish.html", context, status=400)
    try:
        services.session_rate_after(
            session=session,
            pain_after=form.cleaned_data["pain_after"],
            feelings=form.feelings(),
            note=form.cleaned_data["note"],
        )
    except services.SessionError as exc:
        messages.error(request, exc.message)
        return render(request, "tracking/finish.html", context, status=409)
    reason = _rescreen_reason(
        form.cleaned_data["pain_after"], form.cleaned_data["new_leg_symptoms"]
    )
    if reason:
        return redirect(_screening_url(reason))
    return redirect("tracking:session_detail", session_id=session.pk)


def _detail_context(session: Session) -> dict:
    records = list(session.step_records.select_related("exercise"))
    return {
        "session": session,
        "records": records,
        "steps_done": sum(r.state == StepRecord.State.DONE for r in records),
    }


@require_http_methods(["GET"])
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    return render(request, "tracking/session_detail.html", _detail_context(session))


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    form = SessionEditForm(request.POST or None, instance=session)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Session updated."))
            return redirect("tracking:session_detail", session_id=session.pk)
        return render(
            request,
            "tracking/session_edit.html",
            {"form": form, "session": session},
            status=400,
        )
    return render(request, "tracking/session_edit.html", {"form": form, "session": session})


@require_http_methods(["GET", "POST"])
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    if request.method == "POST":
        session.delete()
        messages.success(request, _("Session deleted."))
        return redirect("tracking:history")
    return render(request, "tracking/confirm_delete.html", {"object": session, "kind": "session"})


# --- Check-ins and history ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest) -> HttpResponse:
    today = local_today(request.user)
    existing = CheckIn.objects.for_user(request.user).filter(local_date=today).first()
    form = CheckInForm(request.POST or None, instance=existing)
    context = {"form": form, "checkin": existing, "today": today}
    if request.method == "POST":
        if not form.is_valid():
            template = (
                "tracking/checkin.html#checkin-form" if request.htmx else "tracking/checkin.html"
            )
            return render(request, template, context, status=400)
        checkin_obj, created = services.checkin_save(
            user=request.user,
            pain=form.cleaned_data["pain"],
            note=form.cleaned_data["note"],
            day=today,
        )
        context.update(checkin=checkin_obj, form=CheckInForm(instance=checkin_obj), saved=True)
        reason = _rescreen_reason(checkin_obj.pain, form.cleaned_data["new_leg_symptoms"])
        if reason:
            url = _screening_url(reason)
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        if request.htmx:
            return render(request, "tracking/checkin.html#checkin-form", context)
        messages.success(request, _("Check-in saved for today."))
        return redirect("tracking:checkin")
    return render(request, "tracking/checkin.html", context)


@require_http_methods(["GET", "POST"])
def checkin_delete(request: HttpRequest, checkin_id: int) -> HttpResponse:
    checkin_obj = get_object_or_404(CheckIn, pk=checkin_id, user=request.user)
    if request.method == "POST":
        checkin_obj.delete()
        messages.success(request, _("Check-in deleted."))
        return redirect("tracking:history")
    return render(
        request, "tracking/confirm_delete.html", {"object": checkin_obj, "kind": "checkin"}
    )


HISTORY_PAGE_SIZE = 20


@require_http_methods(["GET"])
def history(request: HttpRequest) -> HttpResponse:
    """Sessions and check-ins, newest first, paginated over one UNION query."""
    sessions = (
        Session.objects.for_user(request.user)
        .annotate(kind=Value("session", output_field=CharField()), at=F("started_at"))
        .values("kind", "pk", "local_date", "at")
        .order_by()
    )
    checkins = (
        CheckIn.objects.for_user(request.user)
        .annotate(
            kind=Value("checkin", output_field=CharField()),
            at=F("created_at"),
        )
        .values("kind", "pk", "local_date", "at")
        .order_by()
    )
    entries = sessions.union(checkins, all=True).order_by("-local_date", "-at")
    page = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    ids = {"session": [], "checkin": []}
    for row in page.object_list:
        ids[row["kind"]].append(row["pk"])
    by_kind = {
        "session": Session.objects.select_related("routine").in_bulk(ids["session"]),
        "checkin": CheckIn.objects.in_bulk(ids["checkin"]),
    }
    items = [
        {"kind": row["kind"], "obj": by_kind[row["kind"]][row["pk"]]}
        for row in page.object_list
        if row["pk"] in by_kind[row["kind"]]
    ]
    template = "tracking/history.html#entries" if request.htmx else "tracking/history.html"
    return render(request, template, {"page": page, "items": items})
