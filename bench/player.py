"""Drive a whole routine through the player, as a phone would, and measure each transition.

    python bench/player.py                # about 10 s; BENCH_SMALL=1 is the same size

Works in a PostgreSQL database of its own (bench/common.py), dropped at the end. Every
transition must answer 200 with the player's fragment (never a full page), or the htmx
redirect to the pain check at the end. Prints as its last line:

    player: transitions=N max_queries=Q median_ms=M fragment_bytes=B

Goal: Q <= 6 queries per transition (BEGIN/COMMIT included); exits 1 when missed.
"""

import statistics
import time

import common

MAX_QUERIES = 6


def main() -> None:
    goals = common.Goals()
    with common.OwnDatabase("player"):
        common.django_setup()
        common.memory_broker()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        from tests.factories import UserFactory
        from tracking.models import Session

        user = UserFactory()
        if common.SETUP_ONLY:
            return
        client = Client()
        client.force_login(user)
        url = reverse("tracking:start", args=["evening-release"])
        response = client.post(url, {"pain_before": 5})
        assert response.status_code == 302, f"start answered {response.status_code}"
        session = Session.objects.get(user=user)
        response = client.get(reverse("tracking:player", args=[session.pk]))
        assert response.status_code == 200, f"the player answered {response.status_code}"

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
            assert b'id="player"' in body, f"{action} answered without the player"
            sizes.append(len(body))
            session.refresh_from_db()
            action = "next"

        print(f"parts in plan: {len(session.plan)}; per-transition queries: {queries}")
        goals.require(max(queries) <= MAX_QUERIES, f"max_queries={max(queries)} > {MAX_QUERIES}")
        line = (
            f"player: transitions={len(queries)} max_queries={max(queries)} "
            f"median_ms={statistics.median(timings):.2f} "
            f"fragment_bytes={int(statistics.median(sizes))}"
        )
    goals.finish(line)


if __name__ == "__main__":
    main()
