"""Writes of the safety app: flag episodes, their emails, screening answers, share links.

Nothing outside safety calls in here to evaluate flags: tracking announces every change of
a person's pain data through `tracking.hooks.pain_data_changed`, and `safety.receivers`
answers each with `flags_enqueue_evaluation`.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import Case, F, Max, Min, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from tracking.models import local_today

from . import rules, wording
from .models import Flag, PendingEvaluation, ScreeningResponse, ShareLink, hash_token
from .numbers import contact_for
from .questions import BY_KEY, screening_level
from .rules import RuleResult, Thresholds, Weeks
from .sweep import exercise_outcomes_for_range, local_todays, weeks_for_range, without_jit

if TYPE_CHECKING:
    from collections.abc import Mapping

logger = logging.getLogger(__name__)


# --- When rules run --------------------------------------------------------------------


def flags_enqueue_evaluation(*, user_id: int) -> None:
    """Evaluate the user's flags in a Celery task, soon. Called once a change of their
    pain data has committed (see `safety.receivers`).

    If the broker is down the save that led here has still succeeded: the evaluation is
    written down as owed and `flags_catch_up` runs it once the broker is back."""
    from .tasks import evaluate_user_flags

    if not _enqueue(evaluate_user_flags, user_id):
        PendingEvaluation.objects.get_or_create(user_id=user_id)


def flags_schedule_evaluation(*, user_id: int) -> None:
    """`flags_enqueue_evaluation` once the current transaction commits."""
    transaction.on_commit(lambda: flags_enqueue_evaluation(user_id=user_id))


def _enqueue(task, *args) -> bool:
    """Publish a task without publish retries, so a caller never waits on a dead broker;
    on failure log and report it.

    The first try uses a connection from Celery's pool: opening one per rating cost about a
    third of a check-in. A pooled connection can be dead (Redis restarted since it was last
    used): then it is thrown away, never handed out again, and the task goes out on a fresh
    connection tried once (`max_retries=1`; the pool's own retries would wait for minutes)."""
    pool = task.app.pool
    try:
        connection = pool.acquire(block=True, timeout=1)
    except Exception:  # every pooled connection busy: fall through to a fresh one
        connection = None
    if connection is not None:
        try:
            connection.ensure_connection(max_retries=1)
            task.apply_async(args, connection=connection, retry=False)
        except Exception:
            pool.replace(connection)
        else:
            connection.release()
            return True
    try:
        with task.app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1)
            task.apply_async(args, connection=connection, retry=False)
        return True
    except Exception:  # kombu OperationalError, redis ConnectionError, OSError...
        logger.warning("safety: could not enqueue %s%s", task.name, args, exc_info=True)
        return False


def flags_catch_up(*, limit: int = 500) -> int:
    """Run the evaluations owed since a broker outage (beat, every few minutes). Rows are
    locked with SKIP LOCKED and deleted with the work, so concurrent or repeated runs never
    evaluate twice; evaluation itself is idempotent anyway."""
    done = 0
    with transaction.atomic():
        user_ids = list(
            PendingEvaluation.objects.select_for_update(skip_locked=True)
            .order_by("since")
            .values_list("user_id", flat=True)[:limit]
        )
        for user_id in user_ids:
            flags_evaluate_user(user_id=user_id)
            done += 1
        PendingEvaluation.objects.filter(user_id__in=user_ids).delete()
    return done


def rescreen_needed(*, pain: int | None = None, new_leg_symptoms: bool = False) -> bool:
    """Ask the warning-sign questions again after a rating of 8 or more or new symptoms."""
    return new_leg_symptoms or (pain is not None and pain >= settings.SAFETY_RESCREEN_PAIN)


def _holding(weeks: Weeks, outcomes: Mapping[int, list[bool]], t: Thresholds) -> list[RuleResult]:
    results = [r for r in rules.pain_rules(weeks, t) if r.holds]
    for exercise_id, hurt in outcomes.items():
        result = rules.exercise_hurts(hurt, t, exercise_id)
        if result.holds:
            results.append(result)
    return results


