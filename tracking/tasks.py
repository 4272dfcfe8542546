from celery import shared_task

from . import services


@shared_task
def close_stale_sessions() -> int:
    return services.session_close_stale()
