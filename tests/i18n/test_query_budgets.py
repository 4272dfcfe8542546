"""Speaking Spanish or German costs no query: the translations are columns of the same rows
(modeltranslation) and the catalogues are files."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safety.services import screening_skip
from tests.factories import CheckInFactory, SessionFactory
from tracking.models import Session

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
T0 = dt.datetime(2026, 3, 31, 9, 0, tzinfo=dt.UTC)


def transition_queries(client, user) -> list[int]:
    with time_machine.travel(T0, tick=False):
        client.post(reverse("tracking:start", args=["evening-release"]), {"pain_before": 4})
        session = Session.objects.for_user(user).active().get()
        client.get(reverse("tracking:player", args=[session.pk]))  # warm the session cache
        counts = []
        for action in ("start", "next", "next", "next", "next", "next"):
            session.refresh_from_db()
            url = reverse("tracking:transition", args=[session.pk, action])
            with CaptureQueriesContext(connection) as queries:
                assert client.post(url, {"revision": session.revision}, **HX).status_code == 200
            counts.append(len(queries))
    Session.objects.filter(user=user).delete()
    return counts


def test_the_player_runs_the_same_queries_in_every_language(client, user):
    client.force_login(user)
    by_language = {}
    for language in ("", "es", "de"):
        user.language = language
        user.save(update_fields=["language"])
        by_language[language] = transition_queries(client, user)
    assert by_language["es"] == by_language[""] == by_language["de"]
    assert max(by_language["es"]) <= 6


def test_the_dashboard_runs_the_same_queries_in_every_language(client, user):
    screening_skip(user=user)
    today = dt.date(2026, 3, 31)
    for days_ago in range(30):
        SessionFactory(user=user, local_date=today - dt.timedelta(days=days_ago))
        CheckInFactory(user=user, local_date=today - dt.timedelta(days=days_ago), pain=3)
    client.force_login(user)
    counts = {}
    with time_machine.travel(T0, tick=False):
        for language in ("", "es", "de"):
            user.language = language
            user.save(update_fields=["language"])
            client.get(reverse("progress:dashboard"))  # warm the session cache
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse("progress:dashboard")).status_code == 200
            counts[language] = len(queries)
    assert counts["es"] == counts[""] == counts["de"]
