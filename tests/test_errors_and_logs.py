"""Request ids, JSON logs, task-failure logs without health data, friendly error pages."""

import io
import json
import logging

import pytest
from celery import shared_task
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from backease.logging import ContextFilter, JsonFormatter
from backease.middleware import RequestIdMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the production console handler would print, one parsed JSON object per line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)

    def lines() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    lines.raw = stream.getvalue
    yield lines
    root.removeHandler(handler)


def test_every_response_carries_a_request_id(client):
    first = client.get(reverse("routines:library"))["X-Request-ID"]
    second = client.get(reverse("routines:library"))["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_request_id_from_the_proxy_is_kept_and_a_malformed_one_replaced(client):
    kept = client.get(reverse("healthz"), headers={"X-Request-ID": "edge-1234abcd"})
    assert kept["X-Request-ID"] == "edge-1234abcd"
    replaced = client.get(reverse("healthz"), headers={"X-Request-ID": "<script>\n"})
    assert replaced["X-Request-ID"] != "<script>\n" and len(replaced["X-Request-ID"]) == 32


def test_each_request_logs_one_json_line_with_its_id_and_route(user_client, user, log_lines):
    response = user_client.get(reverse("progress:dashboard"))
    lines = [line for line in log_lines() if line["logger"] == "backease.request"]
    assert len(lines) == 1
    line = lines[0]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["route"] == "/dashboard/" and line["status"] == 200
    assert line["user"] == user.pk and line["method"] == "GET"
    assert line["message"].startswith("GET /dashboard/ 200 ")


def test_djangos_own_not_found_line_carries_the_request_id(client, log_lines):
    response = client.get("/no-such-page/")
    line = next(line for line in log_lines() if line["logger"] == "django.request")
    assert line["request_id"] == response["X-Request-ID"]


def test_log_lines_inside_a_request_carry_its_id(log_lines):
    def view(request):
        logging.getLogger("tests").warning("inside")
        return HttpResponse("ok")

    response = RequestIdMiddleware(view)(RequestFactory().get("/"))
    inside = next(line for line in log_lines() if line["message"] == "inside")
    assert inside["request_id"] == response["X-Request-ID"]


def test_a_share_link_is_logged_by_its_pattern_never_its_token(client, log_lines):
    client.get("/safety/shared/secret-token-abc123/")
    assert "secret-token-abc123" not in log_lines.raw()
    routes = [line.get("route") for line in log_lines() if line["logger"] == "backease.request"]
    assert routes == ["/safety/shared/<str:token>/"]


@shared_task(name="tests.failing_task")
def failing_task(user_id: int, note: str, pain: int) -> None:
    raise ValueError("it broke")


def test_a_failed_task_is_logged_with_its_name_and_ids_but_no_health_data(log_lines):
    result = failing_task.apply(args=(42, "my knee hurts when I kneel"), kwargs={"pain": 9})
    assert result.failed()
    failure = next(line for line in log_lines() if line["message"].startswith("task failed"))
    assert failure["level"] == "ERROR"
    assert failure["message"] == "task failed: tests.failing_task (ValueError)"
    assert failure["task_name"] == "tests.failing_task" and failure["task_id"]
    # Ids only: the note never reaches the logs. (An int argument cannot be told from an id,
    # which is why tasks take ids and never ratings.)
    assert failure["ids"]["arg0"] == 42
    assert "my knee hurts" not in log_lines.raw()


def test_an_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We can\xe2\x80\x99t find that page" in response.content
    assert b"Back to BackEase" in response.content


def test_an_unexpected_error_gets_the_friendly_500_with_its_reference(user_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr("progress.views.render", broken)
    user_client.raise_request_exception = False
    response = user_client.get(reverse("progress:dashboard"))
    assert response.status_code == 500
    assert b"Sorry, something went wrong on our side" in response.content
    assert response["X-Request-ID"].encode() in response.content


def test_a_lost_database_gets_a_503_page_that_asks_to_retry(user_client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    user_client.raise_request_exception = False
    response = user_client.get(reverse("progress:dashboard"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"BackEase is briefly unavailable" in response.content
    assert b"call the emergency number now" in response.content


def test_an_expired_form_gets_a_plain_explanation(client, user):
    client.handler.enforce_csrf_checks = True
    client.force_login(user)
    response = client.post(reverse("tracking:checkin"), {"pain": 3})
    assert response.status_code == 403
    assert b"That form has expired" in response.content
