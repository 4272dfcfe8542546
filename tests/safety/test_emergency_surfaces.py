"""An emergency answer looks and reads like an emergency everywhere, with the person's own
number; each level (emergency, urgent, pain rule) has its own words and email subject; no
reassurance anywhere."""

import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse

from safety import rules
from safety.models import Flag
from safety.questions import QUESTIONS
from safety.services import flags_evaluate_user, screening_record, screening_skip

from .helpers import NOW, rate

pytestmark = pytest.mark.django_db

EMERGENCY_KEY = next(q.key for q in QUESTIONS if q.level == rules.EMERGENCY)
URGENT_KEY = next(q.key for q in QUESTIONS if q.level == rules.URGENT)
ROOT = Path(settings.BASE_DIR)

PAGES = [
    reverse("progress:dashboard"),
    reverse("routines:library"),
    reverse("routines:detail", args=["morning-mobility"]),
    reverse("tracking:checkin"),
    reverse("tracking:history"),
    reverse("progress:progress"),
    reverse("safety:help"),
    reverse("accounts:profile"),
]


@pytest.fixture
def emergency(user, celery_eager):
    screening_skip(user=user)
    screening_record(user=user, answers={EMERGENCY_KEY: True}, reason="help")
    return user


def alert_of(html: str) -> str:
    match = re.search(r'<section class="emergency-alert" role="alert".*?</section>', html, re.S)
    assert match, "no emergency alert on the page"
    return match.group(0)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_shows_the_emergency_alert_until_it_is_read(user_client, emergency, url):
    alert = alert_of(user_client.get(url).text)
    assert '<h2 id="emergency-alert-title">Call 999 now</h2>' in alert
    assert "United Kingdom: the emergency number is 999." in alert
    assert 'href="tel:999"' in alert
    assert "Routines are paused." in alert
    user_client.post(reverse("safety:emergency"))
    assert "emergency-alert" not in user_client.get(url).text


def test_routines_are_visibly_paused_until_the_emergency_is_read(user_client, emergency):
    dashboard = user_client.get(reverse("progress:dashboard")).text
    assert "Do it again" not in dashboard
    assert reverse("tracking:start", args=["morning-mobility"]) not in dashboard
    assert "Routines are paused" in dashboard
    detail = user_client.get(reverse("routines:detail", args=["morning-mobility"])).text
    assert reverse("tracking:start", args=["morning-mobility"]) not in detail
    start = user_client.get(reverse("tracking:start", args=["morning-mobility"]))
    assert start["Location"] == reverse("safety:emergency")
    user_client.post(reverse("safety:emergency"))
    detail = user_client.get(reverse("routines:detail", args=["morning-mobility"])).text
    assert reverse("tracking:start", args=["morning-mobility"]) in detail


def test_the_stop_page_heads_with_the_action_and_names_the_country(user_client, emergency):
    page = user_client.get(reverse("safety:emergency")).text
    assert re.search(r'<section class="emergency-screen" role="alert"', page)
    assert '<h1 id="emergency-title">Call 999 now</h1>' in page
    assert "United Kingdom: the emergency number is 999." in page
    assert 'href="tel:999"' in page
    assert "emergency-alert" not in page  # the page itself is the alert


@pytest.mark.parametrize(
    ("country", "heading", "where"),
    [
        ("DE", "Call 112 now", "Germany: the emergency number is 112."),
        ("US", "Call 911 now", "United States of America: the emergency number is 911."),
        ("AU", "Call 000 now", "Australia: the emergency number is 000."),
        ("IN", "Call 112 now", "For an ambulance you can also call 108."),
        ("AR", "Call 112 now", "We do not know the emergency number for Argentina."),
        ("", "Call 112 now", "call your local emergency number"),
    ],
)
def test_the_number_is_that_of_the_persons_country(user_client, emergency, country, heading, where):
    emergency.country = country
    emergency.save()
    alert = alert_of(user_client.get(reverse("progress:dashboard")).text)
    assert heading in alert
    assert where in alert


