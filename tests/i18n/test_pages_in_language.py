"""Every page and htmx fragment, in Spanish and in German, holds no English UI words."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from reminders.models import ReminderSchedule
from routines.models import Routine
from routines.services import routine_create
from safety import rules
from safety.questions import QUESTIONS
from safety.services import screening_record, share_link_create
from tests.factories import CheckInFactory, PauseFactory, ReminderScheduleFactory, SessionFactory
from tracking import services as tracking_services
from tracking.models import Session, StepRecord

from .english import english_words, readable_text

pytestmark = pytest.mark.django_db

LANGUAGES = ["es", "de"]
URGENT_KEY = next(q.key for q in QUESTIONS if q.level == rules.URGENT)
EMERGENCY_KEY = next(q.key for q in QUESTIONS if q.level == rules.EMERGENCY)
HX = {"HTTP_HX_REQUEST": "true"}
NOW = dt.datetime(2026, 3, 31, 10, 0, tzinfo=dt.UTC)


def assert_no_english(response, where: str) -> None:
    assert response.status_code in (200, 400, 404, 409), (where, response.status_code)
    found = english_words(readable_text(response.content.decode()))
    assert not found, f"{where}: " + "; ".join(found[:8])


@pytest.fixture
def person(user):
    """Someone with a bit of everything: sessions (one in progress, one rated with its
    steps), check-ins, a pause, reminders, an urgent warning sign and a share link."""
    user.display_name = "Ana"
    user.country = "ES"
    user.time_zone = "Europe/Madrid"
    user.save()
    today = dt.date(2026, 3, 31)
    for days_ago in range(1, 10):
        CheckInFactory(user=user, local_date=today - dt.timedelta(days=days_ago), pain=4)
    done = SessionFactory(user=user, local_date=today - dt.timedelta(days=1), note="nota")
    for step in done.routine.steps.all()[:3]:
        StepRecord.objects.create(
            session=done,
            routine_step=step,
            exercise=step.exercise,
            order=step.order,
            state=StepRecord.State.DONE,
            feeling=StepRecord.Feeling.HURT,
            seconds_spent=30,
        )
    PauseFactory(user=user, start=today + dt.timedelta(days=3), end=today + dt.timedelta(days=5))
    ReminderScheduleFactory(user=user)
    screening_record(user=user, answers={URGENT_KEY: True}, reason="help")
    return user


def pages(person) -> list[tuple[str, dict]]:
    """(url, extra request headers) for every page of a signed-in person."""
    done = Session.objects.filter(user=person, status=Session.Status.COMPLETED).first()
    checkin = person.checkins.first() if hasattr(person, "checkins") else None
    from tracking.models import CheckIn

    checkin = CheckIn.objects.filter(user=person).first()
    screening = (
        person.screeningresponse_set.first() if hasattr(person, "screeningresponse_set") else None
    )
    urls = [
        reverse("progress:dashboard"),
        reverse("progress:progress"),
        reverse("progress:progress") + "?range=90",
        reverse("progress:settings"),
        reverse("progress:log_yesterday"),
        reverse("tracking:history"),
        reverse("tracking:checkin"),
        reverse("tracking:checkin_questions") + "?new_leg_symptoms=on",
        reverse("tracking:session_detail", args=[done.pk]),
        reverse("tracking:session_edit", args=[done.pk]),
        reverse("tracking:session_delete", args=[done.pk]),
        reverse("tracking:checkin_delete", args=[checkin.pk]),
        reverse("tracking:start", args=["morning-mobility"]),
        reverse("reminders:settings"),
        reverse("accounts:profile"),
        reverse("accounts:delete"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("safety:help"),
        reverse("safety:how_we_decide"),
        reverse("safety:screening"),
        reverse("safety:summary"),
        reverse("routines:library"),
        reverse("routines:library") + "?equipment=mat&length=short",
        reverse("routines:detail", args=["desk-break"]),
        reverse("routines:exercises"),
        reverse("routines:exercise", args=["cat-cow"]),
        "/no-such-page/",
    ]
    if screening is not None:
        urls.append(reverse("safety:screening_result", args=[screening.pk]))
    # The plan, onboarding and the routine builder (a routine of the person's own).
    own = routine_create(
        owner=person, title="Mi rutina", source=Routine.objects.get(slug="desk-break")
    )
    urls += [
        reverse("plans:plan"),
        reverse("plans:onboarding"),
        reverse("routines:new"),
        reverse("routines:builder", args=[own.pk]),
        reverse("routines:delete", args=[own.pk]),
        reverse("routines:detail", args=[own.slug]),
    ]
    result = [(url, {}) for url in urls]
    # htmx fragments of the pages that have them.
    result += [
        (reverse("tracking:history") + "?page=1", HX),
        (reverse("progress:progress") + "?range=365", HX),
        (reverse("routines:library") + "?position=standing", HX),
    ]
    return result


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_a_signed_in_person_is_in_their_language(client, person, language):
    person.language = language
    person.save(update_fields=["language"])
    client.force_login(person)
    with time_machine.travel(NOW, tick=False):
        for url, headers in pages(person):
            assert_no_english(client.get(url, **headers), f"{language} {url}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_player_and_its_fragments_are_in_the_persons_language(client, person, language):
    person.language = language
    person.save(update_fields=["language"])
    client.force_login(person)
    with time_machine.travel(NOW, tick=False) as traveller:
        start = client.post(
            reverse("tracking:start", args=["morning-mobility"]), {"pain_before": 4}
        )
        assert start.status_code == 302
        session = Session.objects.for_user(person).active().get()
        assert_no_english(client.get(reverse("tracking:player", args=[session.pk])), "player")
        for action in ("start", "pause", "resume", "next", "next", "back"):
            session.refresh_from_db()
            url = reverse("tracking:transition", args=[session.pk, action])
            response = client.post(url, {"revision": session.revision}, **HX)
            assert_no_english(response, f"{language} player {action}")
            traveller.shift(5)
        # A stale control (409) and a wrong one (4xx) explain themselves in the language too.
        url = reverse("tracking:transition", args=[session.pk, "next"])
        assert_no_english(client.post(url, {"revision": 0}, **HX), "stale control")
        session.refresh_from_db()
        url = reverse("tracking:transition", args=[session.pk, "end"])
        client.post(url, {"revision": session.revision}, **HX)
        assert_no_english(client.get(reverse("tracking:finish", args=[session.pk])), "finish")
        # A second start while one is open offers to resume it.
        tracking_services.session_start(
            user=person, routine=session.routine, pain_before=3, now=timezone.now()
        )
        assert_no_english(
            client.get(reverse("tracking:start", args=["desk-break"])), "start while active"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_errors_are_in_the_persons_language(client, person, language):
    person.language = language
    person.save(update_fields=["language"])
    client.force_login(person)
    cases = [
        (reverse("tracking:checkin"), {"pain": "12"}),
        (reverse("accounts:profile"), {"display_name": "x" * 70, "time_zone": "Nowhere"}),
        (reverse("progress:settings"), {"weekly_goal": "9"}),
        (reverse("reminders:settings"), {"enabled": "on", "local_time": "25:99"}),
        (reverse("accounts:delete"), {"password": "wrong"}),
        (reverse("safety:screening"), {}),
    ]
    for url, data in cases:
        for headers in ({}, HX):
            response = client.post(url, data, **headers)
            assert 400 <= response.status_code < 500, (url, response.status_code)
            assert_no_english(response, f"{language} POST {url}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_emergency_reads_in_the_persons_language_with_their_countrys_number(
    client, person, language
):
    person.language = language
    person.country = "ES" if language == "es" else "DE"
    person.save(update_fields=["language", "country"])
    screening_record(user=person, answers={EMERGENCY_KEY: True}, reason="help")
    client.force_login(person)

    dashboard = client.get(reverse("progress:dashboard"))
    emergency = client.get(reverse("safety:emergency"))

    assert_no_english(dashboard, "dashboard with an emergency")
    assert_no_english(emergency, "emergency page")
    text = readable_text(emergency.content.decode())
    if language == "es":
        assert "Llama al 112 ahora" in text
        assert "España: el número de emergencias es el 112." in text
    else:
        assert "Ruf jetzt die 112 an" in text
        assert "Deutschland: Die Notrufnummer ist 112." in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_follows_the_browser(client, person, language):
    _link, token = share_link_create(user=person)
    urls = [
        "/",
        reverse("routines:library"),
        reverse("routines:detail", args=["evening-release"]),
        reverse("routines:exercises"),
        reverse("routines:exercise", args=["sphinx"]),
        reverse("safety:help"),
        reverse("safety:how_we_decide"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        reverse("reminders:unsubscribe", args=[ReminderSchedule.objects.get(user=person).token]),
        reverse("reminders:unsubscribe", args=["not-a-token"]),
        reverse("safety:shared_summary", args=[token]),
        "/no-such-page/",
    ]
    for url in urls:
        assert_no_english(client.get(url, HTTP_ACCEPT_LANGUAGE=language), f"{language} {url}")
    bad_login = client.post(
        reverse("account_login"),
        {"login": "nobody@example.com", "password": "wrong"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert_no_english(bad_login, f"{language} failed login")
