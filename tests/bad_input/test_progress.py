"""Bad input to the weekly goal, rest days, pauses, "log yesterday" and the export."""

import datetime as dt

import pytest
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import User
from progress.forms import GoalForm, LogYesterdayForm, PauseForm
from progress.models import Pause
from tracking.models import CheckIn, Session

from . import strategies as s
from .harness import (
    EXAMPLES,
    FEW,
    HTMX,
    as_querydict,
    assert_accepted,
    assert_escaped,
    assert_handled,
    assert_rejected,
    assert_verdict,
    rolled_back,
    send,
    snapshot,
    text_of,
)

pytestmark = pytest.mark.django_db

weekday = st.sampled_from([str(n) for n in range(7)])
date = st.one_of(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)).map(str),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "31/12/2026"]),
)
extreme_date = st.dates().map(str)  # year 1 to 9999


def _pages_render(client) -> None:
    """The pages that read goals and pauses still work with whatever was stored."""
    for name in ("progress:dashboard", "progress:progress", "progress:settings"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    data=s.form_data(
        {
            "weekly_goal": st.sampled_from([str(n) for n in range(1, 8)]),
            "rest_weekdays": st.lists(weekday, max_size=7),
        }
    ),
    encoding=s.encoding,
)
def test_the_weekly_goal_survives_any_values(client_of, person, htmx, data, encoding):
    data.pop("pause-start", None)
    form = GoalForm(as_querydict(data, encoding))
    with rolled_back():
        before = snapshot(person)
        response = send(
            client_of, "post", reverse("progress:settings"), data, htmx=htmx, encoding=encoding
        )
        if not assert_verdict(response, before, person, accepted=form.is_valid()):
            return
        saved = User.objects.get(pk=person.pk)
        assert saved.weekly_goal == form.cleaned_data["weekly_goal"]
        _pages_render(client_of)


@EXAMPLES
@given(goal=s.value.filter(lambda v: v not in [str(n) for n in range(1, 8)] and v != []))
def test_the_weekly_goal_refuses_anything_but_one_to_seven(client_of, person, goal):
    if isinstance(goal, list) and goal[-1] in [str(n) for n in range(1, 8)]:
        goal = goal + ["8"]
    with rolled_back():
        before = snapshot(person)
        response = client_of.post(reverse("progress:settings"), {"weekly_goal": goal})
        assert_rejected(response, before, snapshot(person), status=400)


PAUSE_FIELDS = {
    "pause-start": date,
    "pause-end": date,
    "pause-reason": st.sampled_from(Pause.Reason.values),
    "pause-note": s.storable_text,
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(PAUSE_FIELDS), encoding=s.encoding)
def test_adding_a_pause_survives_any_values(client_of, person, pause, htmx, data, encoding):
    querydict = as_querydict(data, encoding)
    with rolled_back():
        before = snapshot(person)
        response = send(
            client_of, "post", reverse("progress:settings"), data, htmx=htmx, encoding=encoding
        )
        assert_handled(response)
        if "pause-start" not in querydict:
            return  # the goal form answered: covered above
        form = PauseForm(querydict, prefix="pause")
        if not form.is_valid():
            assert_rejected(response, before, snapshot(person), status=400)
            return
        assert_accepted(response, 302)
        added = Pause.objects.filter(user=person).latest("created_at")
        assert added.note == form.cleaned_data["note"]
        assert_escaped(client_of.get(reverse("progress:settings")), added.note)
        _pages_render(client_of)


@FEW
@given(start=extreme_date, days=st.integers(0, 365), note=s.storable_text)
def test_a_pause_at_the_ends_of_the_calendar_never_breaks_the_pages(
    client_of, person, start, days, note
):
    begin = dt.date.fromisoformat(start)
    end = min(begin + dt.timedelta(days=min(days, (dt.date.max - begin).days)), dt.date.max)
    data = {
        "pause-start": start,
        "pause-end": str(end),
        "pause-reason": "other",
        "pause-note": note,
    }
    with rolled_back():
        response = client_of.post(reverse("progress:settings"), data)
        assert response.status_code in (302, 400), text_of(response)[:300]
        _pages_render(client_of)


