"""The web clinician summary's pain chart: a single rating shows, and the chart has a date
axis like the PDF's (issue 13.7)."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from .helpers import NOW, TODAY, rate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def chart_of(response) -> str:
    return re.search(r'<svg class="pain-chart".*?</svg>', response.text, re.S).group(0)


def test_one_rating_shows_as_a_dot_on_the_chart(user_client, user):
    rate(user, [None, None, 6])
    chart = chart_of(user_client.get(reverse("safety:summary")))
    assert chart.count("<circle") == 1
    assert "<polyline" not in chart  # a line needs two points
    day = TODAY - dt.timedelta(days=2)
    assert f"<title>{day.day} {day:%b}: 6/10</title>" in chart


def test_the_chart_has_a_date_axis_from_the_first_to_the_last_day(user_client, user):
    rate(user, [4, 5])
    chart = chart_of(user_client.get(reverse("safety:summary"), {"weeks": 4}))
    start = TODAY - dt.timedelta(days=27)
    labels = re.findall(r'class="axis date-axis">([^<]+)</text>', chart)
    assert labels[0] == f"{start.day} {start:%b}"
    assert labels[-1] == f"{TODAY.day} {TODAY:%b}"
    assert len(labels) == 3
    assert chart.count("<circle") == 2
    assert "<polyline" in chart


def test_an_empty_period_draws_the_axes_and_no_points(user_client):
    chart = chart_of(user_client.get(reverse("safety:summary")))
    assert "<circle" not in chart
    assert chart.count('class="axis date-axis"') == 3
