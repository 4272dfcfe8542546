import datetime as dt

import pytest
from django.test import Client

from plans.models import PlanChange
from routines import services as routine_services
from routines.models import Exercise, Routine
from safety.models import Flag, ScreeningResponse
from safety.services import screening_record, screening_skip, share_link_create
from tests.factories import (
    CheckInFactory,
    PauseFactory,
    ReminderScheduleFactory,
    SessionFactory,
    StepRecordFactory,
)
from tracking import services as tracking
from tracking.models import local_today


@pytest.fixture
def routine(db):
    return Routine.objects.get(slug="morning-mobility")


@pytest.fixture
def person(user):
    """The user past the first screening, so home goes to the dashboard."""
    screening_skip(user=user)
    return user


@pytest.fixture
def client_of(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def running_session(person, routine):
    """An active session whose timer runs: revision 1, on its first part."""
    session = tracking.session_start(user=person, routine=routine, pain_before=4)
    return tracking.session_transition(session=session, action="start", revision=0)


@pytest.fixture
def unrated_session(person, routine):
    """A completed session waiting for its pain-after rating, with two done steps."""
    session = SessionFactory(user=person, routine=routine, pain_after=None, note="")
    steps = list(routine.steps.order_by("order")[:2])
    for step in steps:
        StepRecordFactory(session=session, routine_step=step)
    return session


@pytest.fixture
def rated_session(person, routine):
    return SessionFactory(
        user=person, routine=routine, pain_before=6, pain_after=3, stiffness=2, note="kept"
    )


@pytest.fixture
def old_checkin(person):
    return CheckInFactory(
        user=person, local_date=local_today(person) - dt.timedelta(days=3), pain=5
    )


@pytest.fixture
def pause(person):
    return PauseFactory(user=person, note="kept")


@pytest.fixture
def flag(person):
    """An open red flag (urgent answer), not acknowledged yet."""
    screening_record(user=person, answers={"fever": True}, reason="help")
    return Flag.objects.get(user=person)


@pytest.fixture
def share_link(person):
    link, _token = share_link_create(user=person, weeks=8)
    return link


@pytest.fixture
def others(other_user, routine):
    """One of everything, owned by someone else: their ids must be a 404 for the user."""
    screening_record(user=other_user, answers={"fever": True}, reason="help")
    link, _token = share_link_create(user=other_user, weeks=8)
    return {
        "session": SessionFactory(user=other_user, routine=routine),
        "checkin": CheckInFactory(user=other_user),
        "pause": PauseFactory(user=other_user),
        "flag": Flag.objects.get(user=other_user),
        "link": link,
        "screening": ScreeningResponse.objects.filter(user=other_user).latest("pk"),
        "reminder": ReminderScheduleFactory(user=other_user),
        "own_routine": own_routine_of(other_user),
        "plan_change": PlanChange.objects.create(
            user=other_user,
            kind=PlanChange.Kind.EASE_OFF,
            reason=PlanChange.Reason.HURT,
            numbers={"exercise": "Cat–cow", "day": "1 March"},
            from_routine=routine,
            local_date=local_today(other_user),
        ),
    }


@pytest.fixture
def reminder(person):
    return ReminderScheduleFactory(user=person, label="kept")


def own_routine_of(user) -> Routine:
    """A routine of the person's own, with two steps."""
    routine = routine_services.routine_create(owner=user, title="Kept as it is")
    for slug in ("cat-cow", "knee-hug"):
        routine_services.step_add(routine=routine, exercise=Exercise.objects.get(slug=slug))
    return routine


@pytest.fixture
def own_routine(person):
    return own_routine_of(person)
