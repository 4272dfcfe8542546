"""The time-zone picker: current zones grouped by region, read as "New York (UTC−5)"."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from accounts.forms import ProfileForm
from accounts.zones import current_zones, grouped_zone_choices, zone_label

pytestmark = pytest.mark.django_db

WINTER = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)


def test_a_zone_reads_as_its_city_and_offset_with_a_real_minus_sign():
    assert zone_label("America/New_York", WINTER) == "New York (UTC\u22125)"
    assert zone_label("America/New_York", SUMMER) == "New York (UTC\u22124)"
    assert zone_label("Asia/Kolkata", WINTER) == "Kolkata (UTC+5:30)"
    assert zone_label("Europe/London", WINTER) == "London (UTC)"


def test_the_list_has_current_zones_only_grouped_by_region():
    zones = current_zones()
    assert "Europe/Kyiv" in zones and "Asia/Kolkata" in zones and "UTC" in zones
    for old in ("Europe/Kiev", "Asia/Calcutta", "US/Eastern", "GB", "Etc/GMT+5"):
        assert old not in zones
    with time_machine.travel(WINTER):
        groups = dict(grouped_zone_choices())
    assert ("America/New_York", "New York (UTC\u22125)") in groups["America"]
    assert len(zones) < 450  # not the 599 raw names


def test_the_profile_shows_the_grouped_list_and_keeps_a_stored_older_name(user_client, user):
    user.time_zone = "Asia/Calcutta"
    user.save(update_fields=["time_zone"])
    html = user_client.get(reverse("accounts:profile")).content.decode()
    assert '<optgroup label="Europe">' in html
    assert '<option value="Asia/Calcutta" selected>' in html
    assert "US/Eastern" not in html
    form = ProfileForm({"display_name": "", "time_zone": "Asia/Calcutta"}, instance=user)
    assert form.is_valid(), form.errors


def test_an_unknown_zone_is_refused_with_a_message(user_client, user):
    response = user_client.post(reverse("accounts:profile"), {"time_zone": "Mars/Olympus"})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.time_zone != "Mars/Olympus"


def test_the_reminders_page_shows_the_zone_the_same_way(user_client, user):
    user.time_zone = "America/New_York"
    user.save(update_fields=["time_zone"])
    with time_machine.travel(WINTER):
        html = user_client.get(reverse("reminders:settings")).content.decode()
    assert "New York (UTC\u22125)" in html
