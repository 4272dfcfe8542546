"""Test settings: the production module, with what a test client cannot use turned off."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "x" * 40)
# Production refuses to start without a mail server; the test runner swaps in its own
# in-memory mailbox, so this one is never used.
os.environ.setdefault("EMAIL_URL", "smtp://127.0.0.1:25")

from backease.settings import *  # noqa: E402, F403

SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test run gets its own cache, so rate-limit counters never leak between tests or
# runs (the Redis broker is still used when REDIS_URL is set).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# pytest-xdist runs several workers against one Redis: each keeps its broker keys apart,
# so one worker's Celery test never consumes another's tasks. Worker subprocesses
# started by a test inherit the variable and so the prefix.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _XDIST_WORKER and REDIS_URL:  # noqa: F405
    CELERY_BROKER_TRANSPORT_OPTIONS = {  # noqa: F405
        **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
        "global_keyprefix": f"{_XDIST_WORKER}:",
    }
