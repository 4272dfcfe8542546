"""Thin tasks: each takes ids and calls a service."""

import logging
import smtplib
from collections import Counter

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded

from . import services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def dispatch_reminders() -> int:
    """Run every minute by beat: claim what is due and queue the sends."""
    return services.reminders_dispatch().claimed


def is_transient(exc: BaseException) -> bool:
    """Errors that say "try later" (server unreachable, 4xx replies, a batch that ran out of
    time on a slow server), not "never"."""
    if isinstance(exc, SoftTimeLimitExceeded):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code < 500
    return isinstance(exc, OSError | smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError)


class SendRemindersTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        # Called once every try is spent (or on an error that is not retried).
        ids = kwargs.get("reminder_ids", args[0] if args else None)
        if not ids:
            return
        if isinstance(ids, int):
            ids = [ids]
        if is_transient(exc):
            # The mail server is away: the rows stay pending and dispatch queues them again
            # while each person's day lasts, so an outage delays reminders but loses none.
            logger.warning("reminders: mail server unavailable, %d reminders wait", len(ids))
            return
        services.reminders_fail(reminder_ids=ids, error=exc)


SEND_OPTIONS = {
    "base": SendRemindersTask,
    "acks_late": True,
    "reject_on_worker_lost": True,
    # SMTP failures, refused or timed-out connections: at most 5 tries in all.
    "autoretry_for": (smtplib.SMTPException, OSError),
    "max_retries": 4,
    "retry_backoff": 30,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    # Far below the claim lease (REMINDERS_SEND_LEASE_SECONDS, 120 s) and Redis'
    # visibility timeout; a batch (services.SEND_BATCH) takes seconds.
    "soft_time_limit": 45,
    "time_limit": 60,
}


@shared_task(**SEND_OPTIONS)
def send_reminders(reminder_ids: list[int]) -> dict:
    """Send a batch of reminders over one mail server connection. Running twice, or after
    a crash, sends nothing twice: each row is claimed before its email goes."""
    outcome = services.reminders_send(reminder_ids=reminder_ids)
    return dict(Counter(outcome.values()))  # for the worker's log: {"sent": 49, ...}


@shared_task(**SEND_OPTIONS)
def send_reminder(reminder_id: int) -> str:
    """One reminder (messages queued before batches, and the admin's retries)."""
    return services.reminder_send(reminder_id=reminder_id)
