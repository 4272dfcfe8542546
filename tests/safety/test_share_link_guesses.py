"""Guessing share links is throttled per address (issue 12, finding 8): a few wrong tokens
from one client, then that client waits, whatever token it tries; behind a trusted proxy
each client behind it is counted apart, and a header from the client never evades it."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from safety.services import share_link_create

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
LIMIT = 10  # wrong tokens a minute from one address (ACCOUNT_RATE_LIMITS)


@pytest.fixture
def token(user):
    _link, token = share_link_create(user=user, weeks=4)
    return token


def _open(client: Client, token: str, *, pdf: bool = False, **headers: str):
    name = "safety:shared_summary_pdf" if pdf else "safety:shared_summary"
    return client.get(reverse(name, args=[token]), headers=headers)


def test_a_client_guessing_tokens_is_made_to_wait_even_for_a_real_one(token):
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    with time_machine.travel(START, tick=False) as clock:
        statuses = [_open(guesser, f"guess-{n}", pdf=n % 2 == 1).status_code for n in range(LIMIT)]
        assert statuses == [404] * LIMIT
        response = _open(guesser, "one-guess-too-many")
        assert response.status_code == 429
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "no-referrer"
        assert _open(guesser, token).status_code == 429

        # The clinician, elsewhere, is not affected.
        assert _open(Client(REMOTE_ADDR="198.51.100.20"), token).status_code == 200

        clock.shift(dt.timedelta(minutes=1, seconds=1))
        assert _open(guesser, token).status_code == 200


def test_opening_a_real_link_again_and_again_is_never_throttled(token):
    clinician = Client(REMOTE_ADDR="198.51.100.20")
    for n in range(3 * LIMIT):
        assert _open(clinician, token, pdf=n % 2 == 1).status_code == 200


def test_a_forwarded_for_header_from_the_client_itself_evades_nothing(token, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(LIMIT):
        _open(guesser, f"guess-{n}", **{"X-Forwarded-For": f"192.0.2.{n}"})
    response = _open(guesser, token, **{"X-Forwarded-For": "192.0.2.200"})
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_apart(token, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    guesser, clinician = Client(REMOTE_ADDR=proxy), Client(REMOTE_ADDR=proxy)
    for n in range(LIMIT):
        _open(guesser, f"guess-{n}", **{"X-Forwarded-For": "203.0.113.7"})
    assert _open(guesser, token, **{"X-Forwarded-For": "203.0.113.7"}).status_code == 429
    assert _open(clinician, token, **{"X-Forwarded-For": "198.51.100.20"}).status_code == 200
