import logging
import os

from celery import Celery
from celery.signals import task_failure

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backease.settings")

app = Celery("backease")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger("backease.tasks")


@task_failure.connect
def log_task_failure(sender=None, task_id=None, args=None, kwargs=None, exception=None, **_):
    """One line per failed task: its name, id and the ids it was given. Tasks take only ids,
    but anything else is left out, so no health data reaches the logs."""
    logger.error(
        "task failed: %s (%s)",
        getattr(sender, "name", sender),
        type(exception).__name__,
        extra={"ids": _ids(args, kwargs)},
    )


def _ids(args, kwargs) -> dict:
    def keep(value):
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, list | tuple) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            return list(value)
        return None

    found = {f"arg{i}": keep(v) for i, v in enumerate(args or ())}
    found.update({k: keep(v) for k, v in (kwargs or {}).items()})
    return {k: v for k, v in found.items() if v is not None}
