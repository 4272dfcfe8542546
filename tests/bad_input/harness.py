"""How each hostile request is sent and judged.

Every Hypothesis example runs inside a savepoint that is rolled back, so examples never see
each other's writes while the user, their rows and the logged-in client (function-scoped
pytest fixtures, hence the suppressed health check) are shared.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.db import transaction
from django.forms import BaseForm
from django.http import HttpResponse, QueryDict
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, reject, settings
from hypothesis import event as _event
from hypothesis.control import currently_in_test_context

from accounts.models import User
from plans.models import PlanChange, PlanSettings
from progress.models import Pause, ProgressSettings
from reminders.models import Reminder, ReminderSchedule
from routines.models import Routine, RoutineStep
from safety.models import Flag, ScreeningResponse, ShareLink
from tracking.models import CheckIn, Session, StepRecord

# Reproducible in CI (derandomize, no example database) and quick: the whole package runs
# in about a minute on PostgreSQL. BAD_INPUT_EXAMPLES=200 digs deeper locally.
EXAMPLES = settings(
    max_examples=int(os.environ.get("BAD_INPUT_EXAMPLES", 15)),
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)
FEW = settings(EXAMPLES, max_examples=max(8, EXAMPLES.max_examples // 2))
A_FEW = settings(EXAMPLES, max_examples=3)  # where the body hardly matters (405s)

HTMX = [False, True]

# Raw markup that must never reach a page: the tag or attribute break-out of each payload.
RAW_MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "</textarea><script>",
    '" autofocus onfocus="alert(1)',
    '<a href="javascript:alert(1)">',
)

# What a user owns, and how to find it from the user.
OWNED = (
    (User, "pk__in"),
    (EmailAddress, "user__in"),
    (Session, "user__in"),
    (StepRecord, "session__user__in"),
    (CheckIn, "user__in"),
    (Pause, "user__in"),
    (ProgressSettings, "user__in"),
    (ReminderSchedule, "user__in"),
    (Reminder, "user__in"),
    (ScreeningResponse, "user__in"),
    (Flag, "user__in"),
    (ShareLink, "user__in"),
    (Routine, "owner__in"),
    (PlanChange, "user__in"),
    (PlanSettings, "user__in"),
    (RoutineStep, "routine__owner__in"),
)


def event(text: str) -> None:
    """Counted in --hypothesis-show-statistics; a no-op in plain tests."""
    if currently_in_test_context():
        _event(text)


@contextmanager
def rolled_back() -> Iterator[None]:
    """One self-contained example: whatever it writes is undone afterwards."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def snapshot(*users: User) -> dict[str, object]:
    """Every row the users own, field by field, and the size of each table (so a row
    created for someone else, or deleted, shows too)."""
    rows: dict[str, object] = {}
    for model, lookup in OWNED:
        name = model.__name__
        rows[name] = list(
            model.objects.filter(**{lookup: [u.pk for u in users]}).order_by("pk").values()
        )
        rows[f"{name} count"] = model.objects.count()
    return rows


def last(data: dict, key: str):
    """What QueryDict.get() sees for `key` (None when absent)."""
    value = data.get(key)
    if isinstance(value, list):
        return value[-1] if value else None
    return value


def as_querydict(data: dict, encoding: str = "multipart") -> QueryDict:
    """The request.POST a view gets for `data` sent with `encoding`."""
    if encoding == "json":
        return QueryDict()
    return QueryDict(urlencode(data, doseq=True))


def send(
    client: Client,
    method: str,
    url: str,
    data: dict | None = None,
    *,
    htmx: bool = False,
    encoding: str = "multipart",
) -> HttpResponse:
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": url} if htmx else {}
    data = data or {}
    method = method.lower()
    if method in ("get", "head"):
        return getattr(client, method)(url, data, **headers)
    if encoding == "json":
        body, content_type = json.dumps(data), "application/json"
    elif encoding == "urlencoded" or method != "post":
        body, content_type = urlencode(data, doseq=True), "application/x-www-form-urlencoded"
    else:
        return _unless_too_big(client.post(url, data, **headers))  # multipart
    return _unless_too_big(getattr(client, method)(url, body, content_type=content_type, **headers))


