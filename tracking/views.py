from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import CharField, F, Value
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from routines.models import Routine

from . import hooks, services
from .forms import CheckInForm, PainAfterForm, PainBeforeForm, SessionEditForm, TransitionForm
from .models import CheckIn, Session, StepRecord, local_today

PLAYER = "tracking/player.html"


def _follow_up(request: HttpRequest, pain: int | None, new_symptoms: bool = False) -> str | None:
    """Where to go after a rating, if a higher app asks for it (safety: the warning-sign
    questions after a high rating or new leg symptoms)."""
    return hooks.first_url(
        hooks.rating_follow_ups, request.user, pain=pain, new_symptoms=new_symptoms
    )


def _gate(request: HttpRequest) -> str | None:
    """A page that must come before any routine (safety: an unacknowledged emergency)."""
    return hooks.first_url(hooks.start_gates, request.user)


def _own_session(request: HttpRequest, session_id: int) -> Session:
    """The session if it belongs to the requester; 404 for anyone else."""
    return get_object_or_404(
        Session.objects.select_related("routine"), pk=session_id, user=request.user
    )


# --- Start: pain check before -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def session_start(request: HttpRequest, slug: str) -> HttpResponse:
    # The library and the person's own routines; anyone else's is a 404.
    routine = get_object_or_404(Routine.objects.visible_to(request.user), slug=slug)
    if gate := _gate(request):
        return redirect(gate)
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
    if url := _follow_up(request, session.pain_before):
        return redirect(url)
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
    request: HttpRequest,
    session: Session,
    status: int = 200,
    error: str = "",
    skipped_hurting: bool = False,
) -> HttpResponse:
    template = f"{PLAYER}#player" if request.htmx else PLAYER
    context = {**_player_context(session), "error": error, "skipped_hurting": skipped_hurting}
    return render(request, template, context, status=status)


@require_http_methods(["GET"])
def player(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    if not session.is_active and session.pain_after is None:
        return redirect("tracking:finish", session_id=session.pk)
    if not session.is_active:
        return redirect("tracking:session_detail", session_id=session.pk)
    if gate := _gate(request):
        return redirect(gate)
    # ?skipped=hurts: the no-JavaScript path after "It hurts" (see transition()).
    return _render_player(request, session, skipped_hurting=request.GET.get("skipped") == "hurts")


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
    # "It hurts" is acknowledged, with a reminder to stop if the pain spreads.
    hurting = action == "skip" and form.cleaned_data["reason"] == "hurts"
    if request.htmx:
        return _render_player(request, session, skipped_hurting=hurting)
    url = reverse("tracking:player", args=[session.pk])
    return HttpResponseRedirect(f"{url}?skipped=hurts" if hurting else url)


@require_http_methods(["GET", "POST"])
def session_end(request: HttpRequest, session_id: int) -> HttpResponse:
    """End a routine early: GET asks to confirm, POST ends it (whatever part it is on,
    so a timer that moved on while the person read the question does not refuse it)."""
    session = _own_session(request, session_id)
    if not session.is_active:
        return redirect("tracking:finish", session_id=session.pk)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if request.method == "GET":
        return render(request, "tracking/end.html", {"session": session, "next": next_url})
    try:
        services.session_transition(session=session, action="end", revision=session.revision)
    except services.SessionError:
        # Another tab ended or moved it at this very moment: show where it is now.
        return redirect("tracking:player", session_id=session.pk)
    return redirect(next_url or reverse("tracking:finish", args=[session.pk]))


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
            new_leg_symptoms=form.cleaned_data["new_leg_symptoms"],
        )
    except services.SessionError as exc:
        messages.error(request, exc.message)
        return render(request, "tracking/finish.html", context, status=409)
    url = _follow_up(
        request, form.cleaned_data["pain_after"], form.cleaned_data["new_leg_symptoms"]
    )
    if url:
        return redirect(url)
    url = reverse("tracking:session_detail", args=[session.pk])
    return HttpResponseRedirect(f"{url}?finished=1")


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
    context = _detail_context(session)
    if request.GET.get("finished") == "1" and session.pain_after is not None:
        # Just rated: a short, calm word on what was done and what comes next.
        context["celebration"] = [
            note for hook in hooks.session_finished_notes if (note := hook(request.user, session))
        ]
    return render(request, "tracking/session_detail.html", context)


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    form = SessionEditForm(request.POST or None, instance=session)
    if request.method == "POST":
        if form.is_valid():
            services.session_update(session=session, **form.cleaned_data)
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
        services.session_delete(session=session)
        messages.success(request, _("Session deleted."))
        return redirect("tracking:history")
    return render(request, "tracking/confirm_delete.html", {"object": session, "kind": "session"})


