"""One JSON object per log line, with the request or Celery task it belongs to.

The fields are an allow-list: extras that libraries attach to records (Celery puts a task's
arguments in ``data``) never reach the logs, so neither does health data."""

import contextvars
import json
import logging
import re
import time
import uuid

from celery._state import get_current_task

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def new_request_id(incoming: str | None = None) -> str:
    """Keep a proxy's X-Request-ID when it looks like one; otherwise make our own."""
    if incoming and _VALID_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


class ContextFilter(logging.Filter):
    """Adds request_id, and task_name/task_id inside a Celery task, to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None and record.name.startswith("django.request"):
            # Django logs "Not Found: <path>"; paths can hold share-link and unsubscribe
            # tokens. Keep the reason; the request line names the URL pattern.
            record.msg, record.args = "%s", (str(record.args[0]) if record.args else "",)
        # Django logs a response's status after our middleware has returned: take the id
        # from the request it attaches.
        record.request_id = request_id.get() or getattr(request, "request_id", "")
        record.task_name = record.task_id = ""
        task = get_current_task()
        if task is not None and task.request.id:
            record.task_name, record.task_id = task.name, task.request.id
        return True


class JsonFormatter(logging.Formatter):
    converter = time.gmtime
    FIELDS = (
        "request_id",
        "task_name",
        "task_id",
        "ids",
        "user",
        "method",
        "route",
        "status",
        "ms",
    )

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in self.FIELDS:
            value = getattr(record, field, None)
            if value not in (None, ""):
                entry[field] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
