"""Plurals follow each language's rules; numbers are written the local way."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from safety.wording import number
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 31, 10, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("es", 1, "1 rutina"),
        ("es", 0, "0 rutinas"),
        ("es", 2, "2 rutinas"),
        ("es", 1_000_000, "1000000 rutinas"),  # Spanish's third form ("many")
        ("de", 1, "1 Routine"),
        ("de", 0, "0 Routinen"),
        ("de", 7, "7 Routinen"),
        ("en", 1, "1 routine"),
        ("en", 3, "3 routines"),
    ],
)
def test_each_language_picks_its_own_plural_form(language, n, expected):
    with translation.override(language):
        assert ngettext("%(n)s routine", "%(n)s routines", n) % {"n": n} == expected


def streak_text(client) -> str:
    html = client.get(reverse("progress:dashboard")).content.decode()
    match = re.search(r"<dt>[^<]+</dt>\s*<dd>([^<]+)</dd>", html)
    return match.group(1).strip()


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [("es", "1 día", "3 días"), ("de", "1 Tag", "3 Tage"), ("en", "1 day", "3 days")],
)
def test_the_dashboards_streak_is_counted_in_the_persons_language(
    client, user, language, one, three
):
    from safety.services import screening_skip

    user.language = language
    user.save()
    screening_skip(user=user)
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        SessionFactory(user=user, local_date=TODAY)
        assert streak_text(client) == one
        for days_ago in (1, 2):
            SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=days_ago))
        assert streak_text(client) == three


@pytest.mark.parametrize(("language", "text"), [("en", "5.5"), ("es", "5,5"), ("de", "5,5")])
def test_pain_averages_use_the_local_decimal_separator(language, text):
    with translation.override(language):
        assert number(5.5) == text
        assert number(6.0) == "6"


@pytest.mark.parametrize(("language", "month"), [("es", "marzo"), ("de", "März"), ("en", "March")])
def test_dates_name_the_month_in_the_persons_language(client, user, language, month):
    from safety.services import screening_skip

    user.language = language
    user.save()
    screening_skip(user=user)
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        html = client.get(reverse("progress:dashboard")).content.decode()
    assert month in html


@pytest.mark.parametrize(
    ("language", "next_line", "day_label"),
    [
        ("es", "Próximo: martes, 31 de marzo, 18:00.", ">Martes<"),
        ("de", "Nächste: Dienstag, 31. März, 18:00.", ">Dienstag<"),
        ("en", "Next: Tuesday 31 March, 18:00.", ">Tuesday<"),
    ],
)
def test_a_weekday_is_written_in_a_sentence_as_the_language_writes_it(
    client, user, language, next_line, day_label
):
    """Spanish writes "martes" mid-sentence, while the day's checkbox starts with a capital."""
    from reminders.services import add_reminder

    user.language = language
    user.time_zone = "UTC"
    user.save()
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        reminder = add_reminder(user, local_time=dt.time(18, 0), weekdays=0b10)  # Tuesdays
        html = client.get(reverse("reminders:settings")).content.decode()
        form = client.get(reverse("reminders:edit", args=[reminder.pk])).content.decode()
    assert next_line in " ".join(html.split())
    assert day_label in "".join(form.split())