# --- each level its own words ---


def test_the_dashboard_heads_each_level_with_its_own_words(user_client, user, celery_eager):
    screening_skip(user=user)
    with time_machine.travel(NOW, tick=False):
        rate(user, [8, 9, 8])
        flags_evaluate_user(user_id=user.pk)
        screening_record(user=user, answers={URGENT_KEY: True})
        text = user_client.get(reverse("progress:dashboard")).text
    assert re.search(
        r'<section class="flag-banner urgent-alert" role="alert"[^>]*>\s*'
        r'<h2 id="flag-urgent-title">Contact a GP or urgent care today</h2>',
        text,
    )
    assert '<h2 id="flag-pain-title">Consider seeing a GP or physiotherapist</h2>' in text
    assert "Something to look at" not in text
    # The urgent advice comes first.
    assert text.index("flag-urgent-title") < text.index("flag-pain-title")


def test_each_level_has_its_own_email_subject(user, celery_eager):
    screening_skip(user=user)
    with time_machine.travel(NOW, tick=False):
        rate(user, [8, 9, 8])
        flags_evaluate_user(user_id=user.pk)
        screening_record(user=user, answers={URGENT_KEY: True})
        flags_evaluate_user(user_id=user.pk)
        screening_record(user=user, answers={URGENT_KEY: True, EMERGENCY_KEY: True})
        flags_evaluate_user(user_id=user.pk)
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [
        "Consider seeing a GP or physiotherapist",
        "Contact a GP or urgent care today",
        "Call 999 now",
    ]
    emergency_mail = mail.outbox[-1].body
    assert "Call 999 now\nStop, and call now or go to the nearest emergency department." in (
        emergency_mail
    )
    assert "United Kingdom: the emergency number is 999." in emergency_mail


def test_the_email_uses_the_persons_country(user, celery_eager):
    user.country = "NZ"
    user.save()
    screening_record(user=user, answers={EMERGENCY_KEY: True})
    flags_evaluate_user(user_id=user.pk)
    assert mail.outbox[0].subject == "Call 111 now"
    assert "New Zealand: the emergency number is 111." in mail.outbox[0].body


def test_an_acknowledged_emergency_flag_leaves_the_banner_and_resumes_routines(
    user_client, emergency
):
    flag = Flag.objects.get(user=emergency)
    user_client.post(reverse("safety:flag_acknowledge", args=[flag.pk]))
    assert "emergency-alert" not in user_client.get(reverse("progress:dashboard")).text
    assert user_client.get(reverse("tracking:start", args=["morning-mobility"])).status_code == 200


# --- never reassuring; distinct in light and dark mode ---

REASSURANCE = re.compile(
    r"probably nothing|nothing serious|nothing to worry|don.t worry|no need to worry|"
    r"likely fine|usually harmless",
    re.I,
)


def test_no_page_email_or_message_reassures():
    sources = [
        *(ROOT / "templates").rglob("*.html"),
        *(ROOT / "templates").rglob("*.txt"),
        *(ROOT / "safety").glob("*.py"),
        *(ROOT / "tracking").glob("*.py"),
    ]
    found = [str(p) for p in sources if REASSURANCE.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_the_emergency_colour_is_set_for_light_and_dark_mode():
    css = (ROOT / "static/css/safety.css").read_text()
    light, dark = css.split("@media (prefers-color-scheme: dark)", 1)
    assert re.search(r"--be-emergency-bg:\s*#[0-9a-f]{6}", light)
    assert re.search(r"--be-emergency-bg:\s*#[0-9a-f]{6}", dark.split("}")[0] + "}")
    assert re.search(r"\.emergency-alert \{[^}]*background: var\(--be-emergency-bg\)", css)
    assert re.search(r"\.urgent-alert \{[^}]*border", css)
