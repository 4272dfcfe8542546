"""The users of bench/load.py (locust, headless). Not meant to be run by hand.

AppUser is one signed-in person (cookies from bench/load.py's real logins) using BackEase;
BareUser requests the bare view. Both think for LOAD_THINK seconds on average (uniformly
between half and one and a half times it) after every request and at no other time, so
they are paced alike; with LOAD_THINK=0 both are closed loops that send their next request
as soon as the last is answered. Every response is checked for its status and a marker of
the page or fragment it should be; anything else is a failure.

Environment: LOAD_ACCOUNTS (a JSON file of {"email", "cookies"} from the logins, one per
user), LOAD_THINK (seconds, 0 for none), LOAD_WARM (seconds after all users have joined
before measuring starts), LOAD_TALLY (a JSON file this writes at the end: the measured
window, each measured request's name, milliseconds and outcome, and the requests and
failed requests of the whole run, warm-up included).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from http.cookiejar import Cookie, DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import RescheduleTask

THINK = float(os.environ.get("LOAD_THINK", "0"))
WARM = float(os.environ.get("LOAD_WARM", "0"))
ACCOUNTS = (
    json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
    if os.environ.get("LOAD_ACCOUNTS")
    else []
)
_account_numbers = itertools.count()

BARE_PATH = "/_bench/bare/"
ROUTINES = ("morning-mobility", "desk-break", "evening-release")
REVISION = re.compile(rb'name="revision" value="(\d+)"')
PLAY_URL = re.compile(r"^/sessions/(\d+)/play/$")
UNFINISHED = re.compile(rb'href="/sessions/(\d+)/end/')
START_URL = re.compile(r"^/start/[\w-]+/$")
SESSION_URL = re.compile(r"^/sessions/(\d+)/(\?finished=1)?$")  # the summary, with its celebration
FEELING = re.compile(rb'name="(feeling_\d+)"')
KIND = re.compile(rb'data-kind="(\w*)"')


_tally = {"start": None, "end": None, "requests": [], "failed_total": 0, "total": 0}


@events.spawning_complete.add_listener
def _everyone_joined(**kwargs) -> None:
    _tally["start"] = time.time() + WARM


@events.request.add_listener
def _record(name, response_time, exception=None, start_time=None, **kwargs) -> None:
    failed = exception is not None
    _tally["failed_total"] += failed
    _tally["total"] += 1
    start = _tally["start"]
    if start is not None and start_time is not None and start_time >= start:
        _tally["requests"].append((name, round(response_time, 2), failed))


@events.test_stop.add_listener
def _stopped(**kwargs) -> None:
    _tally["end"] = time.time()


@events.quitting.add_listener
def _write_tally(**kwargs) -> None:
    if os.environ.get("LOAD_TALLY"):
        Path(os.environ["LOAD_TALLY"]).write_text(json.dumps(_tally))


class _Paced(FastHttpUser):
    abstract = True
    # Pacing is think(), once after every request; none between tasks.
    wait_time = constant(0)
    # As behind a TLS-terminating proxy (SECURE_PROXY_SSL_HEADER): no HTTPS redirect.
    default_headers = {"X-Forwarded-Proto": "https"}

    def think(self) -> None:
        if THINK > 0:
            gevent.sleep(THINK * (0.5 + random.random()))


class _BehindTlsProxy(DefaultCookiePolicy):
    """The app sees every request as https, so a browser would send its Secure cookies.
    (locust marks FastHttpSession's requests https for the cookie jar, but
    geventhttpclient 2.6 overrides that per request, and Secure cookies stay behind.)"""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class AppUser(_Paced):
    """One person: dashboard, progress (and a range switch), routines, check-ins."""

    def on_start(self) -> None:
        if not ACCOUNTS:
            raise RuntimeError("LOAD_ACCOUNTS is empty: bench/load.py logs the users in")
        number = next(_account_numbers)
        if number >= len(ACCOUNTS):  # two users on one account would meet each other's routines
            raise RuntimeError(f"more users than accounts ({len(ACCOUNTS)})")
        account = ACCOUNTS[number]
        host = urlsplit(self.host).hostname or ""
        self.client.cookiejar.set_policy(_BehindTlsProxy())
        for name, value in account["cookies"].items():
            self.client.cookiejar.set_cookie(_cookie(name, value, host))
        self.origin = "https://" + urlsplit(self.host).netloc
        self.rng = random.Random(account["email"])

    # --- requests ------------------------------------------------------------------------

    def _csrf(self) -> str:
        return next(c.value for c in self.client.cookiejar if c.name == "csrftoken")

    def _check(self, response, status: int, expect, fragment: bool) -> None:
        """Fail the request unless it has `status` and `expect` holds: bytes in the body,
        or a callable returning "" (fine) or what is wrong."""
        body = response.content or b""
        if response.status_code != status:
            problem = f"status {response.status_code}, expected {status}"
        elif isinstance(expect, bytes) and expect not in body:
            problem = f"no {expect!r} in the answer"
        elif callable(expect):
            problem = expect(response)
        elif fragment and b"<html" in body:
            problem = "a full page where a fragment was expected"
        else:
            problem = ""
        if not problem:
            response.success()
            return
        response.failure(problem)
        raise RescheduleTask  # recorded as a failure; the person starts something else

    def get(self, url: str, name: str, expect: bytes, *, htmx: bool = False):
        headers = {"HX-Request": "true", "HX-Current-URL": self.origin + url} if htmx else {}
        with self.client.get(
            url, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            self._check(response, 200, expect, htmx)
        self.think()
        return response

    def post(self, url: str, name: str, data: dict, expect, *, htmx=False, status=200, referer=""):
        token = self._csrf()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.origin,
            "Referer": self.origin + (referer or url),
        }
        if htmx:
            headers.update({"HX-Request": "true", "X-CSRFToken": token})
        body = urlencode({"csrfmiddlewaretoken": token, **data})
        with self.client.post(
            url, data=body, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            self._check(response, status, expect, htmx)
        self.think()
        return response

    # --- what people do ------------------------------------------------------------------

    @task(4)
    def dashboard(self) -> None:
        self.get("/dashboard/", "/dashboard/", b'id="today-h"')

    @task(1)
    def progress(self) -> None:
        self.get("/progress/", "/progress/", b'id="charts"')
        days = self.rng.choice(("90", "365"))
        self.get(f"/progress/?range={days}", "/progress/?range= [htmx]", b'id="charts"', htmx=True)

    @task(2)
    def checkin(self) -> None:
        self.get("/check-in/", "/check-in/", b'id="checkin-form"')
        data = {"pain": self.rng.randint(1, 6), "note": ""}
        self.post("/check-in/", "/check-in/ [htmx]", data, b'id="checkin-form"', htmx=True)

    @task(2)
    def routine(self) -> None:
        """A whole run: pain before, the player's controls to the end, pain after."""
        slug = self.rng.choice(ROUTINES)
        start = f"/start/{slug}/"
        page = self.get(start, "/start/[slug]/", b"</h1>")
        unfinished = UNFINISHED.search(page.content)
        if unfinished:
            # A run the previous phase cut short: end it, as the page offers, then start.
            end = f"/sessions/{unfinished.group(1).decode()}/end/"
            self.post(end, "/sessions/[id]/end/", {"next": start}, _redirect(START_URL), status=302)
            self.get(start, "/start/[slug]/", b'name="pain_before"')
        data = {"pain_before": self.rng.randint(2, 6)}
        response = self.post(start, "/start/[slug]/", data, _redirect(PLAY_URL), status=302)
        player = response.headers["Location"]
        session_id = PLAY_URL.match(player).group(1)
        response = self.get(player, "/sessions/[id]/play/", b'id="player"')
        action = "start"
        for _ in range(200):
            data = {"revision": int(REVISION.search(response.content).group(1))}
            if action == "skip":
                data["reason"] = "not_now"
            response = self.post(
                f"/sessions/{session_id}/play/{action}/",
                f"/sessions/[id]/play/{action}/ [htmx]",
                data,
                _player_fragment,
                htmx=True,
                referer=player,
            )
            if response.headers.get("HX-Redirect"):
                break  # the routine reached its end
            kind = KIND.search(response.content).group(1)
            action = self._next_action(action, can_skip=kind != b"rest")
        finish = f"/sessions/{session_id}/finish/"
        page = self.get(finish, "/sessions/[id]/finish/", b'name="pain_after"')
        data = {"pain_after": self.rng.randint(1, 5), "note": ""}
        for field in dict.fromkeys(FEELING.findall(page.content)):
            feeling = self.rng.choice(("easier", "fine", "fine", None))
            if feeling:  # None: left unanswered, as people often do
                data[field.decode()] = feeling
        self.post(finish, "/sessions/[id]/finish/", data, _redirect(SESSION_URL), status=302)
        self.get(f"/sessions/{session_id}/", "/sessions/[id]/", b"<h1>")

    def _next_action(self, last: str, *, can_skip: bool) -> str:
        """Mostly "Done"; now and then a pause (always resumed) or a skip ("Not now",
        which the player offers on exercises, not on rests)."""
        if last == "pause":
            return "resume"
        roll = self.rng.random()
        if roll < 0.08:
            return "pause"
        if roll < 0.12 and can_skip:
            return "skip"
        return "next"


