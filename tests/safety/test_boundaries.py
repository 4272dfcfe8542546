"""Every pain rule at its boundaries, in the database, through both paths: the evaluation
that follows a save (the last rating goes through tracking's service, its hook and the
Celery task) and the nightly set-based sweep. In CI both run on PostgreSQL."""

import datetime as dt

import pytest
import time_machine

from safety import rules
from safety.models import Flag
from safety.services import flags_sweep
from tests.factories import CheckInFactory, SessionFactory, UserFactory
from tracking import services as tracking_services
from tracking.models import local_today

from .helpers import NOW, TODAY, session_with_step

pytestmark = pytest.mark.django_db

NONE: set = set()


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(params=["on_save", "sweep"])
def path(request, celery_eager, django_capture_on_commit_callbacks):
    """`path(user, *ratings_before_today, today=pain)` stores the history, gives today's
    rating and returns the user's open flags as {(rule, severity)} as that path left them."""

    def evaluate(user, *, today_pain=None):
        if request.param == "on_save":
            assert today_pain is not None, "the on-save path needs a rating to save"
            with django_capture_on_commit_callbacks(execute=True):
                tracking_services.checkin_save(user=user, pain=today_pain, day=local_today(user))
        else:
            if today_pain is not None:
                CheckInFactory(user=user, local_date=local_today(user), pain=today_pain)
            flags_sweep()
        return {(f.rule, f.severity) for f in Flag.objects.filter(user=user).open()}

    evaluate.name = request.param
    return evaluate


def daily(user, days_ago, pain=5, today=TODAY):
    for n in days_ago:
        CheckInFactory(user=user, local_date=today - dt.timedelta(days=n), pain=pain)


NO_IMPROVEMENT = (rules.NO_IMPROVEMENT, 1)
PERSISTENT = (rules.LONG_LASTING, rules.PERSISTENT)
CHRONIC = (rules.LONG_LASTING, rules.CHRONIC)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (17, NONE),
        (20, NONE),
        (21, {NO_IMPROVEMENT}),
        (36, {NO_IMPROVEMENT}),
        (41, {NO_IMPROVEMENT}),
        (42, {NO_IMPROVEMENT, PERSISTENT}),
        (78, {NO_IMPROVEMENT, PERSISTENT}),
        (83, {NO_IMPROVEMENT, PERSISTENT}),
        (84, {NO_IMPROVEMENT, CHRONIC}),
    ],
)
def test_each_span_holds_from_its_first_full_day_and_not_a_day_before(user, path, days, expected):
    daily(user, range(1, days))  # with today's rating: `days` days, counting today as day 1
    assert path(user, today_pain=5) == expected


@pytest.mark.parametrize("rated", [2, 3])
def test_the_first_week_of_a_span_needs_3_rated_days(user, path, rated):
    daily(user, range(1, 14))
    daily(user, [20 - n for n in range(rated)])  # the oldest rating is 21 days old
    expected = {NO_IMPROVEMENT} if rated == 3 else NONE
    assert path(user, today_pain=5) == expected


@pytest.mark.parametrize("rated", [2, 3])
def test_the_last_week_needs_3_rated_days(user, path, rated):
    daily(user, range(7, 21))
    daily(user, range(1, rated))  # with today's: `rated` days in the last week
    assert path(user, today_pain=5) == ({NO_IMPROVEMENT} if rated == 3 else NONE)


@pytest.mark.parametrize("rated", [2, 3])
def test_the_first_week_of_six_needs_3_rated_days_for_persistent(user, path, rated):
    daily(user, range(1, 35))
    daily(user, [41 - n for n in range(rated)])  # the oldest rating is 42 days old
    flags = path(user, today_pain=5)
    assert (PERSISTENT in flags) is (rated == 3)


@pytest.mark.parametrize("severe_days", [2, 3])
def test_severe_holds_on_the_third_day_of_8_or_more(user, path, severe_days):
    daily(user, range(1, severe_days), pain=8)
    daily(user, range(severe_days, 7), pain=3)
    expected = {(rules.SEVERE, 1)} if severe_days == 3 else NONE
    assert path(user, today_pain=9) == expected


@pytest.mark.parametrize(("today_pain", "expected"), [(5, {(rules.WORSENING, 1)}), (4, NONE)])
def test_worsening_holds_at_a_rise_of_2_points(user, path, today_pain, expected):
    daily(user, range(7, 14), pain=3)
    daily(user, range(1, 7), pain=5)  # with today's 5: 5.0, a rise of 2; with 4: 4.86
    assert path(user, today_pain=today_pain) == expected


def test_a_days_value_is_its_highest_rating(user, path):
    # Check-ins of 2, but routines that ended at 8 on 3 of the last 7 days: severe.
    for n in (1, 2):
        CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=n), pain=2)
        SessionFactory(
            user=user, local_date=TODAY - dt.timedelta(days=n), pain_before=3, pain_after=8
        )
    SessionFactory(user=user, local_date=TODAY, pain_before=8, pain_after=None)
    assert path(user, today_pain=2) == {(rules.SEVERE, 1)}


def test_a_day_is_the_persons_own_local_day(path):
    # 12:00 UTC on 31 March is already 01:00 on 1 April in Auckland.
    kiwi = UserFactory(time_zone="Pacific/Auckland")
    april_first = dt.date(2026, 4, 1)
    daily(kiwi, range(1, 21), today=april_first)  # with 1 April's own: 21 local days
    assert path(kiwi, today_pain=5) == {NO_IMPROVEMENT}
    assert Flag.objects.get(user=kiwi).numbers["weeks"] == 3


@pytest.mark.parametrize(("last_week", "expected"), [(2, NONE), (5, {NO_IMPROVEMENT, PERSISTENT})])
def test_long_lasting_needs_most_of_the_last_7_days_too(user, path, last_week, expected):
    daily(user, range(7, 42), pain=6)
    daily(user, range(1, 7), pain=last_week)
    assert path(user, today_pain=last_week) == expected


# --- exercise hurts: only the newest 3 sessions that included it decide ---


@pytest.mark.parametrize(
    ("hurt_oldest_first", "holds"),
    [
        ([True, True, False, False, False], False),  # hurt long ago, fine lately
        ([False, False, False, True, True], True),  # fine long ago, hurting lately
        ([True, True, True, False, True, False], False),
        ([False, False, True, False, True, False, False, True, True], True),
    ],
)
def test_an_exercise_in_many_sessions_is_judged_by_its_newest_three(
    user, path, hurt_oldest_first, holds
):
    count = len(hurt_oldest_first)
    for n, hurt in enumerate(hurt_oldest_first):
        session_with_step(user, TODAY - dt.timedelta(days=count - n), hurt=hurt)
    flags = path(user, today_pain=3)
    assert ((rules.EXERCISE_HURTS, 1) in flags) is holds
