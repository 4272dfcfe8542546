"""Flag episodes: they open once, email once (again after 7 days or when more severe), close,
and the nightly sweep agrees with the evaluation after each save."""

import datetime as dt
import random

import pytest
import time_machine
from django.core import mail

from safety import rules
from safety.models import Flag, hurting_exercise_ids, open_flags_for
from safety.services import flags_evaluate_user, flags_sweep
from tests.factories import CheckInFactory, SessionFactory, UserFactory

from .helpers import NOW, TODAY, rate, session_with_step

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager(celery_eager):
    """The sweep emails through a task per batch: run it inline."""


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def flags_of(user):
    return {(f.rule, f.severity) for f in Flag.objects.filter(user=user).open()}


# --- each rule on a synthetic history ---


def test_three_weeks_without_improvement_open_a_flag_and_send_one_email(user):
    rate(user, [5] * 7 + [5] * 7 + [6] * 7)
    assert flags_evaluate_user(user_id=user.pk) == 1
    flag = Flag.objects.get(user=user)
    assert flag.rule == rules.NO_IMPROVEMENT
    assert flag.noticed == "Your 7-day average is 5, no lower than 3 weeks ago (6 then)."
    assert flag.consider.startswith("Consider")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Your 7-day average is 5" in mail.outbox[0].body
    assert "cannot diagnose" in mail.outbox[0].body
    assert open_flags_for(user) == [flag]


def test_worsening_pain_opens_a_worsening_flag(user):
    rate(user, [5] * 7 + [3] * 7)
    flags_evaluate_user(user_id=user.pk)
    assert flags_of(user) == {(rules.WORSENING, 1)}


def test_severe_pain_opens_a_severe_flag(user):
    rate(user, [8, 9, 8])
    flags_evaluate_user(user_id=user.pk)
    assert flags_of(user) == {(rules.SEVERE, 1)}
    assert "8 or more on 3 of the last 7 days" in Flag.objects.get(user=user).noticed


def test_six_weeks_of_pain_open_a_long_lasting_flag(user):
    rate(user, [None, 4] * 21)  # every other day, the oldest 42 days ago counting today
    flags_evaluate_user(user_id=user.pk)
    assert (rules.LONG_LASTING, rules.PERSISTENT) in flags_of(user)


def test_an_exercise_that_hurts_twice_opens_a_flag_and_marks_it_for_the_player(user):
    _, exercise = session_with_step(user, TODAY - dt.timedelta(days=2), hurt=True)
    session_with_step(user, TODAY - dt.timedelta(days=1), hurt=False)
    assert flags_evaluate_user(user_id=user.pk) == 0
    session_with_step(user, TODAY, pain_before=2, pain_after=4)  # pain rose by 2
    assert flags_evaluate_user(user_id=user.pk) == 1
    flag = Flag.objects.get(user=user)
    assert (flag.rule, flag.exercise) == (rules.EXERCISE_HURTS, exercise)
    assert hurting_exercise_ids(user) == {exercise.pk}
    assert "hurt in 2 of the last 3 sessions" in flag.noticed


def test_too_few_ratings_raise_no_flag(user):
    rate(user, [9, 9])
    assert flags_evaluate_user(user_id=user.pk) == 0
    assert not Flag.objects.exists()
    assert mail.outbox == []


# --- episodes ---


def test_an_open_flag_stays_one_episode_and_is_not_emailed_again(user):
    rate(user, [8, 9, 8])
    flags_evaluate_user(user_id=user.pk)
    CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=3), pain=9)
    flags_evaluate_user(user_id=user.pk)
    flags_evaluate_user(user_id=user.pk)
    flag = Flag.objects.get(user=user)
    assert flag.numbers["severe_days"] == 4
    assert len(mail.outbox) == 1


def test_a_flag_still_open_after_7_days_is_emailed_once_more(user, clock):
    rate(user, [8, 9, 8])
    flags_evaluate_user(user_id=user.pk)
    clock.shift(dt.timedelta(days=6, hours=23))
    rate(user, [8, 8, 8], today=TODAY + dt.timedelta(days=7))
    flags_evaluate_user(user_id=user.pk)
    assert len(mail.outbox) == 1
    clock.shift(dt.timedelta(hours=2))
    flags_evaluate_user(user_id=user.pk)
    assert len(mail.outbox) == 2
    assert "still the case a week on" in mail.outbox[1].body
    clock.shift(dt.timedelta(days=7))
    rate(user, [8, 8, 8], today=TODAY + dt.timedelta(days=14))
    flags_evaluate_user(user_id=user.pk)
    # (By now three weeks of ratings also open "no improvement", emailed on its own.)
    assert sum("8 or more on 3" in m.body for m in mail.outbox) == 2
    assert Flag.objects.filter(rule=rules.SEVERE).count() == 1


def test_a_flag_that_becomes_more_severe_is_emailed_and_shown_again(user):
    rate(user, [None, 5] * 21)  # six weeks: persistent
    flags_evaluate_user(user_id=user.pk)
    flag = Flag.objects.get(user=user, rule=rules.LONG_LASTING)
    flag.acknowledged_at = NOW
    flag.save()
    assert flag not in open_flags_for(user)
    rate(user, [None] * 42 + [None, 5] * 21)  # now twelve weeks: chronic
    flags_evaluate_user(user_id=user.pk)
    flag.refresh_from_db()
    assert flag.severity == rules.CHRONIC
    assert flag in open_flags_for(user)
    assert len(mail.outbox) == 2
    assert "more serious" in mail.outbox[1].body