def flags_evaluate_user(*, user_id: int, now: dt.datetime | None = None) -> int:
    """Evaluate one user's rules; returns flags opened. The same set-based reads as the
    nightly sweep, for a batch of one, so the two paths cannot disagree."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return 0
    now = now or timezone.now()
    t = Thresholds.from_settings()
    today = local_today(user, now)
    since = today - dt.timedelta(days=t.lookback_days - 1)
    todays = {user.time_zone: today}
    weeks = weeks_for_range(user_id, user_id, now=now, todays=todays, t=t).get(user_id)
    weeks = weeks or Weeks(())
    outcomes = exercise_outcomes_for_range(user_id, user_id, since=since, t=t).get(user_id, {})
    holding = {user_id: _holding(weeks, outcomes, t)}
    opened, _closed = _apply(holding, lo=user_id, hi=user_id, now=now)
    flags_send_due_emails(lo=user_id, hi=user_id, now=now)
    return opened


@dataclass
class SweepResult:
    users: int = 0
    batches: int = 0
    opened: int = 0
    closed: int = 0


def flags_sweep(*, now: dt.datetime | None = None, batch_size: int = 5000) -> SweepResult:
    """The nightly sweep: every user with ratings in the lookback or an open flag, in batches
    of user ids, a fixed handful of queries per batch. Running it twice changes nothing."""
    now = now or timezone.now()
    t = Thresholds.from_settings()
    zones = list(User.objects.order_by().values_list("time_zone", flat=True).distinct())
    todays = local_todays(zones, now)
    since = min(todays.values(), default=now.date()) - dt.timedelta(days=t.lookback_days - 1)
    bounds = User.objects.aggregate(lo=Min("id"), hi=Max("id"))
    result = SweepResult()
    if bounds["lo"] is None:
        return result
    with without_jit():
        for lo in range(bounds["lo"], bounds["hi"] + 1, batch_size):
            _sweep_batch(lo, lo + batch_size - 1, now=now, todays=todays, since=since, t=t,
                         result=result)  # fmt: skip
    logger.info("safety sweep: %s", result)
    return result


def _sweep_batch(
    lo: int, hi: int, *, now: dt.datetime, todays: dict, since: dt.date, t: Thresholds,
    result: SweepResult,
) -> None:  # fmt: skip
    from .tasks import send_flag_emails  # tasks import this module

    weeks = weeks_for_range(lo, hi, now=now, todays=todays, t=t)
    outcomes = exercise_outcomes_for_range(lo, hi, since=since, t=t)
    users = weeks.keys() | outcomes.keys()
    holding = {
        user_id: _holding(weeks.get(user_id) or Weeks(()), outcomes.get(user_id, {}), t)
        for user_id in users
    }
    opened, closed = _apply(holding, lo=lo, hi=hi, now=now)
    # The emails of the batch go out from a worker, so the sweep never waits on SMTP.
    _enqueue(send_flag_emails, lo, hi)
    result.users += len(users)
    result.batches += 1
    result.opened += opened
    result.closed += closed


def _apply(
    holding: Mapping[int, list[RuleResult]], *, lo: int, hi: int, now: dt.datetime
) -> tuple[int, int]:
    """Bring the pain-rule flags of users lo..hi in line with what holds now: open new
    episodes, update the numbers of open ones, close those that stopped holding. Then send
    Returns (flags opened, flags closed); the caller sends the emails now due."""
    with transaction.atomic():
        open_flags = {
            (f.user_id, f.rule, f.exercise_id): f
            for f in Flag.objects.for_user_ids(lo, hi).open().pain_rules()
        }
        to_create, to_update = [], []
        for user_id, results in holding.items():
            for r in results:
                flag = open_flags.pop((user_id, r.rule, r.exercise_id), None)
                if flag is None:
                    to_create.append(
                        Flag(
                            user_id=user_id,
                            rule=r.rule,
                            exercise_id=r.exercise_id,
                            severity=r.severity,
                            numbers=r.numbers,
                            opened_at=now,
                        )  # fmt: skip
                    )
                elif (flag.severity, flag.numbers) != (r.severity, r.numbers):
                    if r.severity > max(flag.severity, flag.emailed_severity):
                        # More severe than ever told: show the banner again. (Back up to a
                        # level already shown, e.g. chronic again after a gap on the 84th
                        # day, it stays acknowledged.)
                        flag.acknowledged_at = None
                    flag.severity, flag.numbers = r.severity, r.numbers
                    to_update.append(flag)
        # Whatever is still in open_flags no longer holds.
        closed = [f.pk for f in open_flags.values()]
        if to_create:
            # A concurrent evaluation may have opened the same episode: the partial unique
            # constraints keep one.
            Flag.objects.bulk_create(to_create, batch_size=2000, ignore_conflicts=True)
        if to_update:
            Flag.objects.bulk_update(
                to_update, ["severity", "numbers", "acknowledged_at"], batch_size=2000
            )
        if closed:
            Flag.objects.filter(pk__in=closed).update(closed_at=now)
    return len(to_create), len(closed)


# --- Emails ----------------------------------------------------------------------------


def flags_send_due_emails(*, lo: int, hi: int, now: dt.datetime | None = None) -> int:
    """Email each user of lo..hi about their flags owed an email (one message per user).

    Claim before sending: a conditional UPDATE stamps the due flags with a random token, so
    two workers never email the same flag; if sending fails the claim is undone and the next
    evaluation tries again. Returns the number of messages sent."""
    now = now or timezone.now()
    due = {
        pk: (emailed_at, severity, reminded_at)
        for pk, emailed_at, severity, reminded_at in Flag.objects.for_user_ids(lo, hi)
        .email_due(now)
        .values_list("pk", "emailed_at", "emailed_severity", "reminded_at")
    }
    if not due:
        return 0
    token = secrets.token_hex(16)
    cutoff = now - dt.timedelta(days=settings.SAFETY_REMINDER_DAYS)
    Flag.objects.filter(pk__in=list(due)).email_due(now).update(
        email_claim=token,
        emailed_at=now,
        emailed_severity=F("severity"),
        reminded_at=Case(When(opened_at__lte=cutoff, then=Value(now)), default=F("reminded_at")),
    )
    claimed = list(Flag.objects.filter(email_claim=token).select_related("user", "exercise"))
    by_user: dict[User, list[Flag]] = defaultdict(list)
    for flag in claimed:
        flag.email_kind = _email_kind(flag, *due[flag.pk][:2])
        by_user[flag.user].append(flag)
    messages = [_flag_email(user, flags) for user, flags in by_user.items()]
    try:
        mailers.default.send_messages(messages)
    except Exception:
        logger.exception("safety: flag emails failed; releasing %s claims", len(claimed))
        for flag in claimed:
            flag.emailed_at, flag.emailed_severity, flag.reminded_at = due[flag.pk]
            flag.email_claim = ""
        Flag.objects.bulk_update(
            claimed, ["emailed_at", "emailed_severity", "reminded_at", "email_claim"]
        )
        return 0
    return len(messages)


def _email_kind(flag: Flag, emailed_at: dt.datetime | None, emailed_severity: int) -> str:
    if emailed_at is None:
        return "opened"
    if flag.severity > emailed_severity:
        return "more_severe"
    return "reminder"


def _flag_email(user: User, flags: list[Flag]) -> EmailMessage:
    """One message for all of a person's flags owed an email, the most serious first, its
    subject the most serious level's own words ("Call 999 now", ...)."""
    flags = sorted(flags, key=lambda f: (f.rule != rules.RED_FLAG, -f.severity, f.pk))
    # Made outside a request: in the person's own language.
    with translation.override(user.email_language):
        contact = contact_for(user)
        level = wording.most_serious(flags)
        context = {
            "user": user,
            "flags": flags,
            "level": level,
            "action": wording.action(level, contact),
            "contact": contact,
            "site_url": settings.SITE_URL,
            "summary_url": settings.SITE_URL + reverse("safety:summary"),
            "help_url": settings.SITE_URL + reverse("safety:help"),
            "decides_url": settings.SITE_URL + reverse("safety:how_we_decide"),
        }
        subject = context["action"]
        body = render_to_string("emails/safety_flags.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


# --- Flags from the user ------------------------------------------------------------------


def flag_acknowledge(*, flag: Flag) -> Flag:
    """ "I've booked / I understand": hide the banner until the flag becomes more severe.
    An emergency is acknowledged as a whole (its answers too: routines resume)."""
    if flag.level == wording.EMERGENCY:
        emergency_acknowledge(user=flag.user)
        flag.refresh_from_db()
        return flag
    if flag.acknowledged_at is None:
        flag.acknowledged_at = timezone.now()
        flag.save(update_fields=["acknowledged_at"])
    return flag


# --- Red-flag screening ------------------------------------------------------------------


def screening_record(
    *, user: User, answers: Mapping[str, bool], reason: str = ""
) -> ScreeningResponse:
    """Store an answer to the warning-sign questions and open, raise, lower or close the
    red-flag episode with it.

    `answers` holds the questions that were asked and answered: all of them in the
    screening, the emergency ones in a check-in. A question not asked keeps its earlier
    "yes" in the open episode, so answering the emergency questions "no" in a check-in
    never closes an urgent flag. Unknown keys are ignored."""
    asked = {key: bool(yes) for key, yes in answers.items() if key in BY_KEY}
    now = timezone.now()
    with transaction.atomic():
        response = ScreeningResponse.objects.create(
            user=user,
            answered_at=now,
            local_date=local_today(user, now),
            reason=reason,
            answers=asked,
            level=screening_level(asked),
        )
        flag = (
            Flag.objects.for_user(user)
            .open()
            .filter(rule=rules.RED_FLAG)
            .select_for_update()
            .first()
        )
        earlier = flag.numbers.get("answers", {}) if flag else {}
        yes = {key: True for key in earlier if key not in asked}
        yes.update({key: True for key, answer in asked.items() if answer})
        level = screening_level(yes)
        numbers = {"answers": yes}
        if level and flag is None:
            Flag.objects.create(
                user=user, rule=rules.RED_FLAG, severity=level, numbers=numbers, opened_at=now
            )
        elif level:
            if level > flag.severity:
                flag.acknowledged_at = None
            flag.severity, flag.numbers = level, numbers
            flag.save(update_fields=["severity", "numbers", "acknowledged_at"])
        elif flag is not None:
            flag.closed_at = now
            flag.save(update_fields=["closed_at"])
        flags_schedule_evaluation(user_id=user.pk)
    return response


def screening_skip(*, user: User) -> ScreeningResponse:
    """ "Not now" on the first screening: remember it so it is asked once only."""
    now = timezone.now()
    return ScreeningResponse.objects.create(
        user=user,
        answered_at=now,
        local_date=local_today(user, now),
        reason=ScreeningResponse.Reason.SIGNUP,
        skipped=True,
    )


def emergency_acknowledge(*, user: User) -> int:
    """The user has read the emergency advice: routines resume."""
    now = timezone.now()
    with transaction.atomic():
        count = (
            ScreeningResponse.objects.for_user(user)
            .unacknowledged_emergencies()
            .update(acknowledged_at=now)
        )
        Flag.objects.for_user(user).open().filter(
            rule=rules.RED_FLAG, acknowledged_at__isnull=True
        ).update(acknowledged_at=now)
    return count


# --- Share links -----------------------------------------------------------------------------


def share_link_create(
    *, user: User, weeks: int = 8, days: int | None = None, label: str = ""
) -> tuple[ShareLink, str]:
    """A new read-only link to the clinician summary; returns the link and its token, which
    is not stored (only its hash) and so can be shown once."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    link = ShareLink.objects.create(
        user=user,
        token_hash=hash_token(token),
        weeks=weeks,
        label=label,
        created_at=now,
        expires_at=now + dt.timedelta(days=days or settings.SAFETY_SHARE_LINK_DAYS),
    )
    return link, token


def share_link_revoke(*, link: ShareLink) -> ShareLink:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link
