import logging
import os

from celery import Celery
from celery.signals import task_failure, task_postrun, task_prerun
from django.db import close_old_connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backease.settings")

app = Celery("backease")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger("backease.tasks")


@task_prerun.connect
@task_postrun.connect
def recycle_database_connections(sender=None, **_):
    """Close a database connection that is broken or older than CONN_MAX_AGE, as Django does
    around each request (settings.CELERY_DB_REUSE_MAX stops Celery from closing it after
    every task). Not for eager tasks: they run inside the caller's transaction."""
    if not getattr(getattr(sender, "request", None), "is_eager", False):
        close_old_connections()


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
