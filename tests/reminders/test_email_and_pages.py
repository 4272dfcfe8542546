import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from reminders import services
from reminders.models import Reminder, ReminderSettings
from routines.models import Routine
from tests.conftest import PASSWORD
from tests.factories import CheckInFactory, ReminderSettingsFactory, SessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager")]

UTC = dt.UTC
DUE = dt.datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 08:00 in London, where the factory lives
TODAY = dt.date(2026, 3, 2)


def _due_reminder(user, dispatch) -> Reminder:
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        services.reminder_settings_update(
            user=user, enabled=True, local_time=dt.time(8, 0), weekdays=127, skip_if_done=True
        )
    with time_machine.travel(DUE, tick=False):
        dispatch()
    return Reminder.objects.get(user=user)


def test_the_email_has_the_name_routine_link_streak_and_pain_trend(user, dispatch):
    routine = Routine.objects.published().get(slug="desk-break")
    user.preferred_routine = routine
    user.save()
    for days_ago in (1, 2):
        SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=days_ago))
    CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=1), pain=3)
    _due_reminder(user, dispatch)

    [message] = mail.outbox
    start_url = settings.SITE_URL + reverse("tracking:start", args=[routine.slug])
    html = message.alternatives[0].content
    for part in (message.body, html):
        assert user.name in part
        assert routine.title in part
        assert start_url in part
        assert "2 days in a row" in part
        assert "Your average pain over the last 7 days is 4.0 out of 10." in part
    assert message.alternatives[0].mimetype == "text/html"
    assert message.to == [user.email]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert unsubscribe.startswith(settings.SITE_URL + "/reminders/unsubscribe/")
    assert unsubscribe in message.body
    # The raw header carries the URL as is (not RFC 2047-encoded), as mail clients need.
    raw = message.message().as_bytes().decode()
    assert f"List-Unsubscribe: <{unsubscribe}>\n" in raw.replace("\r\n", "\n")
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def test_todays_routine_is_the_last_one_done_when_none_is_chosen(user):
    SessionFactory(user=user, routine=Routine.objects.get(slug="evening-release"))
    assert services.routine_for_today(user).slug == "evening-release"


def test_todays_routine_is_the_first_published_one_for_a_newcomer(user):
    assert services.routine_for_today(user) == Routine.objects.published().first()


def _unsubscribe_url(user) -> str:
    return reverse("reminders:unsubscribe", args=[services.unsubscribe_token(user)])


def test_the_unsubscribe_link_asks_first_without_a_login(client, user):
    ReminderSettingsFactory(user=user)
    response = client.get(_unsubscribe_url(user))
    assert response.status_code == 200
    assert "Yes, stop my reminders" in response.content.decode()
    assert ReminderSettings.objects.get(user=user).enabled


def test_one_click_unsubscribe_works_without_login_or_csrf(user):
    from django.test import Client

    services.reminder_settings_update(
        user=user, enabled=True, local_time=dt.time(8, 0), weekdays=127, skip_if_done=True
    )
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _unsubscribe_url(user),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    row = ReminderSettings.objects.get(user=user)
    assert not row.enabled
    assert row.next_reminder_at is None


def test_a_tampered_unsubscribe_link_gets_a_clear_400(client, user):
    response = client.post(_unsubscribe_url(user)[:-3] + "xyz/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_the_reminders_page_needs_a_login(client):
    response = client.get(reverse("reminders:settings"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_reminders_page_shows_the_defaults(user_client):
    response = user_client.get(reverse("reminders:settings"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="08:00"' in html
    assert "Reminders are off." in html
    assert "<script>" not in html
    assert 'style="' not in html


def test_saving_with_a_plain_form_redirects_and_plans_the_reminder(user_client, user):
    with time_machine.travel(DUE - dt.timedelta(hours=2), tick=False):
        response = user_client.post(
            reverse("reminders:settings"),
            {"enabled": "on", "local_time": "07:30", "weekdays": ["0", "2"], "skip_if_done": "on"},
        )
    assert response.status_code == 302
    row = ReminderSettings.objects.get(user=user)
    assert (row.enabled, row.local_time, row.days) == (True, dt.time(7, 30), [0, 2])
    assert row.next_reminder_at == dt.datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


def test_saving_with_htmx_returns_the_form_fragment(user_client, user):
    response = user_client.post(
        reverse("reminders:settings"),
        {"enabled": "on", "local_time": "21:00", "weekdays": ["5", "6"]},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="reminder-form"' in html
    assert "Your reminder settings are saved." in html
    row = ReminderSettings.objects.get(user=user)
    assert not row.skip_if_done
    assert row.days == [5, 6]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"enabled": "on", "local_time": "25:99", "weekdays": ["0"]}, "Please enter a time"),
        ({"enabled": "on", "local_time": "08:00"}, "Please choose at least one day"),
        ({"enabled": "on", "local_time": "08:00", "weekdays": ["9"]}, "Please choose days"),
        ({"enabled": "on", "weekdays": ["0"]}, "Please choose a time of day"),
    ],
)
@pytest.mark.parametrize("htmx", [True, False])
def test_bad_input_gets_a_clear_message_and_400(user_client, user, data, message, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = user_client.post(reverse("reminders:settings"), data, **headers)
    assert response.status_code == 400
    assert message in response.content.decode()
    # A refused form writes nothing, not even the default (off) row.
    assert not ReminderSettings.objects.filter(user=user).exists()


def test_sign_up_ends_with_the_offer_of_a_reminder_once_the_address_is_confirmed(client):
    # Offered only once the person is in: before, the link led to the login page.
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Asia/Kolkata",
        },
        follow=True,
    )
    assert "Would a daily reminder help?" not in response.content.decode()
    path = re.search(r"/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    html = client.post(path, follow=True).content.decode()
    assert "Would a daily reminder help?" in html
    assert f'href="{reverse("reminders:settings")}"' in html
    assert not ReminderSettings.objects.filter(enabled=True).exists()


def test_send_test_reminder_sends_one_email_now(user):
    call_command("send_test_reminder", user.email.upper())
    [message] = mail.outbox
    assert message.to == [user.email]
    assert Reminder.objects.count() == 0


def test_send_test_reminder_says_when_nobody_has_that_email(db):
    with pytest.raises(CommandError, match="No account"):
        call_command("send_test_reminder", "nobody@example.com")
