import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from routines.models import Routine
from tests.factories import CheckInFactory, SessionFactory, UserFactory
from tracking.models import CheckIn, Session, StepRecord
from tracking.tasks import close_stale_sessions

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.UTC)
HX = {"HTTP_HX_REQUEST": "true"}


def _start(client, slug="morning-mobility", **data) -> Session:
    payload = {"pain_before": 5, **data}
    response = client.post(reverse("tracking:start", args=[slug]), payload)
    assert response.status_code == 302, response.content.decode()[:500]
    return Session.objects.latest("pk")


def _act(client, session: Session, action: str, htmx: bool = True, **data):
    session.refresh_from_db()
    payload = {"revision": session.revision, **data}
    url = reverse("tracking:transition", args=[session.pk, action])
    return client.post(url, payload, **(HX if htmx else {}))


def _run_to_end(client, session, traveller, seconds_per_part=None):
    """Press next through every part, letting each part's full time pass."""
    session.refresh_from_db()
    while session.is_active:
        part = session.current_part
        traveller.shift(seconds_per_part or part.seconds)
        response = _act(client, session, "next")
        assert response.status_code == 200
        session.refresh_from_db()


# --- The whole flow -------------------------------------------------------------------------


def test_a_person_follows_a_routine_from_pain_check_to_summary(user_client, user):
    with time_machine.travel(T0, tick=False) as traveller:
        response = user_client.get(reverse("tracking:start", args=["morning-mobility"]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "0 no pain" in html and "10 worst pain imaginable" in html

        session = _start(user_client, pain_before=6, stiffness=4, note="Stiff after driving")
        assert (session.pain_before, session.stiffness) == (6, 4)
        assert session.local_date == dt.date(2026, 3, 10)

        page = user_client.get(reverse("tracking:player", args=[session.pk]))
        assert page.status_code == 200
        assert "Pelvic tilt" in page.content.decode()
        assert "Get ready" in page.content.decode()

        response = _act(user_client, session, "start")
        assert response.status_code == 200
        assert "<html" not in response.content.decode()
        _run_to_end(user_client, session, traveller)

    session.refresh_from_db()
    assert session.status == Session.Status.COMPLETED
    assert session.step_records.filter(state="done").count() == 5

    response = user_client.get(reverse("tracking:finish", args=[session.pk]))
    assert response.status_code == 200
    knee = session.step_records.get(exercise__slug="knee-to-chest-cross-leg")
    response = user_client.post(
        reverse("tracking:finish", args=[session.pk]),
        {"pain_after": 3, f"feeling_{knee.pk}": "easier", "note": "Better"},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    knee.refresh_from_db()
    assert session.pain_after == 3 and knee.feeling == "easier"

    summary = user_client.get(reverse("tracking:session_detail", args=[session.pk]))
    html = summary.content.decode()
    assert "5 / 5" in html
    assert "6/10" in html and "3/10" in html
    assert "went down by 3" in html


def test_the_player_works_without_javascript_through_plain_forms(user_client):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client, slug="desk-break")
        response = _act(user_client, session, "start", htmx=False)
        assert response.status_code == 302
        assert response["Location"] == reverse("tracking:player", args=[session.pk])
        page = user_client.get(response["Location"])
        assert "<html" in page.content.decode()
        while True:
            session.refresh_from_db()
            if not session.is_active:
                break
            response = _act(user_client, session, "next", htmx=False)
            assert response.status_code == 302
    assert response["Location"] == reverse("tracking:finish", args=[session.pk])
    assert session.status == Session.Status.COMPLETED


def test_each_transition_answers_htmx_with_a_fragment_and_the_next_step(user_client):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client)
        _act(user_client, session, "start")
        response = _act(user_client, session, "next")  # get-ready -> work
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="player"')
    assert "Repeat" in html and "10 times" in html
    assert "Tap to count" in html
    assert "Next:" in html and "Knee rocks" in html


# --- Time: the server is the source of truth -------------------------------------------------


def test_reloading_mid_hold_resumes_with_the_right_remaining_time(user_client):
    with time_machine.travel(T0, tick=False) as traveller:
        session = _start(user_client, slug="desk-break")
        _act(user_client, session, "start")
        _act(user_client, session, "next")  # into the 30 s left-side hold
        traveller.shift(12)
        page = user_client.get(reverse("tracking:player", args=[session.pk]))
        assert page.context["remaining"] == 18
        assert 'data-remaining-ms="18000"' in page.content.decode()
        assert "Left side" in page.content.decode()


def test_a_pause_freezes_the_clock_until_resumed(user_client):
    with time_machine.travel(T0, tick=False) as traveller:
        session = _start(user_client, slug="desk-break")
        _act(user_client, session, "start")
        _act(user_client, session, "next")
        traveller.shift(10)
        _act(user_client, session, "pause")
        traveller.shift(300)  # the phone was locked for five minutes
        page = user_client.get(reverse("tracking:player", args=[session.pk]))
        assert page.context["remaining"] == 20
        assert 'data-paused="true"' in page.content.decode()
        _act(user_client, session, "resume")
        traveller.shift(5)
        session.refresh_from_db()
        assert round(session.remaining_seconds()) == 15


def test_a_per_side_step_gives_each_side_its_full_time(user_client):
    with time_machine.travel(T0, tick=False) as traveller:
        session = _start(user_client, slug="desk-break")
        kinds = [(p.kind, p.side, p.seconds) for p in session.parts if p.step_index == 0]
        assert kinds == [
            ("ready", "left", 5),
            ("work", "left", 30),
            ("ready", "right", 5),
            ("work", "right", 30),
            ("rest", "", 10),
        ]
        _act(user_client, session, "start")
        for part in session.parts[:4]:
            traveller.shift(part.seconds)
            response = _act(user_client, session, "next")
            if part.kind == "work" and part.side == "left":
                assert "Switch sides" in response.content.decode()
                assert "Right side" in response.content.decode()
    record = session.step_records.get()
    assert record.state == "done" and record.seconds_spent == 60


def test_skipping_because_it_hurts_records_the_reason_and_moves_on(user_client):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client, slug="desk-break")
        _act(user_client, session, "start")
        response = _act(user_client, session, "skip", reason="hurts")
    assert response.status_code == 200
    record = session.step_records.get()
    assert (record.state, record.skip_reason, record.hurt) == ("skipped", "hurts", True)
    session.refresh_from_db()
    assert session.current_part.step_index == 1
    assert "Cat" in response.content.decode()