def test_a_flag_closes_when_its_rule_stops_holding_and_stays_in_history(user, clock):
    rate(user, [8, 9, 8])
    flags_evaluate_user(user_id=user.pk)
    clock.shift(dt.timedelta(days=8))
    flags_evaluate_user(user_id=user.pk)
    flag = Flag.objects.get(user=user)
    assert flag.closed_at is not None
    assert open_flags_for(user) == []
    # It can open again later, as a new episode.
    rate(user, [9, 9, 9], today=TODAY + dt.timedelta(days=8))
    flags_evaluate_user(user_id=user.pk)
    assert Flag.objects.filter(user=user).count() == 2
    assert len(mail.outbox) == 2


def test_a_failed_email_is_retried_at_the_next_evaluation(user, monkeypatch):
    rate(user, [8, 9, 8])

    def boom(messages):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", boom)
    flags_evaluate_user(user_id=user.pk)
    assert Flag.objects.get(user=user).emailed_at is None
    monkeypatch.undo()
    flags_evaluate_user(user_id=user.pk)
    assert len(mail.outbox) == 1


# --- the nightly sweep ---


def random_history(user, rng):
    profile = rng.choice(["steady", "improving", "worse", "severe", "sparse", "sessions"])
    for days_ago in range(90):
        day = TODAY - dt.timedelta(days=days_ago)
        if profile == "sparse" and rng.random() < 0.7:
            continue
        if profile == "sessions" and rng.random() < 0.5:
            SessionFactory(
                user=user, local_date=day, pain_before=rng.randint(3, 9), pain_after=None
            )
            if rng.random() < 0.5:
                SessionFactory(
                    user=user, local_date=day, pain_before=rng.randint(0, 9), pain_after=None
                )
            continue
        base = {"steady": 5, "improving": 2 + days_ago / 15, "worse": 3 + (days_ago < 7) * 3,
                "severe": 6 + (days_ago < 7) * 3, "sparse": 5, "sessions": 4}[profile]  # fmt: skip
        pain = max(0, min(10, round(base + rng.uniform(-1.5, 1.5))))
        CheckInFactory(user=user, local_date=day, pain=pain)


def snapshot():
    return sorted(
        (f.user_id, f.rule, f.exercise_id, f.severity, sorted(f.numbers.items()))
        for f in Flag.objects.open()
    )


def test_the_nightly_sweep_and_the_evaluation_after_saving_agree():
    rng = random.Random(6)
    users = [UserFactory(time_zone=tz) for tz in ["Europe/London", "Pacific/Auckland",
             "America/Los_Angeles"] * 5]  # fmt: skip
    for u in users:
        random_history(u, rng)
    for u in users[:4]:
        session_with_step(u, TODAY - dt.timedelta(days=1), hurt=True)
        session_with_step(u, TODAY, hurt=True)
    for u in users:
        flags_evaluate_user(user_id=u.pk)
    on_save = snapshot()
    assert len({f[1] for f in on_save}) >= 4  # the histories exercise most rules
    Flag.objects.all().delete()
    result = flags_sweep(batch_size=4)
    assert snapshot() == on_save
    assert result.opened == len(on_save)
    assert result.users == len(users)


def test_running_the_sweep_twice_changes_nothing(user, other_user):
    rate(user, [8, 9, 8])
    rate(other_user, [5] * 7 + [3] * 7)
    first = flags_sweep()
    state = list(Flag.objects.values())
    second = flags_sweep()
    assert (first.opened, second.opened, second.closed) == (2, 0, 0)
    assert list(Flag.objects.values()) == state
    assert len(mail.outbox) == 2


def test_the_sweep_closes_flags_of_users_who_stopped_rating(user, clock):
    rate(user, [8, 9, 8])
    flags_sweep()
    clock.shift(dt.timedelta(days=100))
    result = flags_sweep()
    assert result.closed == 1
    assert not Flag.objects.open().exists()


def test_the_sweep_uses_a_fixed_number_of_queries_per_batch(django_assert_max_num_queries):
    rng = random.Random(1)
    for _ in range(12):
        random_history(UserFactory(), rng)
    flags_sweep()  # opens and emails
    # Time zones, id bounds (and, on PostgreSQL, JIT off and back on) once; per batch: weeks,
    # exercises, open flags, emails due and the transaction's savepoint and release.
    with django_assert_max_num_queries(2 + 2 + 6):
        flags_sweep(batch_size=1000)


def test_a_flag_back_at_a_level_already_shown_stays_acknowledged(user):
    rate(user, [5] * 84)  # 84 days: chronic
    flags_evaluate_user(user_id=user.pk)
    flag = Flag.objects.get(user=user, rule=rules.LONG_LASTING)
    assert flag.severity == rules.CHRONIC
    flag.acknowledged_at = NOW
    flag.save()
    oldest = user.checkins.get(local_date=TODAY - dt.timedelta(days=83))
    oldest.delete()  # now 83 days: persistent
    flags_evaluate_user(user_id=user.pk)
    flag.refresh_from_db()
    assert flag.severity == rules.PERSISTENT
    CheckInFactory(user=user, local_date=oldest.local_date, pain=5)  # chronic again
    flags_evaluate_user(user_id=user.pk)
    flag.refresh_from_db()
    assert (flag.severity, flag.acknowledged_at) == (rules.CHRONIC, NOW)
    assert flag not in open_flags_for(user)
    assert len(mail.outbox) == 1
