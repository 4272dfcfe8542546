"""Malformed htmx headers (issue 12, finding 4): whatever a client puts in HX-Current-URL and
the other HX-* headers, no page answers 500, and a redirect to log in stays on this site."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from . import strategies as s
from .harness import FEW, assert_handled, rolled_back, snapshot

pytestmark = pytest.mark.django_db

# Private pages send anonymous visitors to log in (the htmx redirect reads HX-Current-URL);
# public ones answer everyone.
PRIVATE = ["/dashboard/", "/progress/", "/history/", "/check-in/", "/reminders/"]
PUBLIC = ["/", "/routines/", "/safety/help/", "/accounts/login/", "/healthz"]

BROKEN_URLS = (
    "http://[",
    "https://[",
    "http://[::1",
    "http://[::1]x/",
    "http://[v7.zz]/dashboard/",
    "http://[::ffff:127.0.0.1/",
    "http://testserver:99999/",
    "http://testserver:port/",
    "http://te st/",
    "http://testserver/\x00",
    "http://testserver/%E0%A4%A",
    "http://testserver/%zz",
    "http://testserver//evil.example/",
    "http://testserver/\\evil.example",
    "http://evil.example/dashboard/",
    "javascript:alert(1)",
    "//evil.example/",
    "http://",
    ":",
    "",
    "%",
    "\x00",
    "http://testserver/" + "a" * 5000,
)
current_url = st.one_of(
    st.sampled_from(BROKEN_URLS),
    st.builds(lambda rest: "http://[" + rest, s.plain_text),
    st.builds(lambda rest: "http://testserver/" + rest, s.any_text),
    s.any_text,
)
OTHER_HEADERS = (
    "HX-Current-URL-URI-AutoEncoded",
    "HX-Boosted",
    "HX-History-Restore-Request",
    "HX-Prompt",
    "HX-Target",
    "HX-Trigger",
    "HX-Trigger-Name",
    "Triggering-Event",
)


@st.composite
def htmx_headers(draw) -> dict[str, str]:
    headers = {
        "HX-Request": draw(st.sampled_from(["true", "true", "True", "1", "", "false"])),
        "HX-Current-URL": draw(current_url),
    }
    for name in OTHER_HEADERS:
        if draw(st.booleans()):
            headers[name] = draw(st.one_of(st.just("true"), s.scalar))
    return headers


def assert_login_redirect_stays_here(response) -> None:
    target = response.get("HX-Redirect")
    if target is None:
        return
    parts = urlsplit(target)
    assert parts.path == reverse("account_login"), target[:200]
    assert not parts.scheme and not parts.netloc, target[:200]
    for next_url in parse_qs(parts.query).get("next", []):
        place = urlsplit(next_url)
        assert not place.scheme and not place.netloc, next_url[:200]
        assert next_url.startswith("/") and not next_url.startswith(("//", "/\\")), next_url[:200]


@pytest.mark.parametrize("path", PRIVATE + PUBLIC)
@FEW
@given(headers=htmx_headers())
def test_anonymous_requests_survive_any_htmx_headers(path, headers):
    response = Client().get(path, headers=headers)
    assert_handled(response)
    assert_login_redirect_stays_here(response)


@pytest.mark.parametrize("path", PRIVATE + PUBLIC)
@FEW
@given(headers=htmx_headers())
def test_logged_in_requests_survive_any_htmx_headers(client_of, person, path, headers):
    with rolled_back():
        before = snapshot(person)
        response = client_of.get(path, headers=headers)
        assert_handled(response)
        assert snapshot(person) == before


@FEW
@given(headers=htmx_headers(), data=s.form_data({"pain": s.pain}))
def test_an_anonymous_form_post_survives_any_htmx_headers(headers, data):
    response = Client().post(reverse("tracking:checkin"), data, headers=headers)
    assert_handled(response)
    assert_login_redirect_stays_here(response)
