"""Every write path of pain data schedules a safety evaluation (SAFETY.md "Every write
re-evaluates"), by design: tracking's services announce each change through one hook,
`tracking.hooks.pain_data_changed`, and safety subscribes.

The paths are enumerated twice over, so a new one cannot be forgotten: every URL of
tracking and progress is either a write path below or listed as not writing pain data,
and every public service of tracking either announces its change or is listed as
changing no rating."""

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

import progress.urls
import safety.services
import tracking.services
import tracking.urls
from accounts.models import User
from routines.models import Routine
from safety import rules
from safety.models import Flag
from safety.questions import QUESTIONS
from safety.services import screening_skip
from tests.factories import CheckInFactory, SessionFactory
from tests.safety.helpers import session_with_step
from tracking.models import Session, StepRecord

pytestmark = pytest.mark.django_db

EVALUATE = "safety.tasks.evaluate_user_flags"
EMERGENCY_KEYS = [q.key for q in QUESTIONS if q.level == rules.EMERGENCY]


def _start(client: Client) -> Session:
    client.post(reverse("tracking:start", args=["desk-break"]), {"pain_before": 3})
    return Session.objects.latest("pk")


def _transition(client: Client, session: Session, action: str, **data):
    session.refresh_from_db()
    url = reverse("tracking:transition", args=[session.pk, action])
    return client.post(url, {"revision": session.revision, **data})


def _running(client: Client, user: User) -> Session:
    session = _start(client)
    _transition(client, session, "start")
    return session


def _ended(client: Client, user: User) -> Session:
    session = _start(client)
    _transition(client, session, "end")
    return session


@dataclass(frozen=True)
class WritePath:
    url_name: str
    prepare: Callable  # (client, user) -> context for `write`
    write: Callable  # (client, user, context) -> response


WRITE_PATHS = {
    "start a routine (pain before)": WritePath(
        "tracking:start",
        lambda client, user: None,
        lambda client, user, _: client.post(
            reverse("tracking:start", args=["desk-break"]), {"pain_before": 4}
        ),
    ),
    "skip a step because it hurts": WritePath(
        "tracking:transition",
        _running,
        lambda client, user, session: _transition(client, session, "skip", reason="hurts"),
    ),
    "rate a finished routine (pain after)": WritePath(
        "tracking:finish",
        _ended,
        lambda client, user, session: client.post(
            reverse("tracking:finish", args=[session.pk]), {"pain_after": 6}
        ),
    ),
    "edit a session": WritePath(
        "tracking:session_edit",
        lambda client, user: SessionFactory(user=user),
        lambda client, user, session: client.post(
            reverse("tracking:session_edit", args=[session.pk]),
            {"pain_before": "7", "pain_after": "6", "note": ""},
        ),
    ),
    "delete a session": WritePath(
        "tracking:session_delete",
        lambda client, user: SessionFactory(user=user),
        lambda client, user, session: client.post(
            reverse("tracking:session_delete", args=[session.pk])
        ),
    ),
    "save today's check-in": WritePath(
        "tracking:checkin",
        lambda client, user: None,
        lambda client, user, _: client.post(reverse("tracking:checkin"), {"pain": "5"}),
    ),
    "answer the emergency questions in a check-in": WritePath(
        "tracking:checkin",
        lambda client, user: None,
        lambda client, user, _: client.post(
            reverse("tracking:checkin"),
            {
                "pain": "9",
                "questions_shown": "1",
                **{f"emergency-{key}": "no" for key in EMERGENCY_KEYS},
            },
        ),
    ),
    "delete a check-in": WritePath(
        "tracking:checkin_delete",
        lambda client, user: CheckInFactory(user=user, local_date=dt.date(2026, 3, 1)),
        lambda client, user, checkin: client.post(
            reverse("tracking:checkin_delete", args=[checkin.pk])
        ),
    ),
    "log yesterday's check-in": WritePath(
        "progress:log_yesterday",
        lambda client, user: None,
        lambda client, user, _: client.post(
            reverse("progress:log_yesterday"), {"kind": "checkin", "pain": "6"}
        ),
    ),
    "log yesterday's routine": WritePath(
        "progress:log_yesterday",
        lambda client, user: Routine.objects.get(slug="desk-break"),
        lambda client, user, routine: client.post(
            reverse("progress:log_yesterday"),
            {"kind": "session", "routine": routine.pk, "pain_before": "6", "pain_after": "4"},
        ),
    ),
}

