"""Every URL with the wrong HTTP method, ids that are not the user's, and hostile query
strings on the pages that read them."""

from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from progress.forms import parse_range
from progress.models import Pause
from reminders.models import ReminderSchedule
from routines.forms import LibraryFilterForm
from safety.models import ShareLink
from safety.summary import MAX_WEEKS, MIN_WEEKS
from tracking.models import CheckIn, Session

from . import strategies as s
from .harness import (
    A_FEW,
    FEW,
    assert_handled,
    assert_no_raw_markup,
    assert_rejected,
    last,
    rolled_back,
    send,
    snapshot,
    text_of,
)

pytestmark = pytest.mark.django_db

GET, POST, BOTH = ("GET",), ("POST",), ("GET", "POST")

# (URL name, its arguments, the methods it allows). A 405 comes before any lookup, so the
# ids need not exist.
OWN_VIEWS = [
    ("home", [], GET),
    ("healthz", [], GET),
    ("manifest", [], GET),
    ("routines:library", [], GET),
    ("routines:detail", ["morning-mobility"], GET),
    ("routines:new", [], BOTH),
    ("routines:builder", [1], BOTH),
    ("routines:step_add", [1], POST),
    ("routines:step", [1, 1], POST),
    ("routines:order", [1], POST),
    ("routines:delete", [1], BOTH),
    ("plans:plan", [], GET),
    ("plans:onboarding", [], BOTH),
    ("plans:decide", [1, "accept"], POST),
    ("tracking:start", ["morning-mobility"], BOTH),
    ("tracking:player", [1], GET),
    ("tracking:transition", [1, "next"], POST),
    ("tracking:end", [1], BOTH),
    ("tracking:finish", [1], BOTH),
    ("tracking:session_detail", [1], GET),
    ("tracking:session_edit", [1], BOTH),
    ("tracking:session_delete", [1], BOTH),
    ("tracking:toggle_sound", [], POST),
    ("tracking:history", [], GET),
    ("tracking:checkin", [], BOTH),
    ("tracking:checkin_delete", [1], BOTH),
    ("progress:dashboard", [], GET),
    ("progress:progress", [], GET),
    ("progress:settings", [], BOTH),
    ("progress:pause_delete", [1], POST),
    ("progress:log_yesterday", [], BOTH),
    ("progress:export", ["json"], GET),
    ("reminders:settings", [], BOTH),
    ("reminders:edit", [1], BOTH),
    ("reminders:delete", [1], POST),
    ("reminders:unsubscribe", ["not-a-real-token"], BOTH),
    ("accounts:profile", [], BOTH),
    ("accounts:delete", [], BOTH),
    ("accounts:set_language", [], POST),
    ("safety:help", [], GET),
    ("safety:how_we_decide", [], GET),
    ("safety:screening", [], BOTH),
    ("safety:screening_skip", [], POST),
    ("safety:screening_result", [1], GET),
    ("safety:emergency", [], BOTH),
    ("safety:flag_acknowledge", [1], POST),
    ("safety:summary", [], GET),
    ("safety:summary_pdf", [], GET),
    ("safety:share_create", [], POST),
    ("safety:share_revoke", [1], POST),
    ("safety:shared_summary", ["not-a-real-token"], GET),
    ("safety:shared_summary_pdf", ["not-a-real-token"], GET),
]
ALLAUTH_VIEWS = [
    "account_login",
    "account_signup",
    "account_logout",
    "account_reauthenticate",
    "account_email",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_inactive",
    "account_email_verification_sent",
]
EVERY_METHOD = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "BREW")


body = s.form_data({"note": s.storable_text, "pain": s.pain})


@pytest.mark.parametrize(("url_name", "args", "allowed"), OWN_VIEWS)
@A_FEW
@given(data=body, htmx=st.booleans())
def test_our_views_answer_405_to_any_other_method(
    client_of, person, url_name, args, allowed, data, htmx
):
    url = reverse(url_name, args=args)
    with rolled_back():
        before = snapshot(person)
        for method in EVERY_METHOD:
            if method in allowed:
                continue
            response = _request(client_of, method, url, data, htmx)
            assert response.status_code == 405, (method, response.status_code)
        assert snapshot(person) == before


