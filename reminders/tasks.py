"""Thin tasks: each takes ids and calls a service."""

import logging
import smtplib

from celery import Task, shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def dispatch_reminders() -> int:
    """Run every minute by beat: claim what is due and queue the sends."""
    return services.reminders_dispatch().claimed


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_reminders(reminder_ids: list[int]) -> None:
    """Fan a batch out into one send task per reminder, so dispatch publishes a few
    messages, not thousands. Running twice only queues sends that claim nothing."""
    for reminder_id in reminder_ids:
        send_reminder.delay(reminder_id)


def is_transient(exc: BaseException) -> bool:
    """Errors that say "try later" (server unreachable, 4xx replies), not "never"."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code < 500
    return isinstance(exc, OSError | smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError)


class SendReminderTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        # Called once every try is spent (or on an error that is not retried).
        reminder_id = kwargs.get("reminder_id", args[0] if args else None)
        if reminder_id is None:
            return
        if is_transient(exc):
            # The mail server is away: the row stays pending and dispatch queues it again
            # while the person's day lasts, so an outage delays reminders but loses none.
            logger.warning("reminders: mail server unavailable, reminder %s waits", reminder_id)
            return
        services.reminder_fail(reminder_id=reminder_id, error=exc)


@shared_task(
    base=SendReminderTask,
    acks_late=True,
    reject_on_worker_lost=True,
    # SMTP failures, refused or timed-out connections: at most 5 tries in all.
    autoretry_for=(smtplib.SMTPException, OSError),
    max_retries=4,
    retry_backoff=30,
    retry_backoff_max=300,
    retry_jitter=True,
    # Far below the claim lease (REMINDERS_SEND_LEASE_SECONDS, 120 s) and Redis'
    # visibility timeout.
    soft_time_limit=45,
    time_limit=60,
)
def send_reminder(reminder_id: int) -> str:
    return services.reminder_send(reminder_id=reminder_id)
