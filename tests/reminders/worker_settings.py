"""Settings for the separate worker processes of the kill test (test_integration.py).

They share the test database and Redis with the test; emails go to files so the test can
count them across processes, and the first send hangs so the worker can be killed in it.
"""

import os

from tests.settings import *  # noqa: F403

MAILERS = {
    "default": {
        "BACKEND": "tests.reminders.worker_mail.FirstSendHangsBackend",
        "OPTIONS": {"file_path": os.environ["REMINDER_TEST_MAIL_DIR"]},
    }
}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Short enough for a test: a killed sender's row is taken over after 3 s, and Redis hands
# an unacknowledged message to another worker after 5 s.
REMINDERS_SEND_LEASE_SECONDS = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 5}