@pytest.mark.parametrize("url_name", ALLAUTH_VIEWS)
@pytest.mark.parametrize("logged_in", [False, True])
@A_FEW
@given(data=body, htmx=st.booleans())
def test_allauth_views_never_act_on_methods_they_do_not_serve(
    client, client_of, person, url_name, logged_in, data, htmx
):
    """A 4xx, or allauth's usual redirect (to log in, or away from a page that does not
    apply); never a success and never a change."""
    url = reverse(url_name)
    browser = client_of if logged_in else client
    with rolled_back():
        before = snapshot(person)
        for method in ("PUT", "PATCH", "DELETE", "TRACE", "BREW"):
            response = _request(browser, method, url, data, htmx)
            # htmx requests without a login are sent to the login page with HX-Redirect.
            to_login = response.status_code == 200 and response.get("HX-Redirect", "").startswith(
                reverse("account_login")
            )
            assert 300 <= response.status_code < 500 or to_login, (method, response.status_code)
        assert snapshot(person) == before


def _request(client, method, url, data, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    payload = urlencode(data, doseq=True)
    return client.generic(method, url, payload, "application/x-www-form-urlencoded", **headers)


# --- Ids that are not the user's ---------------------------------------------------------------


ID_VIEWS = [
    ("/sessions/{}/play/", "session", GET),
    ("/sessions/{}/play/next/", "session", POST),
    ("/sessions/{}/end/", "session", BOTH),
    ("/sessions/{}/finish/", "session", BOTH),
    ("/sessions/{}/", "session", GET),
    ("/sessions/{}/edit/", "session", BOTH),
    ("/sessions/{}/delete/", "session", BOTH),
    ("/check-ins/{}/delete/", "checkin", BOTH),
    ("/progress/pauses/{}/delete/", "pause", POST),
    ("/safety/screening/{}/", "screening", GET),
    ("/safety/flags/{}/acknowledge/", "flag", POST),
    ("/safety/share/{}/revoke/", "link", POST),
    ("/reminders/{}/", "reminder", BOTH),
    ("/reminders/{}/delete/", "reminder", POST),
    ("/routines/mine/{}/", "own_routine", BOTH),
    ("/routines/mine/{}/steps/", "own_routine", POST),
    ("/routines/mine/{}/order/", "own_routine", POST),
    ("/routines/mine/{}/delete/", "own_routine", BOTH),
    ("/plan/changes/{}/accept/", "plan_change", POST),
    ("/plan/changes/{}/decline/", "plan_change", POST),
]


@pytest.mark.parametrize(("pattern", "kind", "methods"), ID_VIEWS)
@FEW
@given(bogus=st.one_of(st.just("theirs"), s.bogus_id), data=body, htmx=st.booleans())
def test_ids_that_are_not_the_users_are_a_404_and_change_nothing(
    client_of, person, other_user, others, pattern, kind, methods, bogus, data, htmx
):
    if bogus == "theirs":
        bogus = str(others[kind].pk)
    url = pattern.format(quote(bogus, safe=""))
    with rolled_back():
        before = snapshot(person, other_user)
        for method in methods:
            response = send(client_of, method, url, data, htmx=htmx)
            assert_rejected(response, before, snapshot(person, other_user), status=404)


OWN_ROWS = [
    ("tracking:session_delete", "rated_session", Session),
    ("tracking:checkin_delete", "old_checkin", CheckIn),
    ("progress:pause_delete", "pause", Pause),
    ("reminders:delete", "reminder", ReminderSchedule),
]


@pytest.mark.parametrize(("url_name", "fixture", "model"), OWN_ROWS)
@FEW
@given(data=body, htmx=st.booleans(), encoding=s.encoding)
def test_deleting_ignores_any_body_and_removes_only_that_row(
    request, client_of, person, other_user, others, url_name, fixture, model, data, htmx, encoding
):
    row = request.getfixturevalue(fixture)
    keep = model.objects.exclude(pk=row.pk).count()
    with rolled_back():
        url = reverse(url_name, args=[row.pk])
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        # The reminders list answers htmx with its fragment, without the deleted row.
        fragment = htmx and url_name == "reminders:delete"
        assert response.status_code == (200 if fragment else 302)
        assert not model.objects.filter(pk=row.pk).exists()
        assert model.objects.count() == keep


@FEW
@given(data=body, htmx=st.booleans(), encoding=s.encoding)
def test_revoking_a_share_link_ignores_any_body(
    client_of, person, share_link, others, data, htmx, encoding
):
    with rolled_back():
        before = snapshot(person)
        url = reverse("safety:share_revoke", args=[share_link.pk])
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        assert response.status_code == 302
        assert ShareLink.objects.get(pk=share_link.pk).revoked_at is not None
        assert ShareLink.objects.get(pk=others["link"].pk).revoked_at is None
        after = snapshot(person)
        for key in before:
            if key != "ShareLink":
                assert after[key] == before[key], key


@FEW
@given(slug=s.segment, data=body, htmx=st.booleans())
def test_a_routine_that_does_not_exist_is_a_404(client_of, person, slug, data, htmx):
    url = f"/start/{quote(slug, safe='')}/"
    with rolled_back():
        before = snapshot(person)
        for method in ("get", "post"):
            response = send(client_of, method, url, data, htmx=htmx)
            if slug == "morning-mobility":
                continue
            assert_rejected(response, before, snapshot(person), status=404)


@FEW
@given(token=s.segment, htmx=st.booleans())
def test_a_bogus_share_token_is_a_404(client, token, htmx):
    cache.clear()  # a first guess each time (more from one address get a 429)
    for suffix in ("", "pdf"):
        response = send(
            client, "get", f"/safety/shared/{quote(token, safe='')}/{suffix}", htmx=htmx
        )
        assert_handled(response)
        assert response.status_code == 404


# --- Query strings -------------------------------------------------------------------------


# (URL name, its arguments, the query parameter it checks). "rated" is the user's session.
PAGES = [
    ("progress:dashboard", [], None),
    ("progress:progress", [], "range"),
    ("progress:settings", [], None),
    ("progress:log_yesterday", [], None),
    ("progress:export", ["json"], None),
    ("tracking:history", [], None),  # reads "page": anything is a page number or page 1
    ("tracking:checkin", [], None),
    ("tracking:start", ["morning-mobility"], None),
    ("tracking:session_detail", "rated", None),
    ("tracking:session_edit", "rated", None),
    ("reminders:settings", [], None),
    ("accounts:profile", [], None),
    ("accounts:delete", [], None),
    ("safety:screening", [], None),  # reads "reason": an unknown one is "help"
    ("safety:summary", [], "weeks"),
    ("safety:summary_pdf", [], "weeks"),
    ("safety:help", [], None),
    ("safety:emergency", [], None),
    ("routines:library", [], "filters"),
    ("account_email", [], None),
    ("account_change_password", [], None),
]
PARAMS = ("range", "page", "reason", "weeks", "length", "difficulty", "next", "fmt", "q")
query = st.dictionaries(
    st.one_of(st.sampled_from(PARAMS), st.text(min_size=1, max_size=20)), s.value, max_size=4
)


@pytest.mark.parametrize(("url_name", "args", "checks"), PAGES)
@FEW
@given(params=query, htmx=st.booleans())
def test_pages_answer_any_query_string_without_echoing_markup(
    client_of, person, rated_session, url_name, args, checks, params, htmx
):
    url = reverse(url_name, args=[rated_session.pk] if args == "rated" else args)
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "get", url, params, htmx=htmx)
        assert_handled(response)
        assert snapshot(person) == before
        assert response.status_code == (200 if _acceptable(checks, params) else 400)
        if response.status_code == 400:
            assert text_of(response).strip()
        if response["Content-Type"].startswith("text/html"):
            assert_no_raw_markup(response)


def _acceptable(checks: str | None, params: dict) -> bool:
    if checks == "range":
        try:
            parse_range(last(params, "range"))
        except ValueError:
            return False
        return True
    if checks == "weeks":
        raw = last(params, "weeks") or ""
        try:
            return not raw or MIN_WEEKS <= int(raw) <= MAX_WEEKS
        except ValueError:
            return False
    if checks == "filters":
        form = LibraryFilterForm(QueryDict(urlencode(params, doseq=True)) or None)
        return not form.is_bound or form.is_valid()
    return True