def test_back_returns_to_the_previous_step(user_client):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client, slug="desk-break")
        _act(user_client, session, "start")
        _act(user_client, session, "skip", reason="not_now")
        _act(user_client, session, "back")
    session.refresh_from_db()
    assert session.position == 0 and session.running


def test_ending_early_keeps_the_session_as_ended_early(user_client):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client)
        _act(user_client, session, "start")
        response = _act(user_client, session, "end")
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("tracking:finish", args=[session.pk])
    session.refresh_from_db()
    assert session.status == Session.Status.ENDED_EARLY and session.finished_at is not None


def test_an_abandoned_session_is_closed_as_partial_never_deleted(user_client):
    with time_machine.travel(T0, tick=False) as traveller:
        session = _start(user_client)
        _act(user_client, session, "start")
        traveller.shift(dt.timedelta(hours=3))
        assert close_stale_sessions() == 0
        traveller.shift(dt.timedelta(hours=2))
        assert close_stale_sessions() == 1
        assert close_stale_sessions() == 0
    session.refresh_from_db()
    assert session.status == Session.Status.PARTIAL
    assert session.finished_at == T0


# --- One active session -------------------------------------------------------------------


def test_starting_a_second_routine_offers_to_resume_or_end_the_first(user_client, user):
    with time_machine.travel(T0, tick=False):
        first = _start(user_client)
        page = user_client.get(reverse("tracking:start", args=["desk-break"]))
        assert "You have an unfinished" in page.content.decode()
        assert reverse("tracking:player", args=[first.pk]) in page.content.decode()
        response = user_client.post(
            reverse("tracking:start", args=["desk-break"]), {"pain_before": 4}
        )
        assert response.status_code == 409
        assert Session.objects.filter(user=user).count() == 1

        _act(user_client, first, "end", htmx=False)
        second = _start(user_client, slug="desk-break")
    assert second.pk != first.pk
    assert Session.objects.filter(user=user, status="active").count() == 1


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("pain", ["11", "-1", "abc", "", "5.5", "1e3"])
def test_it_rejects_pain_outside_zero_to_ten(user_client, user, pain):
    response = user_client.post(
        reverse("tracking:start", args=["morning-mobility"]), {"pain_before": pain}
    )
    assert response.status_code == 400
    assert "Choose a number from 0" in response.content.decode()
    assert not Session.objects.filter(user=user).exists()


def test_it_rejects_pain_above_ten_after_the_routine_without_changing_the_session(
    user_client,
):
    session = _start(user_client)
    _act(user_client, session, "end")
    response = user_client.post(reverse("tracking:finish", args=[session.pk]), {"pain_after": 11})
    assert response.status_code == 400
    session.refresh_from_db()
    assert session.pain_after is None


def test_a_double_submitted_control_is_refused_with_409_and_applied_once(user_client):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client)
        _act(user_client, session, "start")
        session.refresh_from_db()
        stale = session.revision
        url = reverse("tracking:transition", args=[session.pk, "next"])
        first = user_client.post(url, {"revision": stale}, **HX)
        second = user_client.post(url, {"revision": stale}, **HX)
    assert first.status_code == 200
    assert second.status_code == 409
    assert "already moved on" in second.content.decode()
    session.refresh_from_db()
    assert session.position == 1


