import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.utils import translation

from tests.factories import UserFactory

PASSWORD = "a-strong-pass-phrase"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _english_until_asked():
    """Each test starts in English: a request in Spanish or German leaves its language active
    in the thread (LocaleMiddleware activates per request and never resets), and the next
    test in the same worker would otherwise read translated content."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def user(db):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def other_user(db):
    other = UserFactory()
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    return other


@pytest.fixture
def user_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def celery_eager(monkeypatch):
    """Run Celery tasks inline, as a worker would."""
    from backease.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)
    return app


@pytest.fixture
def routine_library(transactional_db):
    """The routine library (loaded by a migration), loaded again if an earlier
    transactional test's flush emptied it."""
    from routines.library import load_library
    from routines.models import Exercise, Routine, RoutineStep

    if not Routine.objects.exists():
        load_library(Exercise, Routine, RoutineStep)