class BareUser(_Paced):
    """The bare view (no middleware, no database), paced like AppUser."""

    @task
    def bare(self) -> None:
        with self.client.get(BARE_PATH, name="bare", catch_response=True) as response:
            if response.status_code == 200 and response.content == b"bare ok\n":
                response.success()
            else:
                response.failure(f"status {response.status_code}, {response.content[:40]!r}")
        self.think()


def _redirect(pattern: re.Pattern):
    def check(response) -> str:
        location = response.headers.get("Location", "")
        return "" if pattern.match(location) else f"sent to {location!r}"

    return check


def _player_fragment(response) -> str:
    """The player's fragment, or the redirect to the pain check at the end."""
    if response.headers.get("HX-Redirect"):
        return ""
    body = response.content or b""
    if b"<html" in body:
        return "a full page where a fragment was expected"
    if b'id="player"' not in body or not REVISION.search(body) or not KIND.search(body):
        return "a fragment without the player"
    return ""


def _cookie(name: str, value: str, host: str) -> Cookie:
    return Cookie(
        version=0,
        name=name,
        value=value,
        port=None,
        port_specified=False,
        domain=host,
        domain_specified=False,
        domain_initial_dot=False,
        path="/",
        path_specified=True,
        secure=True,
        expires=None,
        discard=True,
        comment=None,
        comment_url=None,
        rest={"HttpOnly": None},
    )
