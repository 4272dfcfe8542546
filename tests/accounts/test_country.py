"""A country on the profile: guessed from the time zone with the zone table tzdata ships,
shown and changeable at sign-up and in the profile."""

import pytest
from django.urls import reverse

from accounts.countries import guess_country, zone_countries
from accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/Berlin", "DE"),
        ("Europe/London", "GB"),
        ("America/New_York", "US"),
        ("America/Toronto", "CA"),
        ("Australia/Sydney", "AU"),
        ("Pacific/Auckland", "NZ"),
        ("Asia/Kolkata", "IN"),
        ("Asia/Calcutta", "IN"),  # an old name browsers still report, via tzdata's links
        ("US/Eastern", "US"),
        ("Europe/Kiev", "UA"),
        ("UTC", ""),
        ("Etc/GMT+5", ""),
        ("Nowhere/Land", ""),
    ],
)
def test_the_country_is_guessed_from_the_time_zone(zone, country):
    assert guess_country(zone) == country


def test_the_zone_table_comes_from_tzdata_and_covers_hundreds_of_zones():
    table = zone_countries()
    assert len(table) > 400
    assert set(table.values()) >= {"GB", "DE", "FR", "US", "CA", "AU", "NZ", "IN"}


def signup(client, **extra):
    data = {"email": "ana@example.com", "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("account_signup"), {**data, **extra})


def test_sign_up_guesses_the_country_from_the_browsers_time_zone(client):
    assert signup(client, time_zone="Europe/Berlin").status_code == 302
    assert User.objects.get(email="ana@example.com").country == "DE"


def test_sign_up_keeps_a_country_the_person_chose(client):
    signup(client, time_zone="Europe/Berlin", country="FR")
    assert User.objects.get(email="ana@example.com").country == "FR"


def test_sign_up_without_a_time_zone_leaves_the_country_to_choose(client):
    signup(client)
    assert User.objects.get(email="ana@example.com").country == ""


def test_sign_up_refuses_an_unknown_country(client):
    response = signup(client, time_zone="Europe/Berlin", country="XX")
    assert response.status_code == 400
    assert not User.objects.filter(email="ana@example.com").exists()


def test_the_sign_up_form_shows_the_country_and_can_guess_it_in_the_browser(client):
    page = client.get(reverse("account_signup")).text
    assert 'name="country"' in page
    assert "Guess from my time zone" in page
    assert "data-zone-countries=" in page
    assert "&quot;Europe/Berlin&quot;: &quot;DE&quot;" in page


def test_the_profile_shows_and_changes_the_country(user_client, user):
    page = user_client.get(reverse("accounts:profile")).text
    assert '<option value="GB" selected>United Kingdom</option>' in page
    response = user_client.post(
        reverse("accounts:profile"),
        {"display_name": user.display_name, "time_zone": user.time_zone, "country": "IE"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.country == "IE"


def test_the_profile_refuses_an_unknown_country_without_changing_anything(user_client, user):
    before = user.display_name
    response = user_client.post(
        reverse("accounts:profile"),
        {"display_name": "X", "time_zone": user.time_zone, "country": "Atlantis"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    user.refresh_from_db()
    assert (user.country, user.display_name) == ("GB", before)
