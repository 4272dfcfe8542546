"""Share links: each listed with who it is for, when it was made and when it stops
working, so the right one can be withdrawn; the new link has a Copy button."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from safety.models import ShareLink

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def make(user_client, label: str, weeks: int = 8):
    return user_client.post(reverse("safety:share_create"), {"weeks": weeks, "label": label})


def test_a_link_is_made_with_who_it_is_for_and_listed_with_its_dates(user_client, user):
    response = make(user_client, "Dr Patel")
    assert response.status_code == 302
    assert ShareLink.objects.get(user=user).label == "Dr Patel"

    page = user_client.get(response["Location"]).text
    assert 'id="new-share-link"' in page
    assert 'data-copy="#new-share-link"' in page  # the Copy button (shown by safety.js)
    assert "For Dr Patel" in page
    assert "Made 2 Nov 2026, shows 8 weeks, works until 16 Nov 2026" in page
    assert "Withdraw the link for Dr Patel" in page


def test_the_link_itself_is_shown_once_only(user_client):
    make(user_client, "physio")
    first = user_client.get(reverse("safety:summary")).text
    second = user_client.get(reverse("safety:summary")).text
    assert re.search(r"/safety/shared/[\w-]+/", first)
    assert not re.search(r"/safety/shared/[\w-]+/", second)
    assert "For physio" in second  # still listed, so it can be withdrawn


def test_each_link_can_be_told_apart_and_the_right_one_withdrawn(user_client, user):
    make(user_client, "Dr Patel")
    make(user_client, "physio", weeks=4)
    physio = ShareLink.objects.get(user=user, label="physio")
    response = user_client.post(reverse("safety:share_revoke", args=[physio.pk]))
    assert response.status_code == 302
    page = user_client.get(reverse("safety:summary")).text
    assert "For Dr Patel" in page
    assert "For physio" not in page
    assert ShareLink.objects.get(pk=physio.pk).revoked_at is not None


def test_a_link_without_a_name_says_so(user_client):
    make(user_client, "")
    assert "No name given" in user_client.get(reverse("safety:summary")).text


def test_a_name_too_long_is_refused_with_a_message_and_no_link(user_client, user):
    response = make(user_client, "x" * 81)
    assert response.status_code == 400
    assert "80 characters" in response.text
    assert not ShareLink.objects.filter(user=user).exists()
