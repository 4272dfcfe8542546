"""Bad input to the profile, account deletion and allauth's sign-up, log-in and password
forms."""

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from accounts.forms import ProfileForm
from accounts.models import User
from reminders.models import ReminderSchedule
from reminders.services import reminder_email
from tests.conftest import PASSWORD
from tracking.models import local_today

from . import strategies as s
from .harness import (
    EXAMPLES,
    FEW,
    HTMX,
    as_querydict,
    assert_accepted,
    assert_escaped,
    assert_handled,
    assert_rejected,
    assert_verdict,
    last,
    rolled_back,
    send,
    snapshot,
)

pytestmark = pytest.mark.django_db

zone = st.sampled_from(["UTC", "Europe/Paris", "Asia/Kolkata", "America/St_Johns"])
name = s.storable_text


# --- Profile ------------------------------------------------------------------------------


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data({"display_name": name, "time_zone": zone}), encoding=s.encoding)
def test_the_profile_survives_any_values(client_of, person, htmx, data, encoding):
    form = ProfileForm(
        as_querydict(data, encoding) or None, instance=User.objects.get(pk=person.pk)
    )
    with rolled_back():
        before = snapshot(person)
        url = reverse("accounts:profile")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(response, before, person, accepted=form.is_valid()):
            return
        saved = User.objects.get(pk=person.pk)
        assert saved.display_name == (last(data, "display_name") or "").strip()
        if saved.display_name:
            assert_escaped(client_of.get(reverse("progress:dashboard")), saved.display_name)
            assert_escaped(client_of.get(url), saved.display_name)
            schedule = ReminderSchedule(user=saved, label=saved.display_name, token="t")
            email = reminder_email(schedule=schedule, local_date=local_today(saved))
            html = email.alternatives[0].content
            assert "<script>alert(1)</script>" not in html
            assert "<img src=x onerror=" not in html
            email.message()  # the whole email still builds


@EXAMPLES
@given(display_name=s.huge_text(61, 12_000), time_zone=st.one_of(zone, s.scalar))
def test_the_profile_refuses_a_long_name_or_an_unknown_zone(
    client_of, person, display_name, time_zone
):
    with rolled_back():
        before = snapshot(person)
        data = {"display_name": display_name, "time_zone": time_zone}
        if len(display_name.strip()) <= 60:
            data["display_name"] = "n" * 61
        response = client_of.post(reverse("accounts:profile"), data)
        assert_rejected(response, before, snapshot(person), status=400)


# --- The language switcher ----------------------------------------------------------------


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    data=s.form_data(
        {
            "language": st.one_of(st.sampled_from(["en", "es", "de"]), s.scalar),
            "next": st.one_of(st.just("/routines/"), s.scalar),
        }
    ),
    encoding=s.encoding,
)
def test_the_language_switcher_survives_any_values(client_of, person, htmx, data, encoding):
    with rolled_back():
        before = snapshot(person)
        url = reverse("accounts:set_language")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        chosen = as_querydict(data, encoding).get("language")
        if chosen in ("en", "es", "de"):
            assert_accepted(response, 302)
            assert User.objects.get(pk=person.pk).language == chosen
            assert response["Location"].startswith("/")
        else:
            assert_rejected(response, before, snapshot(person), status=400, exact=False)


# --- Deleting the account -------------------------------------------------------------------


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data({"password": st.just(PASSWORD)}), encoding=s.encoding)
def test_deleting_the_account_needs_the_exact_password(person, htmx, data, encoding):
    cache.clear()  # each example is a first try, not the next guess (those get a 429)
    client_of = Client()
    with rolled_back():
        client_of.force_login(person)
        before = snapshot(person)
        url = reverse("accounts:delete")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(
            response,
            before,
            person,
            accepted=encoding != "json" and last(data, "password") == PASSWORD,
        ):
            return
        assert not User.objects.filter(pk=person.pk).exists()


# --- allauth: log in, sign up, passwords, email addresses ---------------------------------------


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    data=s.form_data(
        {
            "login": st.sampled_from(["person@example.com", "nobody@example.com"]),
            "password": st.just(PASSWORD),
            "remember": st.just("on"),
        }
    ),
    encoding=s.encoding,
)
def test_logging_in_survives_any_values(user, htmx, data, encoding):
    if data.get("login") == "person@example.com":
        data["login"] = user.email
    cache.clear()  # allauth's rate limits live in the cache
    client = Client()
    with rolled_back():
        before = snapshot(user)
        response = send(
            client, "post", reverse("account_login"), data, htmx=htmx, encoding=encoding
        )
        assert_handled(response)
        right = (
            encoding != "json"
            and last(data, "login") == user.email
            and last(data, "password") == PASSWORD
        )
        if not right:
            assert_rejected(response, before, snapshot(user))
            assert "_auth_user_id" not in client.session
            return
        assert_accepted(response, 302)


