"""The progress page and dashboard say their numbers, in the right plural, and the
dashboard's pain figures say what they are and use the safety rules' day value (the
highest rating of the day). Issue 13.2 and the dashboard item of 13."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from tests.factories import CheckInFactory, SessionFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)  # a Wednesday
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_this_week_so_far_gives_both_numbers(user_client, user):
    SessionFactory(user=user, local_date=TODAY)
    SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=1))
    text = text_of(user_client.get(reverse("progress:progress")).text)
    assert "This week so far: 2 of 5 days." in text


def test_one_of_everything_is_said_in_the_singular(user_client, user):
    user.weekly_goal = 1
    user.save(update_fields=["weekly_goal"])
    SessionFactory(user=user, local_date=TODAY)
    progress = text_of(user_client.get(reverse("progress:progress")).text)
    assert "In the last 12 months you completed 1 routine on 1 day." in progress
    assert "This week so far: 1 of 1 day." in progress
    assert "You rated your pain on 1 day in this period." in progress
    dashboard = text_of(user_client.get(reverse("progress:dashboard")).text)
    assert "1 of 1 day " in dashboard
    assert "Your goal is 1 day a week." in dashboard
    assert "1 days" not in dashboard + progress
    assert "1 routines" not in progress


def test_many_are_said_in_the_plural(user_client, user):
    for days_ago in range(3):
        SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=days_ago))
    progress = text_of(user_client.get(reverse("progress:progress")).text)
    assert "In the last 12 months you completed 3 routines on 3 days." in progress


def test_the_dashboard_labels_its_pain_figures_and_uses_the_days_highest_rating(user_client, user):
    # One day: a check-in of 5 in the morning, a routine from 5 down to 2 later.
    CheckInFactory(user=user, local_date=TODAY, pain=5)
    SessionFactory(user=user, local_date=TODAY, pain_before=5, pain_after=2)
    html = user_client.get(reverse("progress:dashboard")).text
    figures = dict(re.findall(r"<dt>([^<]+)</dt>\s*<dd>\s*([\d.]+/10)", html))
    assert figures["Today, highest rating"] == "5/10"
    assert figures["Last 7 days, average of each day’s highest rating"] == "5.0/10"
    assert "the same value BackEase uses to watch for pain" in html


def test_an_older_latest_day_is_labelled_with_its_date(user_client, user):
    CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=3), pain=4)
    html = user_client.get(reverse("progress:dashboard")).text
    assert "Latest rated day, highest rating" in html
    assert "(22 Nov)" in html
