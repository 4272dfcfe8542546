"""Emergency and urgent-care numbers by country, with a tested fallback (SAFETY.md
"Emergency numbers by country")."""

import pytest
from django.urls import reverse

from safety.numbers import NUMBERS, contact_for, contact_for_country
from safety.questions import QUESTIONS
from safety.services import screening_record
from tests.safety.helpers import NOW, rate

pytestmark = pytest.mark.django_db

EU = [
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
]


@pytest.mark.parametrize(
    ("country", "emergency", "ambulance", "urgent"),
    [
        ("GB", "999", "", "111"),
        ("US", "911", "", ""),
        ("CA", "911", "", ""),
        ("AU", "000", "", "1800 022 222"),
        ("NZ", "111", "", "0800 611 116"),
        ("IN", "112", "108", ""),
        ("DE", "112", "", "116117"),
        ("CH", "144", "", ""),
    ],
)
def test_the_numbers_of_named_countries(country, emergency, ambulance, urgent):
    contact = contact_for_country(country)
    assert (contact.emergency, contact.ambulance, contact.urgent) == (emergency, ambulance, urgent)
    assert contact.known
    assert contact.country_name


def test_every_eu_member_state_uses_112():
    assert all(NUMBERS[code].emergency == "112" for code in EU)


@pytest.mark.parametrize("country", ["", None, "XX", "AR", "ar"])
def test_an_unknown_country_falls_back_to_112_and_the_local_number(country):
    contact = contact_for_country(country)
    assert (contact.emergency, contact.tel, contact.known) == ("112", "112", False)
    assert "call your local emergency number" in contact.where
    if country and country.upper() == "AR":
        assert "We do not know the emergency number for Argentina." in contact.where


def test_a_visitor_gets_the_fallback(client):
    from django.contrib.auth.models import AnonymousUser

    assert contact_for(AnonymousUser()).emergency == "112"
    page = client.get(reverse("safety:help")).text
    assert "Call 112 now" in page
    assert "call your local emergency number" in page


def test_tel_links_dial_digits_only():
    assert contact_for_country("AU").urgent_tel == "1800022222"


def test_the_help_page_and_the_rules_page_use_the_persons_country(user_client, user):
    user.country = "DE"
    user.save()
    help_page = user_client.get(reverse("safety:help")).text
    assert "Call 112 now, or go to the emergency department" in help_page
    assert "Germany: the emergency number is 112." in help_page
    assert "Germany: for urgent medical advice you can call 116117." in help_page
    rules_page = user_client.get(reverse("safety:how_we_decide")).text
    assert "Germany: the emergency number is 112." in rules_page


def test_the_summary_and_its_pdf_use_the_persons_country(user_client, user):
    import time_machine

    user.country = "DE"
    user.save()
    emergency = next(q.key for q in QUESTIONS if q.level == 2)
    with time_machine.travel(NOW, tick=False):
        rate(user, [5, 5, 5])
        screening_record(user=user, answers={emergency: True})
        page = user_client.get(reverse("safety:summary")).text
        pdf = user_client.get(reverse("safety:summary_pdf")).content
    assert "Country: Germany · emergency number 112" in page
    assert "Stop and call 112 now" in page
    text = pdf_text(pdf)
    assert "Country: Germany - emergency number 112" in text
    assert "Stop and call 112 now" in text


def pdf_text(pdf: bytes) -> str:
    """The text drawn in an fpdf2 PDF: its page streams, inflated."""
    import re
    import zlib

    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            chunks.append(stream.decode("latin-1"))
    drawn = re.findall(r"\((.*?)\)\s*Tj", "\n".join(chunks))
    return "\n".join(s.replace("\\(", "(").replace("\\)", ")") for s in drawn)
