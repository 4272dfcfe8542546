"""Dates after a time-zone change: a person rates their pain just after midnight on 1 Dec
in Berlin, then moves their zone to New York, where it is still 30 Nov. Every "today"
follows the current zone, a stored day never shows as being in the future, and the web
summary and the PDF give the same date for a flag: the person's own (issue 13.6)."""

import datetime as dt
import re
import zlib

import pytest
import time_machine
from django.urls import reverse

from progress.stats import pain_summary
from safety.models import Flag
from tracking.models import local_today, pain_days

pytestmark = pytest.mark.django_db

# 00:30 on 1 Dec in Berlin; 18:30 on 30 Nov in New York.
RATED = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
LATER = RATED + dt.timedelta(minutes=20)


@pytest.fixture
def moved_west(user, user_client):
    user.time_zone = "Europe/Berlin"
    user.save(update_fields=["time_zone"])
    with time_machine.travel(RATED, tick=False):
        response = user_client.post(reverse("tracking:checkin"), {"pain": 3, "note": ""})
        assert response.status_code == 302
        Flag.objects.create(user=user, rule=Flag.Rule.SEVERE, opened_at=RATED)
        Flag.objects.create(
            user=user,
            rule=Flag.Rule.WORSENING,
            opened_at=RATED - dt.timedelta(days=3),
            closed_at=RATED,
        )
    assert user.checkins.get().local_date == dt.date(2026, 12, 1)
    user.time_zone = "America/New_York"
    user.save(update_fields=["time_zone"])
    with time_machine.travel(LATER, tick=False):
        assert local_today(user) == dt.date(2026, 11, 30)
        yield user


def test_a_rating_saved_further_east_counts_as_today_not_tomorrow(moved_west):
    today = dt.date(2026, 11, 30)
    days = pain_days(moved_west, today - dt.timedelta(days=13), today)
    assert list(days) == [today]
    summary = pain_summary(moved_west, today=today)
    assert summary.latest == (today, 3)
    assert summary.recent_average == 3.0


def test_the_dashboard_shows_the_rating_as_todays_and_the_7_day_average(moved_west, user_client):
    text = user_client.get(reverse("progress:dashboard")).text
    assert "1 Dec" not in text
    assert "Today, highest rating" in text
    average = re.search(r"average of each day’s highest rating</dt>\s*<dd>([^<]*)", text)
    assert average and average.group(1).strip() == "3.0/10"


def test_the_progress_page_shows_no_day_after_today(moved_west, user_client):
    text = user_client.get(reverse("progress:progress")).text
    assert "1 Dec 2026" not in text
    assert "You rated your pain on 1 day in this period." in text


def pdf_text(content: bytes) -> str:
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S)
    out = []
    for stream in streams:
        try:
            out.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            out.append(stream.decode("latin-1"))
    return "".join(out)


def test_the_summary_and_its_pdf_date_flags_in_the_persons_zone(moved_west, user_client):
    page = user_client.get(reverse("safety:summary")).text
    assert "open since 30 Nov 2026" in page
    assert "27 Nov 2026–30 Nov 2026" in page
    assert "1 Dec" not in page
    pdf = pdf_text(user_client.get(reverse("safety:summary_pdf")).content)
    assert "open since 2026-11-30" in pdf
    assert "2026-11-27 to 2026-11-30" in pdf
    assert "2026-12-01" not in pdf


def test_the_shared_summary_uses_the_owners_zone_not_the_visitors(moved_west, client):
    from safety.services import share_link_create

    _link, token = share_link_create(user=moved_west)
    page = client.get(reverse("safety:shared_summary", args=[token])).text
    assert "open since 30 Nov 2026" in page


def test_the_pdf_and_the_page_agree_on_a_flag_date_east_of_utc(user, user_client):
    """23:30 UTC on 30 Nov is already 1 Dec in Berlin: both say 1 Dec, not UTC's 30 Nov."""
    user.time_zone = "Europe/Berlin"
    user.save(update_fields=["time_zone"])
    with time_machine.travel(LATER, tick=False):
        Flag.objects.create(user=user, rule=Flag.Rule.SEVERE, opened_at=RATED)
        page = user_client.get(reverse("safety:summary")).text
        pdf = pdf_text(user_client.get(reverse("safety:summary_pdf")).content)
    assert "open since 1 Dec 2026" in page
    assert "open since 2026-12-01" in pdf
