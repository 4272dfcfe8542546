"""Thin tasks: each takes ids and calls a service."""

import smtplib

from celery import Task, shared_task

from . import services


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


class SendReminderTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        # Called once every try is spent (or on an error that is not retried).
        reminder_id = kwargs.get("reminder_id", args[0] if args else None)
        if reminder_id is not None:
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
