"""Drive a whole routine through the player, as a phone would, and measure each transition.

Prints as its last line:
player: transitions=N max_queries=Q median_ms=M fragment_bytes=B
Goal: Q <= 6 per transition, each transition answered with a fragment, not a full page.
"""

import statistics
import time

from _setup import django_test_database

teardown = django_test_database()
try:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.factories import UserFactory
    from tracking.models import Session

    user = UserFactory()
    client = Client()
    client.force_login(user)
    response = client.post(reverse("tracking:start", args=["evening-release"]), {"pain_before": 5})
    assert response.status_code == 302, response.status_code
    session = Session.objects.get(user=user)
    client.get(reverse("tracking:player", args=[session.pk]))

    queries, timings, sizes = [], [], []
    action = "start"
    while session.is_active:
        url = reverse("tracking:transition", args=[session.pk, action])
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(url, {"revision": session.revision}, HTTP_HX_REQUEST="true")
            timings.append((time.perf_counter() - started) * 1000)
        body = response.content
        assert response.status_code == 200, (action, response.status_code, body[:300])
        assert b"<html" not in body, f"{action} answered with a full page"
        queries.append(len(captured))
        if response.get("HX-Redirect"):
            break  # the routine ended: the browser is sent to the pain check after
        sizes.append(len(body))
        session.refresh_from_db()
        action = "next"

    print(f"parts in plan: {len(session.plan)}; per-transition queries: {queries}")
    print(
        f"player: transitions={len(queries)} max_queries={max(queries)} "
        f"median_ms={statistics.median(timings):.2f} "
        f"fragment_bytes={int(statistics.median(sizes))}"
    )
finally:
    teardown()