SIGNUP_FIELDS = {
    "email": st.sampled_from(["new@example.com", "New.Person+tag@Example.COM"]),
    "password1": st.just(PASSWORD),
    "password2": st.just(PASSWORD),
    "display_name": name,
    "time_zone": st.one_of(zone, st.just("")),
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(SIGNUP_FIELDS), encoding=s.encoding)
def test_signing_up_survives_any_values(user, htmx, data, encoding):
    cache.clear()
    client = Client()
    with rolled_back():
        before = snapshot(user)
        users = User.objects.count()
        response = send(
            client, "post", reverse("account_signup"), data, htmx=htmx, encoding=encoding
        )
        assert_handled(response)
        if response.status_code != 302:
            assert_rejected(response, before, snapshot(user))
            assert User.objects.count() == users
            return
        assert_accepted(response, 302)
        new = User.objects.exclude(pk=user.pk).get()
        assert new.display_name == (last(data, "display_name") or "").strip()
        if new.display_name:
            client.force_login(new)
            assert_escaped(client.get(reverse("progress:dashboard")), new.display_name)


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not an email", "password1": PASSWORD, "password2": PASSWORD},
        {"email": "a@example.com", "password1": PASSWORD, "password2": PASSWORD + "x"},
        {"email": "a@example.com", "password1": "123", "password2": "123"},
        {
            "email": "a@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Mars/Base",
        },
        {
            "email": "a@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "n" * 61,
        },
        {"email": "a\x00@example.com", "password1": PASSWORD, "password2": PASSWORD},
        {},
    ],
)
def test_signing_up_with_bad_values_answers_400_and_creates_nobody(client, user, data):
    before = snapshot(user)
    response = client.post(reverse("account_signup"), data)
    assert_rejected(response, before, snapshot(user), status=400)


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    data=s.form_data(
        {
            "oldpassword": st.just(PASSWORD),
            "password1": st.just("a-brand-new-phrase-7"),
            "password2": st.just("a-brand-new-phrase-7"),
        }
    ),
    encoding=s.encoding,
)
def test_changing_the_password_survives_any_values(person, htmx, data, encoding):
    cache.clear()
    client_of = Client()
    with rolled_back():
        client_of.force_login(person)
        before = snapshot(person)
        url = reverse("account_change_password")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(
            response, before, person, accepted=response.status_code == 302, status=None
        ):
            return
        assert last(data, "oldpassword") == PASSWORD
        assert last(data, "password1") == last(data, "password2")


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    data=s.form_data({"email": st.sampled_from(["person@example.com", "nobody@example.com"])}),
    encoding=s.encoding,
)
def test_asking_for_a_password_reset_survives_any_values(user, htmx, data, encoding):
    cache.clear()
    with rolled_back():
        before = snapshot(user)
        response = send(
            Client(), "post", reverse("account_reset_password"), data, htmx=htmx, encoding=encoding
        )
        assert_handled(response)
        if response.status_code != 302:
            assert_rejected(response, before, snapshot(user))
            return
        assert_accepted(response, 302)
        assert snapshot(user) == before


@FEW
@given(uidb36=s.segment, key=s.segment, data=s.form_data({"password1": st.just(PASSWORD)}))
def test_a_bogus_password_reset_link_changes_nothing(user, uidb36, key, data):
    from urllib.parse import quote

    url = f"/accounts/password/reset/key/{quote(uidb36, safe='')}-{quote(key, safe='')}/"
    client = Client()
    with rolled_back():
        before = snapshot(user)
        for method in ("get", "post"):
            response = send(client, method, url, data)
            assert_handled(response)
            assert snapshot(user) == before


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    action=st.sampled_from(["action_add", "action_primary", "action_send", "action_remove"]),
    data=s.form_data({"email": st.sampled_from(["second@example.com", "person@example.com"])}),
    encoding=s.encoding,
)
def test_managing_email_addresses_survives_any_values(
    client_of, person, htmx, action, data, encoding
):
    cache.clear()
    data[action] = ""
    with rolled_back():
        before = snapshot(person)
        response = send(
            client_of, "post", reverse("account_email"), data, htmx=htmx, encoding=encoding
        )
        if not assert_verdict(
            response,
            before,
            person,
            accepted=response.status_code < 400,
            status=None,
            codes=(200, 302),
        ):
            return
        primary = EmailAddress.objects.get(user=person, primary=True)
        assert primary.email == person.email  # an unverified address never becomes primary


@pytest.mark.parametrize("htmx", HTMX)
@FEW
@given(data=s.form_data({"password": st.just(PASSWORD)}), encoding=s.encoding)
def test_reauthenticating_survives_any_values(client_of, person, htmx, data, encoding):
    cache.clear()
    with rolled_back():
        before = snapshot(person)
        url = reverse("account_reauthenticate")
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(
            response,
            before,
            person,
            accepted=encoding != "json" and last(data, "password") == PASSWORD,
            status=None,
        ):
            return
