"""Test settings: the production module, with what a test client cannot use turned off."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "x" * 40)
# Production refuses to start without a mail server; the test runner swaps in its own
# in-memory mailbox, so this one is never used.
os.environ.setdefault("EMAIL_URL", "smtp://127.0.0.1:25")

# pytest-xdist runs several workers against one Redis server: each takes the next db
# (gw0 the one REDIS_URL names, gw1 the one after), so one worker's Celery test never
# consumes another's tasks. Worker processes started by a test inherit the choice.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER and os.environ.get("REDIS_URL") and not os.environ.get("TEST_REDIS_DB_CHOSEN"):
    _base, _, _db = os.environ["REDIS_URL"].rpartition("/")
    os.environ["REDIS_URL"] = f"{_base}/{(int(_db or 0) + int(_XDIST_WORKER[2:])) % 16}"
    os.environ["TEST_REDIS_DB_CHOSEN"] = "1"

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
