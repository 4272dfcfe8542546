"""The mail server is down when reminders are due, then comes back: every reminder is sent
once it is back, none is lost and none goes twice. A real SMTP server (aiosmtpd) on a port
of the test's own."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from accounts.models import User
from backease.celery import app as celery_app
from reminders import services
from reminders.models import Reminder
from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# 2026-03-02 is a Monday; 08:00 in Berlin is 07:00 UTC, in London 08:00 UTC.
BEFORE = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
DUE = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def mail_via(settings, smtp_server):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp_server.port, "timeout": 5},
        }
    }
    return smtp_server


@pytest.fixture
def eager_with_retries():
    before = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = True, False
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = before


@pytest.fixture
def due_people(db):
    people = []
    for zone in ("Europe/Berlin", "Europe/London", "Europe/Lisbon"):
        person = UserFactory(time_zone=zone)
        services.reminder_add(
            user=person, local_time=dt.time(8, 0), weekdays=127, skip_if_done=False, now=BEFORE
        )
        people.append(person)
    return people


@pytest.mark.usefixtures("eager_with_retries")
def test_reminders_due_while_the_mail_server_is_down_are_sent_once_when_it_is_back(
    mail_via, due_people, django_capture_on_commit_callbacks
):
    smtp = mail_via

    def dispatch(at):
        with (
            time_machine.travel(at, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            return services.reminders_dispatch()

    # The server is down: every try is refused; the reminders wait, pending.
    assert dispatch(DUE).claimed == 3
    assert smtp.messages == []
    rows = list(Reminder.objects.all())
    assert len(rows) == 3
    assert {r.status for r in rows} == {Reminder.Status.PENDING}
    assert all(r.attempts == 5 and "ConnectionRefusedError" in r.error for r in rows)

    # Still down at the next dispatches: nothing is lost, nothing marked failed.
    dispatch(DUE + dt.timedelta(minutes=25))
    assert set(Reminder.objects.values_list("status", flat=True)) == {Reminder.Status.PENDING}

    # The server comes back; the next dispatch after the wait sends each reminder once.
    smtp.start()
    dispatch(DUE + dt.timedelta(minutes=50))
    assert sorted(env.rcpt_tos[0] for env in smtp.messages) == sorted(p.email for p in due_people)
    assert set(Reminder.objects.values_list("status", flat=True)) == {Reminder.Status.SENT}

    # Later dispatches, the same day and the retries of any stale message: no second email.
    for minutes in (75, 100, 180):
        dispatch(DUE + dt.timedelta(minutes=minutes))
    assert len(smtp.messages) == 3
    assert Reminder.objects.count() == 3


def test_signing_up_while_the_mail_server_is_down_keeps_the_account_and_says_so(client, mail_via):
    response = client.post(
        reverse("account_signup"),
        {"email": "ana@example.com", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    assert response.status_code == 200
    assert User.objects.filter(email="ana@example.com").exists()
    assert "We couldn’t send you an email just now" in response.content.decode()
    # Back up: asking for the email again sends it.
    mail_via.start()
    reset = client.post(reverse("account_reset_password"), {"email": "ana@example.com"})
    assert reset.status_code == 302
    assert len(mail_via.messages) == 1
