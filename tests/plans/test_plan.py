"""The plan: when it steps up, when it eases off, and what accepting or declining does."""

import datetime as dt
import json

import pytest
import time_machine
from django.urls import reverse

from plans import services
from plans.models import PlanChange
from routines.models import Routine
from safety.models import Flag, ScreeningResponse
from tests.factories import SessionFactory, StepRecordFactory
from tracking.models import StepRecord

pytestmark = pytest.mark.django_db

# A Wednesday. The two full weeks before it: 2–8 and 9–15 March.
TODAY = dt.date(2026, 3, 18)
NOW = dt.datetime(2026, 3, 18, 12, 0, tzinfo=dt.UTC)
WEEK_1 = [dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4)]
WEEK_2 = [dt.date(2026, 3, 9), dt.date(2026, 3, 10), dt.date(2026, 3, 11)]


@pytest.fixture
def person(user):
    user.weekly_goal = 3
    user.preferred_routine = Routine.objects.get(slug="morning-mobility")
    user.save()
    return user


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _sessions(user, days, pain_before, pain_after=None):
    routine = user.preferred_routine
    return [
        SessionFactory(
            user=user,
            routine=routine,
            local_date=day,
            pain_before=pain_before,
            pain_after=pain_before if pain_after is None else pain_after,
        )
        for day in days
    ]


def _two_good_weeks(user, first=5, second=3):
    _sessions(user, WEEK_1, first)
    _sessions(user, WEEK_2, second)


def _refresh(user):
    return services.plan_refresh(user=user, today=TODAY)


# --- Stepping up -------------------------------------------------------------------------------


def test_two_weeks_meeting_the_goal_with_easing_pain_propose_longer_holds(person):
    _two_good_weeks(person)

    _outlook, change = _refresh(person)

    assert change.kind == PlanChange.Kind.STEP_UP
    assert change.explanation() == (
        "You met your goal of 3 days a week two weeks running and your pain has eased "
        "from 5 to 3, with no exercise marked as hurting."
    )
    holds = {c["exercise"]: (c["before"], c["after"]) for c in change.changes}
    routine = person.preferred_routine
    for step in routine.steps.filter(mode="hold"):
        if step.seconds < 45:
            assert holds[step.exercise.name] == (step.seconds, min(45, step.seconds + 5))


def test_a_single_week_meeting_the_goal_is_not_enough(person):
    _sessions(person, WEEK_1[:2], 5)  # two of three days in the first week
    _sessions(person, WEEK_2, 3)
    assert _refresh(person)[1] is None


def test_the_step_up_comes_exactly_when_the_second_full_week_is_over(person):
    _two_good_weeks(person)
    sunday = dt.date(2026, 3, 15)  # the second week is still open on its Sunday
    assert services.plan_refresh(user=person, today=sunday)[1] is None
    monday = dt.date(2026, 3, 16)
    assert services.plan_refresh(user=person, today=monday)[1].kind == "step_up"


@pytest.mark.parametrize(("first", "second", "steps_up"), [(3, 4, True), (3, 5, False)])
def test_a_rise_of_two_points_stops_the_step_up(person, first, second, steps_up):
    _two_good_weeks(person, first=first, second=second)
    change = _refresh(person)[1]
    assert (change is not None and change.kind == "step_up") is steps_up
    if steps_up:
        assert "stayed steady (3, then 4)" in change.explanation()


def test_no_step_up_after_an_exercise_was_marked_as_hurting(person):
    _sessions(person, WEEK_1, 4)
    sessions = _sessions(person, WEEK_2, 3)
    StepRecordFactory(session=sessions[0], feeling=StepRecord.Feeling.HURT)
    change = _refresh(person)[1]
    assert change is None or change.kind == "ease_off"


def test_no_step_up_while_a_safety_flag_is_open_and_the_plan_says_why(person, client):
    _two_good_weeks(person)
    Flag.objects.create(user=person, rule=Flag.Rule.SEVERE, severity=1, numbers={"days": 3})

    outlook, change = _refresh(person)

    assert change is None
    assert outlook.blockers
    client.force_login(person)
    page = client.get(reverse("plans:plan")).content.decode()
    assert "Why your plan is not stepping up now" in page
    assert "A safety message is open" in page


def test_no_step_up_while_routines_are_paused(person):
    _two_good_weeks(person)
    ScreeningResponse.objects.create(
        user=person,
        local_date=TODAY,
        reason=ScreeningResponse.Reason.HELP,
        answers={"bladder_bowel": True},
        level=ScreeningResponse.Level.EMERGENCY,
    )
    outlook, change = _refresh(person)
    assert change is None
    assert "Routines are paused" in " ".join(outlook.blockers)


def test_a_waiting_step_up_is_withdrawn_when_a_flag_opens_and_cannot_be_accepted(person, client):
    _two_good_weeks(person)
    change = _refresh(person)[1]
    Flag.objects.create(user=person, rule=Flag.Rule.SEVERE, severity=1, numbers={"days": 3})
    client.force_login(person)

    response = client.post(reverse("plans:decide", args=[change.pk, "accept"]))

    assert response.status_code == 409
    change.refresh_from_db()
    assert change.status == PlanChange.Status.WITHDRAWN
    assert not Routine.objects.filter(owner=person).exists()


