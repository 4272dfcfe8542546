"""Email backend for local use: keep every message as a file and echo it."""

import logging

from django.core.mail.backends.filebased import EmailBackend as FileBackend

logger = logging.getLogger("backease.mail")


class FileAndConsoleBackend(FileBackend):
    """Writes each message under EMAIL_FILE_PATH and logs it at INFO, so a person running
    `make run` can read sign-up and reminder emails without an SMTP server. Logged, not
    printed: the Celery worker turns stdout into WARNING lines of `celery.redirected`."""

    def write_message(self, message) -> None:
        super().write_message(message)
        text = message.message().as_bytes().decode(errors="replace")
        logger.info("email written to %s\n%s\n%s", self._fname, text, "-" * 79)
