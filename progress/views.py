from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from reminders.models import ReminderSchedule
from reminders.schedule import weekday_bit
from routines.models import Routine
from safety.models import open_flags_for
from tracking import services as tracking_services
from tracking.models import Session, local_today

from . import charts, services
from .export import export_data, export_zip
from .forms import RANGES, GoalForm, LogYesterdayForm, PauseForm, parse_range, yesterday_of
from .models import Pause, ProgressSettings
from .stats import (
    History,
    days_between,
    exercise_relief,
    mean,
    months_table,
    pain_days,
    pain_summary,
    pain_table,
    rolling_average,
    week_start,
)


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def routines_count(n: int) -> str:
    return ngettext("%(n)s routine", "%(n)s routines", n) % {"n": n}


def days_count(n: int) -> str:
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}


def _suggested_routine(request: HttpRequest, today: dt.date) -> Routine | None:
    """Today's routine: on a reminder day the routine the reminder names ("Desk break at
    11:00 on workdays"; the earliest such reminder), else the plan's (the person's chosen
    routine, which onboarding and each accepted plan change set), else the one they did
    last; one query."""
    user = request.user
    reminded_at = (
        ReminderSchedule.objects.filter(user=user, enabled=True, routine=OuterRef("pk"))
        .alias(today=F("weekdays").bitand(weekday_bit(today)))
        .filter(today__gt=0)
        .order_by("local_time")
        .values("local_time")[:1]
    )
    last_done = (
        Session.objects.for_user(user)
        .completed()
        .order_by("-local_date", "-started_at")
        .values("routine_id")[:1]
    )
    preferred = Q(pk=user.preferred_routine_id)
    return (
        Routine.objects.visible_to(user)
        .annotate(
            reminded_at=Subquery(reminded_at),
            preferred=ExpressionWrapper(preferred, output_field=BooleanField()),
        )
        .filter(Q(reminded_at__isnull=False) | preferred | Q(pk=Subquery(last_done)))
        .order_by(F("reminded_at").asc(nulls_last=True), F("preferred").desc())
        .first()
    )


@require_GET
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    today = local_today(user)
    history = History.load(user, today=today)
    days = pain_days(user, today - dt.timedelta(days=13), today)
    pain = pain_summary(user, today=today, days=days)
    today_pain = days.get(today)
    pause_end = next((end for start, end in history.off.pauses if start <= today <= end), None)
    context = {
        "today": today,
        "routine": _suggested_routine(request, today),
        "history": history,
        "week": history.this_week,
        "pain": pain,
        "checkin_today": today_pain.checkin if today_pain else None,
        "pause_end": pause_end,
        "rest_day": history.off.is_rest_day(today),
        "open_flags": open_flags_for(user),
    }
    return render(request, "progress/dashboard.html", context)