# URLs of tracking and progress that change no rating, and why.
NOT_PAIN_WRITES = {
    "tracking:player": "reads the player",
    "tracking:session_detail": "reads a session",
    "tracking:toggle_sound": "a preference",
    "tracking:end": "ends a routine; no rating changes (the rating comes on the finish page)",
    "tracking:history": "reads",
    "tracking:checkin_questions": "reads the follow-up questions",
    "progress:dashboard": "reads",
    "progress:progress": "reads",
    "progress:settings": "goal, rest days and pauses: no ratings",
    "progress:pause_delete": "a pause: no ratings",
    "progress:export": "reads",
}

# Public services of tracking that change no rating (every other one announces its change).
NO_RATING_SERVICES = {
    "session_close_stale": "closes idle sessions; their ratings stay as they were",
}


@pytest.fixture
def enqueued(monkeypatch):
    """What safety queues, instead of publishing it to the broker."""
    calls = []
    monkeypatch.setattr(
        safety.services, "_enqueue", lambda task, *args: calls.append((task.name, args)) or True
    )
    return calls


@pytest.mark.parametrize("name", WRITE_PATHS)
def test_each_write_path_schedules_an_evaluation_once_it_commits(
    user_client, user, enqueued, django_capture_on_commit_callbacks, name
):
    screening_skip(user=user)
    path = WRITE_PATHS[name]
    with time_machine.travel(dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC), tick=False):
        context = path.prepare(user_client, user)
        enqueued.clear()
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            response = path.write(user_client, user, context)
            assert enqueued == []  # nothing before the commit
        assert response.status_code < 400, response.content.decode()[:300]
        for callback in callbacks:
            callback()
    assert (EVALUATE, (user.pk,)) in enqueued


def test_a_refused_write_schedules_nothing(user_client, user, enqueued):
    response = user_client.post(reverse("tracking:checkin"), {"pain": "11"})
    assert response.status_code == 400
    assert enqueued == []


def test_every_tracking_and_progress_url_is_a_write_path_or_listed_as_none():
    names = {f"tracking:{p.name}" for p in tracking.urls.urlpatterns}
    names |= {f"progress:{p.name}" for p in progress.urls.urlpatterns}
    covered = {path.url_name for path in WRITE_PATHS.values()} | set(NOT_PAIN_WRITES)
    assert names - covered == set(), "a new URL: add it to WRITE_PATHS or NOT_PAIN_WRITES"


def test_every_tracking_service_announces_its_change_or_is_listed_as_changing_no_rating():
    public = {
        name
        for name, obj in vars(tracking.services).items()
        if inspect.isfunction(obj) and obj.__module__ == tracking.services.__name__
        if not name.startswith("_")
    }
    announcing = {
        name
        for name in public
        if "pain_data_changed_on_commit" in inspect.getsource(getattr(tracking.services, name))
    }
    assert public - announcing == set(NO_RATING_SERVICES)


# --- the whole way: the pain after a routine opens a flag ---


def test_the_pain_after_a_routine_is_evaluated_and_can_open_a_flag(
    user_client, user, celery_eager, django_capture_on_commit_callbacks
):
    screening_skip(user=user)
    with time_machine.travel(dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC), tick=False):
        _, exercise = session_with_step(user, dt.date(2026, 3, 9), hurt=True)
        session = Session.objects.create(
            user=user,
            routine=Session.objects.get(user=user).routine,
            status=Session.Status.COMPLETED,
            local_date=dt.date(2026, 3, 10),
            pain_before=3,
            player_done=True,
        )
        step = session.routine.steps.get(exercise=exercise)
        StepRecord.objects.create(
            session=session, routine_step=step, exercise=exercise, order=1, state="done"
        )
        assert not Flag.objects.exists()
        with django_capture_on_commit_callbacks(execute=True):
            user_client.post(reverse("tracking:finish", args=[session.pk]), {"pain_after": 5})
    # The pain rose by 2: "it hurt" in 2 of the last 3 sessions with the exercise.
    flag = Flag.objects.get(user=user)
    assert (flag.rule, flag.exercise) == (rules.EXERCISE_HURTS, exercise)
