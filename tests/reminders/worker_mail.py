import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class FirstSendHangsBackend(EmailBackend):
    """Writes emails to files, except that the very first send (across processes) hangs,
    leaving the worker mid-send for the test to kill."""

    def send_messages(self, messages):
        marker = Path(os.environ["REMINDER_TEST_MAIL_DIR"]) / "first-send-started"
        if not marker.exists():
            marker.touch()
            time.sleep(600)
        return super().send_messages(messages)