# --- Check-ins and history ---------------------------------------------------------------------


CHECKIN = "tracking/checkin.html"


def _checkin_questions(
    pain: int | None, new_symptoms: bool, data=None
) -> list[tuple[hooks.CheckinQuestions, forms.Form]]:
    """The questions higher apps ask in the check-in for these answers, each with its form
    (safety: the emergency questions after new symptoms or a pain of 8 or more)."""
    return [
        (questions, questions.form(data))
        for questions in hooks.checkin_questions
        if questions.needed(pain=pain, new_symptoms=new_symptoms)
    ]


@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest) -> HttpResponse:
    """The daily check-in. When its answers call for more questions (new symptoms, a high
    pain), they are asked on the same page: swapped in by htmx as soon as the box is ticked,
    or, without JavaScript, shown once the rating is saved. Questions on the page must each
    be answered before anything is saved; a rating is never lost for want of them."""
    today = local_today(request.user)
    existing = CheckIn.objects.for_user(request.user).filter(local_date=today).first()
    form = CheckInForm(request.POST or None, instance=existing)
    context = {"form": form, "checkin": existing, "today": today, "questions": []}
    if request.method == "GET":
        return render(request, CHECKIN, context)
    template = f"{CHECKIN}#checkin-form" if request.htmx else CHECKIN
    if not form.is_valid():
        return render(request, template, context, status=400)
    pain, new_symptoms = form.cleaned_data["pain"], form.cleaned_data["new_leg_symptoms"]
    shown = request.POST.get("questions_shown") == "1"
    questions = _checkin_questions(pain, new_symptoms, request.POST if shown else None)
    context["questions"] = questions
    if shown and not all(question_form.is_valid() for _q, question_form in questions):
        return render(request, template, context, status=400)
    checkin_obj, _created = services.checkin_save(
        user=request.user,
        pain=pain,
        note=form.cleaned_data["note"],
        day=today,
        new_leg_symptoms=new_symptoms,
    )
    context.update(
        checkin=checkin_obj,
        form=CheckInForm(instance=checkin_obj, initial={"new_leg_symptoms": new_symptoms}),
        saved=True,
    )
    if questions and not shown:
        # Saved; the questions follow on the same page (the no-JavaScript path).
        context["asking"] = True
        return render(request, template, context)
    urls = [q.record(user=request.user, form=question_form) for q, question_form in questions]
    if url := next((u for u in urls if u), None):
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.htmx:
        return render(request, template, context)
    messages.success(request, _("Check-in saved for today."))
    return redirect("tracking:checkin")


@require_GET
def checkin_questions(request: HttpRequest) -> HttpResponse:
    """The check-in's follow-up questions for the answers so far (htmx, on every change of
    the pain or the "new symptoms" box). 204 keeps questions already on the page, so
    changing the pain never wipes answers given."""
    form = CheckInForm(request.GET)
    form.is_valid()  # only to read what is there; nothing is saved here
    pain = form.cleaned_data.get("pain")
    new_symptoms = bool(form.cleaned_data.get("new_leg_symptoms"))
    questions = _checkin_questions(pain, new_symptoms)
    if questions and request.GET.get("questions_shown") == "1":
        return HttpResponse(status=204)
    return render(request, f"{CHECKIN}#questions", {"questions": questions})


@require_http_methods(["GET", "POST"])
def checkin_delete(request: HttpRequest, checkin_id: int) -> HttpResponse:
    checkin_obj = get_object_or_404(CheckIn, pk=checkin_id, user=request.user)
    if request.method == "POST":
        services.checkin_delete(checkin=checkin_obj)
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