def _unless_too_big(response: HttpResponse) -> HttpResponse:
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE may be refused with a 400 before any view reads
    it (test_regressions.py covers that); such an example has nothing more to show about
    what the view does with its input, so it ends here."""
    length = int(response.wsgi_request.META.get("CONTENT_LENGTH") or 0)
    too_big = length > django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if too_big and response.status_code == 400 and currently_in_test_context():
        event("refused for its size")
        reject()
    return response


def text_of(response: HttpResponse) -> str:
    return response.content.decode(response.charset or "utf-8", "replace")


def bound_forms_with_errors(response: HttpResponse) -> list[BaseForm]:
    contexts = response.context
    if contexts is None:
        return []
    if not isinstance(contexts, list):
        contexts = [contexts]
    found: dict[int, BaseForm] = {}
    for context in contexts:
        for value in context.flatten().values():
            if isinstance(value, BaseForm) and value.is_bound and value.errors:
                found[id(value)] = value
    return list(found.values())


def assert_handled(response: HttpResponse) -> None:
    assert response.status_code < 500, response.status_code


def assert_accepted(response: HttpResponse, *codes: int) -> None:
    event(f"accepted with {response.status_code}")
    assert response.status_code in codes, f"{response.status_code}: {text_of(response)[:300]!r}"


def assert_rejected(
    response: HttpResponse, before: dict, after: dict, *, status=None, exact=True
) -> None:
    """A 4xx that says what was wrong, and nothing the user owns has changed. With
    `exact`, every form error is on the page word for word; without, the page has an
    alert of its own."""
    code = response.status_code
    event(f"rejected with {code}")
    assert 400 <= code < 500, f"expected a 4xx, got {code}: {text_of(response)[:300]!r}"
    if status is not None:
        assert code == status, code
    assert after == before, "a rejected request changed stored rows"
    if exact:
        assert_errors_shown(response)
    else:
        assert 'role="alert"' in text_of(response)


def assert_verdict(
    response: HttpResponse,
    before: dict,
    person: User,
    *,
    accepted: bool,
    status: int | None = 400,
    codes: tuple[int, ...] = (302,),
) -> bool:
    """How every form example ends: never a 500; a refused post is a 4xx (`status`, when
    given) that shows its errors and changed nothing; an accepted one answers with one of
    `codes`. Returns `accepted`, so the caller can go on to check what was stored."""
    assert_handled(response)
    if not accepted:
        assert_rejected(response, before, snapshot(person), status=status)
        return False
    assert_accepted(response, *codes)
    return True


def assert_errors_shown(response: HttpResponse) -> None:
    """Every error of every form the view rendered is in the page; other 4xx answers
    (405 excepted: Django's has no body) carry some text."""
    body = text_of(response)
    for form in bound_forms_with_errors(response):
        for field, errors in form.errors.items():
            for error in errors:
                assert escape(error) in body, f"{field}: {error!r} is not shown"
    if response.status_code != 405:
        assert body.strip(), "an error answer with no message"


def assert_escaped(page: HttpResponse, text: str, *, render=escape) -> None:
    """The stored text is on the page as `render` (the template's escaping filter) shows
    it, and no raw markup from it is."""
    body = text_of(page)
    for markup in RAW_MARKUP:
        if markup in text:
            assert markup not in body, f"raw {markup!r} in {page.request['PATH_INFO']}"
    assert str(render(text)) in body, f"{text[:60]!r} is not shown escaped"


def assert_no_raw_markup(page: HttpResponse) -> None:
    body = text_of(page)
    for markup in RAW_MARKUP:
        assert markup not in body, f"raw {markup!r} in {page.request['PATH_INFO']}"


def assert_safe_redirect(response: HttpResponse) -> None:
    """A redirect stays on this site. (Not url_has_allowed_host_and_scheme(): it refuses
    any URL over 2,048 characters, and a long on-site path is fine.)"""
    location = response["Location"]
    parts = urlsplit(location)
    assert parts.scheme in ("", "http", "https"), location[:200]
    assert parts.netloc in ("", "testserver"), location[:200]
    assert not location.startswith(("//", "\\", "/\\")), location[:200]