def test_a_double_submitted_pain_after_form_is_refused(user_client):
    session = _start(user_client)
    _act(user_client, session, "end")
    url = reverse("tracking:finish", args=[session.pk])
    assert user_client.post(url, {"pain_after": 2}).status_code == 302
    response = user_client.post(url, {"pain_after": 7})
    assert response.status_code == 409
    session.refresh_from_db()
    assert session.pain_after == 2


def test_resume_on_a_finished_session_changes_nothing(user_client):
    session = _start(user_client)
    _act(user_client, session, "end")
    session.refresh_from_db()
    before = (session.status, session.revision, session.finished_at)
    response = _act(user_client, session, "resume")
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("tracking:finish", args=[session.pk])
    session.refresh_from_db()
    assert (session.status, session.revision, session.finished_at) == before


@pytest.mark.parametrize(
    ("action", "data", "status"),
    [
        ("resume", {}, 409),
        ("pause", {}, 409),
        ("next", {}, 409),
        ("skip", {}, 409),
        ("skip", {"reason": "bored"}, 400),
    ],
)
def test_a_transition_that_does_not_fit_the_state_gets_a_clear_4xx(
    user_client, action, data, status
):
    session = _start(user_client)  # not started yet: nothing to pause, resume or advance
    response = _act(user_client, session, action, **data)
    assert response.status_code == status
    assert 'role="alert"' in response.content.decode()
    session.refresh_from_db()
    assert session.revision == 0 and session.position == 0


def test_an_unknown_action_or_a_garbled_revision_is_refused(user_client):
    session = _start(user_client)
    url = reverse("tracking:transition", args=[session.pk, "explode"])
    assert user_client.post(url, {"revision": 0}).status_code == 404
    url = reverse("tracking:transition", args=[session.pk, "start"])
    assert user_client.post(url, {"revision": "x"}, **HX).status_code == 400
    session.refresh_from_db()
    assert not session.running


def test_a_forged_session_id_is_a_404(user_client):
    url = reverse("tracking:transition", args=[999999, "start"])
    assert user_client.post(url, {"revision": 0}).status_code == 404


def _owned_urls(session: Session, checkin: CheckIn) -> list[tuple[str, str, dict]]:
    s = session.pk
    return [
        ("get", reverse("tracking:player", args=[s]), {}),
        ("post", reverse("tracking:transition", args=[s, "start"]), {"revision": 0}),
        ("post", reverse("tracking:transition", args=[s, "end"]), {"revision": 0}),
        ("get", reverse("tracking:finish", args=[s]), {}),
        ("post", reverse("tracking:finish", args=[s]), {"pain_after": 1}),
        ("get", reverse("tracking:session_detail", args=[s]), {}),
        ("get", reverse("tracking:session_edit", args=[s]), {}),
        ("post", reverse("tracking:session_edit", args=[s]), {"pain_before": 1}),
        ("get", reverse("tracking:session_delete", args=[s]), {}),
        ("post", reverse("tracking:session_delete", args=[s]), {}),
        ("get", reverse("tracking:checkin_delete", args=[checkin.pk]), {}),
        ("post", reverse("tracking:checkin_delete", args=[checkin.pk]), {}),
    ]


@pytest.mark.parametrize("index", range(12))
def test_every_tracking_url_is_a_404_to_someone_who_does_not_own_it(client, index):
    owner = UserFactory()
    session = SessionFactory(user=owner, status="active", player_done=False, pain_after=None)
    session.plan = [
        {
            "kind": "ready",
            "step_id": 1,
            "exercise_id": 1,
            "step_index": 0,
            "seconds": 5,
            "side": "",
            "mode": "",
            "repetitions": None,
        }
    ]
    session.save()
    checkin = CheckInFactory(user=owner)
    intruder = UserFactory()
    client.force_login(intruder)
    method, url, data = _owned_urls(session, checkin)[index]
    response = getattr(client, method)(url, data)
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.status == "active" and session.pain_before == 5
    assert CheckIn.objects.filter(pk=checkin.pk).exists()


# --- Query budget ---------------------------------------------------------------------------


def test_a_step_transition_stays_within_seven_queries(user_client, django_assert_max_num_queries):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client, slug="evening-release")
        _act(user_client, session, "start")
        user_client.get(reverse("tracking:player", args=[session.pk]))  # warm the session cache
        for _ in range(6):  # through ready, work (writes a record) and rest parts
            session.refresh_from_db()
            url = reverse("tracking:transition", args=[session.pk, "next"])
            with django_assert_max_num_queries(6):
                response = user_client.post(url, {"revision": session.revision}, **HX)
            assert response.status_code == 200


