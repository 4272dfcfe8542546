"""Bad input to reminders, the red-flag screening, flags and share links."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from reminders.forms import ReminderForm
from reminders.models import ReminderSchedule
from safety.forms import ScreeningForm, ShareLinkForm
from safety.models import Flag, ScreeningResponse, ShareLink
from safety.questions import QUESTIONS
from tests.factories import ReminderScheduleFactory

from . import strategies as s
from .harness import (
    EXAMPLES,
    HTMX,
    as_querydict,
    assert_accepted,
    assert_handled,
    assert_rejected,
    assert_safe_redirect,
    assert_verdict,
    last,
    rolled_back,
    send,
    snapshot,
    text_of,
)

pytestmark = pytest.mark.django_db

REMINDER_FIELDS = {
    "label": st.one_of(st.sampled_from(["Desk break", ""]), s.storable_text),
    "enabled": st.sampled_from(["on", ""]),
    "local_time": st.sampled_from(["08:00", "23:59", "00:00", "07:30:15"]),
    "weekdays": st.lists(st.sampled_from([str(n) for n in range(7)]), max_size=7),
    "routine": st.sampled_from(["", "1", "2", "999999", "desk-break"]),
    "skip_if_done": st.sampled_from(["on", ""]),
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(REMINDER_FIELDS), encoding=s.encoding)
def test_adding_a_reminder_survives_any_values(client_of, person, htmx, data, encoding):
    form = ReminderForm(as_querydict(data, encoding))
    with rolled_back():
        before = snapshot(person)
        url = reverse("reminders:settings")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        assert_handled(response)
        if not form.is_valid():
            assert_rejected(response, before, snapshot(person), status=400)
            return
        assert_accepted(response, 200 if htmx else 302)
        row = ReminderSchedule.objects.filter(user=person).latest("pk")
        assert row.local_time == form.cleaned_data["local_time"]
        assert row.enabled == form.cleaned_data["enabled"]
        assert row.label == form.cleaned_data["label"]


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(REMINDER_FIELDS), encoding=s.encoding)
def test_editing_a_reminder_survives_any_values(client_of, person, reminder, htmx, data, encoding):
    form = ReminderForm(as_querydict(data, encoding))
    with rolled_back():
        before = snapshot(person)
        url = reverse("reminders:edit", args=[reminder.pk])
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        assert_handled(response)
        if not form.is_valid():
            assert_rejected(response, before, snapshot(person), status=400)
            return
        assert_accepted(response, 200 if htmx else 302)
        row = ReminderSchedule.objects.get(pk=reminder.pk)
        assert row.local_time == form.cleaned_data["local_time"]
        assert row.routine == form.cleaned_data["routine"]


def test_a_sixth_reminder_is_a_400_and_changes_nothing(client_of, person):
    for _ in range(5):
        ReminderScheduleFactory(user=person)
    before = snapshot(person)
    data = {"enabled": "on", "local_time": "08:00", "weekdays": ["0"]}
    response = client_of.post(reverse("reminders:settings"), data)
    assert_rejected(response, before, snapshot(person), status=400)


@EXAMPLES
@given(local_time=s.value.filter(lambda v: v not in ("", []) and not str(v)[:2].isdigit()))
def test_reminder_settings_refuse_a_time_that_is_not_a_time(client_of, person, local_time):
    with rolled_back():
        before = snapshot(person)
        data = {"enabled": "on", "local_time": local_time, "weekdays": ["0", "1"]}
        response = client_of.post(reverse("reminders:settings"), data)
        assert_rejected(response, before, snapshot(person), status=400)


@pytest.mark.parametrize("method", ["get", "post"])
@EXAMPLES
@given(token=s.segment)
def test_a_bogus_unsubscribe_token_is_a_400_and_changes_nothing(person, method, token):
    from urllib.parse import quote

    with rolled_back():
        before = snapshot(person)
        response = send(Client(), method, f"/reminders/unsubscribe/{quote(token, safe='')}/")
        assert_handled(response)
        assert_rejected(response, before, snapshot(person))


# --- Safety -------------------------------------------------------------------------------


answer = st.sampled_from(["yes", "no"])
SCREENING_FIELDS = {q.key: answer for q in QUESTIONS} | {
    "reason": st.sampled_from(["", *ScreeningResponse.Reason.values])
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    # Every question answered (as a person would), or any field valid, hostile or missing.
    data=st.one_of(st.fixed_dictionaries(SCREENING_FIELDS), s.form_data(SCREENING_FIELDS)),
    encoding=s.encoding,
)
def test_the_screening_survives_any_answers(client_of, person, flag, htmx, data, encoding):
    form = ScreeningForm(as_querydict(data, encoding))
    with rolled_back():
        before = snapshot(person)
        url = reverse("safety:screening")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        assert_handled(response)
        if not form.is_valid():
            # A question without a yes or a no records nothing, and the open flag stays open.
            assert_rejected(response, before, snapshot(person), status=400)
            if form.unanswered():
                assert "Please answer yes or no to every question." in text_of(response)
            return
        assert_accepted(response, 302)
        latest = ScreeningResponse.objects.filter(user=person).latest("pk")
        assert latest.reason == form.cleaned_data["reason"]
        assert latest.answers == {q.key: last(data, q.key) == "yes" for q in QUESTIONS}


@pytest.mark.parametrize(
    "url_name", ["safety:screening_skip", "safety:emergency", "account_logout"]
)
@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data({"next": st.just("/history/")}), encoding=s.encoding)
def test_buttons_without_input_ignore_any_body(client_of, person, url_name, htmx, data, encoding):
    with rolled_back():
        response = send(client_of, "post", reverse(url_name), data, htmx=htmx, encoding=encoding)
        if url_name == "account_logout" and encoding == "json":
            # allauth answers a JSON request in JSON: where to go next.
            assert_accepted(response, 200)
            assert response.json() == {"location": "/"}
            return
        assert_accepted(response, 302)
        assert_safe_redirect(response)


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data({"next": st.sampled_from(["/history/", "https://evil.example/"])}))
def test_acknowledging_a_flag_survives_any_next_address(client_of, person, flag, htmx, data):
    with rolled_back():
        url = reverse("safety:flag_acknowledge", args=[flag.pk])
        response = send(client_of, "post", url, data, htmx=htmx)
        assert_accepted(response, 200 if htmx else 302)
        if not htmx:
            assert_safe_redirect(response)
        assert Flag.objects.get(pk=flag.pk).acknowledged_at is not None


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    data=s.form_data({"weeks": st.sampled_from([str(n) for n in range(4, 13)])}),
    encoding=s.encoding,
)
def test_making_a_share_link_survives_any_weeks(client_of, person, htmx, data, encoding):
    form = ShareLinkForm(as_querydict(data, encoding))
    with rolled_back():
        before = snapshot(person)
        url = reverse("safety:share_create")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(response, before, person, accepted=form.is_valid()):
            return
        assert ShareLink.objects.get(user=person).weeks == form.cleaned_data["weeks"]