# --- Easing off --------------------------------------------------------------------------------


def test_an_exercise_marked_as_hurting_proposes_its_gentler_variant_or_a_shorter_hold(person):
    routine = person.preferred_routine
    session = _sessions(person, [TODAY - dt.timedelta(days=2)], 4)[0]
    step = routine.steps.order_by("order").first()
    StepRecordFactory(session=session, routine_step=step, feeling=StepRecord.Feeling.HURT)

    change = _refresh(person)[1]

    assert change.kind == PlanChange.Kind.EASE_OFF
    assert change.explanation() == f"You marked {step.exercise.name} as hurting on 16 March."
    (line,) = change.changes
    assert line["exercise"] == step.exercise.name
    if step.exercise.gentler and step.exercise.gentler.is_published:
        assert line == {
            "exercise": step.exercise.name,
            "what": "exercise",
            "before": step.exercise.name,
            "after": step.exercise.gentler.name,
        }
    else:
        assert line["after"] < line["before"]


def test_pain_rising_by_two_after_a_routine_eases_every_step(person):
    _sessions(person, [TODAY - dt.timedelta(days=1)], 3, pain_after=5)
    change = _refresh(person)[1]
    assert change.kind == "ease_off"
    assert change.reason == "pain_rose"
    assert change.explanation() == "Your pain rose from 3 to 5 after Morning mobility on 17 March."
    assert len(change.changes) >= 1


def test_pain_rising_by_one_does_not_ease_off(person):
    _sessions(person, [TODAY - dt.timedelta(days=1)], 3, pain_after=4)
    assert _refresh(person)[1] is None


def test_easing_off_is_offered_even_while_a_flag_is_open(person):
    _sessions(person, [TODAY - dt.timedelta(days=1)], 3, pain_after=6)
    Flag.objects.create(user=person, rule=Flag.Rule.WORSENING, severity=1, numbers={})
    assert _refresh(person)[1].kind == "ease_off"


# --- Deciding ----------------------------------------------------------------------------------


def test_accepting_makes_a_new_version_of_the_routine_and_the_dashboard_follows(person, client):
    _two_good_weeks(person)
    change = _refresh(person)[1]
    library = person.preferred_routine
    client.force_login(person)

    response = client.post(reverse("plans:decide", args=[change.pk, "accept"]))

    assert response.status_code == 302
    change.refresh_from_db()
    person.refresh_from_db()
    new = change.to_routine
    assert change.status == PlanChange.Status.ACCEPTED
    assert new.owner == person and new.based_on == library
    assert person.preferred_routine == new
    assert {line["what"] for line in change.changes} <= {"seconds", "repetitions"}
    for line in change.changes:
        step = new.steps.get(exercise__name=line["exercise"])
        assert getattr(step, line["what"]) == line["after"]
    assert library.steps.count() == new.steps.count()
    page = client.get(reverse("plans:plan")).content.decode()
    assert "History of changes" in page and "(accepted)" in page
    dashboard = client.get(reverse("progress:dashboard")).content.decode()
    assert reverse("tracking:start", args=[new.slug]) in dashboard


def test_a_second_accepted_change_replaces_the_plans_own_version(person):
    _two_good_weeks(person)
    first = services.plan_change_accept(change=_refresh(person)[1])
    person.refresh_from_db()
    later = dt.date(2026, 4, 1)
    _sessions(person, [later - dt.timedelta(days=1)], 2, pain_after=5)
    change = services.plan_refresh(user=person, today=later)[1]
    second = services.plan_change_accept(change=change)
    first.refresh_from_db()
    assert first.deleted_at is not None
    assert second.based_on == first and second.deleted_at is None


def test_declining_keeps_the_routine_and_waits_before_suggesting_again(person, client):
    _two_good_weeks(person)
    change = _refresh(person)[1]
    client.force_login(person)

    client.post(reverse("plans:decide", args=[change.pk, "decline"]))

    change.refresh_from_db()
    assert change.status == PlanChange.Status.DECLINED
    assert not Routine.objects.filter(owner=person).exists()
    assert _refresh(person)[1] is None
    again = client.post(reverse("plans:decide", args=[change.pk, "accept"]))
    assert again.status_code == 409


def test_someone_elses_proposal_is_a_404(person, other_user, client):
    _two_good_weeks(person)
    change = _refresh(person)[1]
    client.force_login(other_user)
    for decision in ("accept", "decline"):
        assert client.post(reverse("plans:decide", args=[change.pk, decision])).status_code == 404
    change.refresh_from_db()
    assert change.status == PlanChange.Status.PROPOSED


def change_reason_of(person) -> str:
    return PlanChange.objects.get(user=person).reason


def test_the_history_is_in_the_export_and_the_clinician_summary(person, client):
    _two_good_weeks(person)
    services.plan_change_accept(change=_refresh(person)[1])
    client.force_login(person)

    data = json.loads(client.get(reverse("progress:export", args=["json"])).content)
    (row,) = data["plan_changes"]
    assert row["kind"] == "step_up" and row["status"] == "accepted"
    assert row["reason"] == change_reason_of(person) and row["changes"]

    summary = client.get(reverse("safety:summary")).content.decode()
    assert "Changes to the plan" in summary
    assert "two weeks running" in summary
