"""The player's feedback without a browser: ending asks first, "It hurts" is
acknowledged, an unfinished routine is offered back, a finished one is celebrated."""

import pytest
from django.urls import reverse

from tests.factories import SessionFactory
from tracking.models import Session

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def session(user_client, routine_library) -> Session:
    response = user_client.post(reverse("tracking:start", args=["desk-break"]), {"pain_before": 4})
    assert response.status_code == 302
    return Session.objects.latest("pk")


def _act(client, session, action, htmx=True, **data):
    session.refresh_from_db()
    url = reverse("tracking:transition", args=[session.pk, action])
    return client.post(url, {"revision": session.revision, **data}, **(HX if htmx else {}))


def test_end_early_asks_first_and_a_get_changes_nothing(user_client, session):
    response = user_client.get(reverse("tracking:end", args=[session.pk]))
    assert response.status_code == 200
    assert "End Desk break now?" in response.content.decode()
    session.refresh_from_db()
    assert session.status == Session.Status.ACTIVE
    # The player offers it as a link to that question, not as a button that ends at once.
    player = user_client.get(reverse("tracking:player", args=[session.pk])).content.decode()
    assert f'href="{reverse("tracking:end", args=[session.pk])}"' in player
    assert 'data-action="end"' in player


def test_confirming_ends_the_routine_even_after_the_timer_moved_on(user_client, session):
    stale_revision = session.revision
    _act(user_client, session, "start")
    response = user_client.post(
        reverse("tracking:end", args=[session.pk]), {"revision": stale_revision}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("tracking:finish", args=[session.pk])
    session.refresh_from_db()
    assert session.status == Session.Status.ENDED_EARLY


def test_ending_goes_back_to_a_safe_next_page_only(user_client, session):
    response = user_client.post(
        reverse("tracking:end", args=[session.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("tracking:finish", args=[session.pk])


def test_ending_someone_elses_routine_is_not_found(client, other_user, session):
    client.force_login(other_user)
    assert client.get(reverse("tracking:end", args=[session.pk])).status_code == 404
    assert client.post(reverse("tracking:end", args=[session.pk])).status_code == 404
    session.refresh_from_db()
    assert session.status == Session.Status.ACTIVE


@pytest.mark.parametrize("htmx", [True, False])
def test_it_hurts_is_acknowledged_and_offers_to_end(user_client, session, htmx):
    _act(user_client, session, "start")
    response = _act(user_client, session, "skip", htmx=htmx, reason="hurts")
    if not htmx:
        assert response.status_code == 302
        response = user_client.get(response["Location"])
    html = response.content.decode()
    assert "Skipped, and noted that it hurt." in html
    assert "if the pain spreads" in html
    assert reverse("tracking:end", args=[session.pk]) in html


def test_not_now_skips_without_the_pain_reminder(user_client, session):
    _act(user_client, session, "start")
    response = _act(user_client, session, "skip", reason="not_now")
    assert "noted that it hurt" not in response.content.decode()


def test_a_refused_press_answers_409_with_the_reason_and_the_current_player(user_client, session):
    stale = session.revision
    _act(user_client, session, "start")
    url = reverse("tracking:transition", args=[session.pk, "pause"])
    response = user_client.post(url, {"revision": stale}, **HX)
    assert response.status_code == 409
    html = response.content.decode()
    assert 'id="player"' in html and "already moved on" in html
    assert 'data-action="pause"' in html  # the state as it is now: running


@pytest.mark.parametrize("page", ["progress:dashboard", "routines:library"])
def test_an_unfinished_routine_is_offered_to_resume_or_end(user_client, session, page):
    html = user_client.get(reverse(page)).content.decode()
    if page == "routines:library":
        html = user_client.get(reverse("routines:detail", args=["morning-mobility"])).content
        html = html.decode()
    assert "You have an unfinished Desk break" in html
    assert reverse("tracking:player", args=[session.pk]) in html
    assert reverse("tracking:end", args=[session.pk]) in html


def test_a_finished_or_stale_routine_is_not_offered(user_client, session, settings):
    user_client.post(reverse("tracking:end", args=[session.pk]))
    html = user_client.get(reverse("progress:dashboard")).content.decode()
    assert "You have an unfinished" not in html


def test_a_rated_routine_is_celebrated_with_relief_streak_and_what_next(user_client, user, session):
    import time_machine

    yesterday = session.local_date.fromordinal(session.local_date.toordinal() - 1)
    SessionFactory(user=user, local_date=yesterday)
    with time_machine.travel(session.started_at, tick=True):
        pass
    _act(user_client, session, "start")
    while session.is_active:
        _act(user_client, session, "next")
        session.refresh_from_db()
    response = user_client.post(reverse("tracking:finish", args=[session.pk]), {"pain_after": 2})
    assert response.status_code == 302
    html = user_client.get(response["Location"]).content.decode()
    assert "Well done: routine complete" in html
    assert "Your pain eased by 2 points, from 4 to 2 out of 10." in html
    assert "That is 2 days in a row." in html
    assert reverse("progress:progress") in html
    # Only just after rating: the summary read later is plain.
    plain = user_client.get(reverse("tracking:session_detail", args=[session.pk]))
    assert "Well done" not in plain.content.decode()


def test_the_session_page_title_uses_the_same_date_format_as_the_body(user_client, user):
    import datetime as dt

    session = SessionFactory(user=user, local_date=dt.date(2026, 3, 10))
    html = user_client.get(reverse("tracking:session_detail", args=[session.pk])).content.decode()
    assert "Tuesday 10 March 2026 · BackEase</title>" in html
    assert "Tuesday 10 March 2026 ·" in html.split("</title>", 1)[1]
