"""Logins end after 12 hours, or after 30 idle minutes unless "Remember me" was ticked."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def _log_in(client, user, *, remember: bool):
    data = {"login": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post(reverse("account_login"), data)
    assert response.status_code == 302, response.content


def _dashboard(client):
    return client.get(reverse("progress:dashboard"))


def _logged_in(response) -> bool:
    return response.status_code == 200


def test_a_login_without_remember_me_ends_after_30_idle_minutes(client, user):
    with time_machine.travel(START, tick=False) as clock:
        _log_in(client, user, remember=False)
        clock.shift(dt.timedelta(minutes=29))
        assert _logged_in(_dashboard(client))
        clock.shift(dt.timedelta(minutes=31))
        response = _dashboard(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_activity_keeps_a_login_without_remember_me_alive(client, user):
    with time_machine.travel(START, tick=False) as clock:
        _log_in(client, user, remember=False)
        for _ in range(8):  # two hours, a request every 15 minutes
            clock.shift(dt.timedelta(minutes=15))
            assert _logged_in(_dashboard(client))


def test_remember_me_survives_idle_time_but_not_12_hours(client, user):
    with time_machine.travel(START, tick=False) as clock:
        _log_in(client, user, remember=True)
        clock.shift(dt.timedelta(hours=11, minutes=59))
        assert _logged_in(_dashboard(client))
        clock.shift(dt.timedelta(minutes=2))
        assert _dashboard(client).status_code == 302


def test_every_login_ends_after_12_hours_even_when_active(client, user):
    with time_machine.travel(START, tick=False) as clock:
        _log_in(client, user, remember=False)
        for _ in range(12 * 4 + 1):  # 12 h 15 min
            clock.shift(dt.timedelta(minutes=15))
            response = _dashboard(client)
        assert response.status_code == 302


def test_without_remember_me_the_cookie_ends_with_the_browser(client, user):
    _log_in(client, user, remember=False)
    cookie = client.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]


def test_with_remember_me_the_cookie_lasts_12_hours(client, user):
    _log_in(client, user, remember=True)
    assert int(client.cookies["sessionid"]["max-age"]) == 12 * 3600


def test_the_login_page_offers_remember_me(client):
    response = client.get(reverse("account_login"))
    assert b'name="remember"' in response.content


def test_the_login_page_says_why_after_an_expired_session(client, user):
    with time_machine.travel(START, tick=False) as clock:
        _log_in(client, user, remember=False)
        clock.shift(dt.timedelta(minutes=45))
        response = client.get(reverse("progress:dashboard"), follow=True)
    assert b"You were logged out to keep your data private" in response.content


def test_an_htmx_request_after_expiry_sends_the_whole_page_to_login(client, user):
    with time_machine.travel(START, tick=False) as clock:
        _log_in(client, user, remember=False)
        clock.shift(dt.timedelta(minutes=45))
        response = client.get(
            reverse("progress:progress") + "?days=30",
            headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/progress/"},
        )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("account_login") + "?next=%2Fprogress%2F"
