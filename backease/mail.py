"""Email backend for local use: keep every message as a file and echo it."""

import sys

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class FileAndConsoleBackend(FileBackend):
    """Writes each message under EMAIL_FILE_PATH and prints it, so a person running
    `make run` can read sign-up and reminder emails without an SMTP server."""

    def write_message(self, message) -> None:
        super().write_message(message)
        text = message.message().as_bytes()
        sys.stdout.write(f"\n--- email written to {self._fname} ---\n")
        sys.stdout.write(text.decode(errors="replace"))
        sys.stdout.write("\n" + "-" * 79 + "\n")
        sys.stdout.flush()