@EXAMPLES
@given(start=date, end=date)
def test_a_pause_that_ends_before_it_starts_or_lasts_over_a_year_is_refused(
    client_of, person, start, end
):
    try:
        first, last_day = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        first, last_day = dt.date(2026, 5, 2), dt.date(2026, 5, 1)
    if first <= last_day and (last_day - first).days < 366:  # a valid pause: spoil it
        if first == dt.date.min:
            last_day = first + dt.timedelta(days=400)
        else:
            last_day = first - dt.timedelta(days=1)
    data = {"pause-start": str(first), "pause-end": str(last_day), "pause-reason": "rest"}
    with rolled_back():
        before = snapshot(person)
        response = client_of.post(reverse("progress:settings"), data)
        assert_rejected(response, before, snapshot(person), status=400)


# --- Log yesterday -------------------------------------------------------------------------


optional_pain = st.one_of(s.pain, st.just(""))
LOG_FIELDS = {
    "kind": st.sampled_from(["checkin", "session"]),
    "routine": st.sampled_from(["1", "2", "3"]),
    "pain": optional_pain,
    "pain_before": optional_pain,
    "pain_after": optional_pain,
    "note": s.storable_text,
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(LOG_FIELDS), encoding=s.encoding)
def test_logging_yesterday_survives_any_values(client_of, person, htmx, data, encoding):
    form = LogYesterdayForm(as_querydict(data, encoding) or None)
    with rolled_back():
        before = snapshot(person)
        url = reverse("progress:log_yesterday")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(response, before, person, accepted=form.is_valid()):
            return
        note = form.cleaned_data["note"]
        if form.cleaned_data["kind"] == "checkin":
            assert CheckIn.objects.get(user=person).note == note
        else:
            session = Session.objects.get(user=person)
            assert session.note == note
            page = client_of.get(reverse("tracking:session_detail", args=[session.pk]))
            assert_escaped(page, note, render=linebreaksbr)
        summary = client_of.get(reverse("safety:summary"))
        assert summary.status_code == 200
        if note:
            assert_escaped(summary, note)
        assert client_of.get(reverse("safety:summary_pdf")).status_code == 200


@EXAMPLES
@given(routine=s.bogus_id)
def test_logging_yesterday_refuses_a_routine_that_does_not_exist(client_of, person, routine):
    with rolled_back():
        before = snapshot(person)
        data = {"kind": "session", "routine": routine, "pain_before": "4"}
        response = client_of.post(reverse("progress:log_yesterday"), data)
        if response.status_code == 302:  # a real routine id
            assert routine.isdigit() and int(routine) < 100
            return
        assert_rejected(response, before, snapshot(person), status=400)


# --- Reading pages ----------------------------------------------------------------------


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(fmt=s.segment)
def test_the_export_answers_404_for_any_format_but_json_and_zip(client_of, person, htmx, fmt):
    from urllib.parse import quote

    response = send(client_of, "get", f"/progress/export.{quote(fmt, safe='')}", htmx=htmx)
    assert_handled(response)
    if fmt in ("json", "zip"):
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("htmx", HTMX)
@FEW
@given(note=s.storable_text.filter(lambda t: len(t.strip()) <= 200))
def test_a_pause_note_is_stored_whole_and_shown_escaped(client_of, person, htmx, note):
    data = {"pause-start": "2026-05-01", "pause-end": "2026-05-03", "pause-reason": "injury"}
    with rolled_back():
        response = send(
            client_of, "post", reverse("progress:settings"), {**data, "pause-note": note}, htmx=htmx
        )
        assert_accepted(response, 302)
        added = Pause.objects.get(user=person)
        assert added.note == note.strip()
        assert_escaped(client_of.get(reverse("progress:settings")), added.note)