# --- Check-ins -------------------------------------------------------------------------------


def test_a_daily_check_in_is_one_per_local_day_and_editable_that_day(user_client, user):
    user.time_zone = "America/New_York"
    user.save()
    # 03:30 UTC on 11 March is still 10 March in New York.
    with time_machine.travel(dt.datetime(2026, 3, 11, 3, 30, tzinfo=dt.UTC), tick=False):
        assert user_client.post(reverse("tracking:checkin"), {"pain": 4}).status_code == 302
        user_client.post(reverse("tracking:checkin"), {"pain": 6, "note": "Worse by evening"})
    with time_machine.travel(dt.datetime(2026, 3, 11, 14, 0, tzinfo=dt.UTC), tick=False):
        response = user_client.post(reverse("tracking:checkin"), {"pain": 2}, **HX)
        assert response.status_code == 200
        assert "Saved for today" in response.content.decode()
    days = dict(CheckIn.objects.filter(user=user).values_list("local_date", "pain"))
    assert days == {dt.date(2026, 3, 10): 6, dt.date(2026, 3, 11): 2}


def test_a_check_in_with_pain_out_of_range_is_refused(user_client, user):
    response = user_client.post(reverse("tracking:checkin"), {"pain": 12}, **HX)
    assert response.status_code == 400
    assert "Choose a number from 0" in response.content.decode()
    assert not CheckIn.objects.filter(user=user).exists()


# --- History -------------------------------------------------------------------------------------


def test_history_lists_own_sessions_and_check_ins_newest_first_paginated(user_client, user):
    for day in range(1, 26):
        SessionFactory(user=user, local_date=dt.date(2026, 1, day))
    CheckInFactory(user=user, local_date=dt.date(2026, 1, 30), pain=7)
    SessionFactory(local_date=dt.date(2026, 1, 31))  # someone else's
    first = user_client.get(reverse("tracking:history"))
    items = first.context["items"]
    assert len(items) == 20
    assert items[0]["kind"] == "checkin"
    assert items[1]["obj"].local_date == dt.date(2026, 1, 25)
    assert all(i["obj"].user_id == user.pk for i in items)
    second = user_client.get(reverse("tracking:history"), {"page": 2}, **HX)
    assert len(second.context["items"]) == 6
    assert "<html" not in second.content.decode()


def test_a_session_can_be_edited_and_deleted_from_history(user_client, user):
    session = SessionFactory(user=user, pain_before=5, pain_after=4)
    url = reverse("tracking:session_edit", args=[session.pk])
    response = user_client.post(url, {"pain_before": 6, "pain_after": 3, "note": "Typo fixed"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.pain_before, session.pain_after, session.note) == (6, 3, "Typo fixed")

    bad = user_client.post(url, {"pain_before": 60})
    assert bad.status_code == 400
    session.refresh_from_db()
    assert session.pain_before == 6

    delete_url = reverse("tracking:session_delete", args=[session.pk])
    assert "cannot be undone" in user_client.get(delete_url).content.decode()
    assert user_client.post(delete_url).status_code == 302
    assert not Session.objects.filter(pk=session.pk).exists()


def test_the_mute_toggle_is_remembered_for_the_user(user_client, user):
    response = user_client.post(reverse("tracking:toggle_sound"), **HX)
    assert response.status_code == 200
    assert "Sound and vibration: off" in response.content.decode()
    user.refresh_from_db()
    assert user.sound_muted


def test_the_routine_page_links_to_starting_it(user_client):
    routine = Routine.objects.get(slug="desk-break")
    html = user_client.get(routine.get_absolute_url()).content.decode()
    assert reverse("tracking:start", args=["desk-break"]) in html


def test_step_records_have_one_row_per_step(user_client):
    with time_machine.travel(T0, tick=False):
        session = _start(user_client, slug="desk-break")
        _act(user_client, session, "start")
        _act(user_client, session, "skip", reason="not_now")
        _act(user_client, session, "back")
        _act(user_client, session, "skip", reason="hurts")
    assert StepRecord.objects.filter(session=session).count() == 1
    assert StepRecord.objects.get(session=session).skip_reason == "hurts"


def test_opening_the_start_page_closes_only_ones_own_stale_session(user_client, user):
    with time_machine.travel(T0, tick=False) as traveller:
        mine = _start(user_client)
        theirs = SessionFactory(status="active", player_done=False, last_activity_at=T0)
        traveller.shift(dt.timedelta(hours=5))
        user_client.get(reverse("tracking:start", args=["desk-break"]))
        mine.refresh_from_db()
        theirs.refresh_from_db()
        assert (mine.status, theirs.status) == ("partial", "active")
        assert close_stale_sessions() == 1