@require_GET
def progress(request: HtmxHttpRequest) -> HttpResponse:
    try:
        range_days = parse_range(request.GET.get("range"))
    except ValueError:
        return HttpResponse(
            _("Choose a range of 30, 90 or 365 days."), status=400, content_type="text/plain"
        )
    user = request.user
    today = local_today(user)
    start = today - dt.timedelta(days=range_days - 1)
    history = History.load(user, today=today)

    days = pain_days(user, start - dt.timedelta(days=6), today)
    rolling = rolling_average({d: p.value for d, p in days.items()}, start, today)
    in_range = [p for d, p in days.items() if d >= start]
    averages = [v for v in rolling.values() if v is not None]

    weeks = history.weeks(start, today)
    closed_weeks = [w for w in weeks if w.monday != week_start(today) and not w.excused]
    reliefs = exercise_relief(user, start, today)

    year_start = today - dt.timedelta(days=364)
    heat_off = {d for d in days_between(week_start(year_start), today) if d in history.off}
    months = months_table(history.done, year_start, today)

    context = {
        "range_days": range_days,
        "ranges": RANGES,
        "start": start,
        "today": today,
        "pain_svg": charts.pain_chart(start, today, days, rolling, "pain-title"),
        "pain_rows": pain_table(start, today, days, rolling, by_week=range_days > 30),
        "pain_by_week": range_days > 30,
        "rated_days": len(in_range),
        "first_average": averages[0] if averages else None,
        "last_average": averages[-1] if averages else None,
        "mean_pain": mean(p.value for p in in_range if p.value is not None),
        "weeks": weeks,
        "this_week": history.this_week,
        "weeks_svg": charts.weeks_chart(weeks, "weeks-title"),
        "weeks_met": sum(1 for w in closed_weeks if w.met),
        "weeks_closed": len(closed_weeks),
        "reliefs": reliefs,
        "relief_svg": charts.relief_chart(reliefs, "relief-title"),
        "heatmap_svg": charts.heatmap(today, history.done, heat_off, "heat-title"),
        "months": months,
        "year_routines_text": routines_count(sum(m.sessions for m in months)),
        "year_days_text": days_count(sum(m.days for m in months)),
    }
    template = "progress/progress.html#charts" if request.htmx else "progress/progress.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def goal_settings(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    prefs = ProgressSettings.for_user(user)
    initial = {"weekly_goal": user.weekly_goal, "rest_weekdays": sorted(prefs.rest_days)}
    goal_form = GoalForm(initial=initial)
    pause_form = PauseForm(prefix="pause")
    status = 200
    if request.method == "POST":
        if "pause-start" in request.POST:
            pause_form = PauseForm(request.POST, prefix="pause")
            if pause_form.is_valid():
                pause = pause_form.save(commit=False)
                pause.user = user
                pause.save()
                messages.success(request, _("Your pause is saved."))
                return redirect("progress:settings")
        else:
            goal_form = GoalForm(request.POST)
            if goal_form.is_valid():
                services.progress_settings_update(user=user, **goal_form.cleaned_data)
                messages.success(request, _("Your goal and rest days are saved."))
                return redirect("progress:settings")
        status = 400
    context = {
        "goal_form": goal_form,
        "pause_form": pause_form,
        "pauses": Pause.objects.for_user(user).order_by("-start"),
        "today": local_today(user),
    }
    return render(request, "progress/settings.html", context, status=status)


@require_POST
def pause_delete(request: HtmxHttpRequest, pause_id: int) -> HttpResponse:
    pause = get_object_or_404(Pause.objects.for_user(request.user), pk=pause_id)
    pause.delete()
    messages.success(request, _("The pause is removed."))
    return redirect("progress:settings")


@require_http_methods(["GET", "POST"])
def log_yesterday(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    yesterday = yesterday_of(local_today(user))
    form = LogYesterdayForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            if data["kind"] == "checkin":
                tracking_services.checkin_save(
                    user=user, day=yesterday, pain=data["pain"], note=data["note"]
                )
                messages.success(request, _("Yesterday's check-in is saved."))
            else:
                tracking_services.session_log(
                    user=user,
                    routine=data["routine"],
                    day=yesterday,
                    pain_before=data["pain_before"],
                    pain_after=data["pain_after"],
                    note=data["note"],
                )
                messages.success(request, _("Yesterday's routine is saved."))
            return redirect("progress:dashboard")
        return render(
            request, "progress/log_yesterday.html", {"form": form, "day": yesterday}, status=400
        )
    return render(request, "progress/log_yesterday.html", {"form": form, "day": yesterday})


@require_GET
def export(request: HtmxHttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("json", "zip"):
        raise Http404
    user = request.user
    stamp = date_format(local_today(user), "Y-m-d")
    if fmt == "json":
        body = json.dumps(export_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        name = f"backease-{stamp}.json"
    else:
        response = HttpResponse(export_zip(user), content_type="application/zip")
        name = f"backease-{stamp}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
