from celery import shared_task

from . import services


# Both are idempotent (an episode opens once; emails are claimed before they are sent), so a
# task lost with its worker is simply run again.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def evaluate_user_flags(user_id: int) -> int:
    return services.flags_evaluate_user(user_id=user_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_flag_emails(lo: int, hi: int) -> int:
    """Emails owed by the flags of users lo..hi (claimed first, so never twice)."""
    return services.flags_send_due_emails(lo=lo, hi=hi)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sweep_flags() -> int:
    return services.flags_sweep().opened


@shared_task(acks_late=True, reject_on_worker_lost=True)
def catch_up_evaluations() -> int:
    """Evaluations that could not be queued while the broker was down."""
    return services.flags_catch_up()
