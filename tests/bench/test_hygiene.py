"""Benchmarks work only on data they made (issue 14, point 1).

Each benchmark's data set-up and clean-up (BENCH_SETUP_ONLY=1, small sizes) runs against a
database that holds another person's rows, with another person's keys in Redis; the rows and
keys must survive, and the benchmark's own database must be gone afterwards. The flags
benchmark also runs whole, because its sweep queues emails: none may reach the real broker.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from safety.models import Flag
from tests.factories import CheckInFactory, SessionFactory, UserFactory
from tracking.models import CheckIn, Session

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ["player", "dashboard", "flags", "reminders", "reminder_sends", "load", "faults"]

pytestmark = pytest.mark.django_db(transaction=True)


def _common():
    spec = importlib.util.spec_from_file_location("bench_common", ROOT / "bench" / "common.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def someone_elses_data(routine_library):
    if connection.vendor != "postgresql":
        if os.environ.get("CI"):
            pytest.fail("the benchmarks need PostgreSQL; CI must not skip this")
        pytest.skip("the benchmarks need PostgreSQL (DATABASE_URL)")
    # Committed writes announce themselves (tracking.hooks): keep safety's evaluation of
    # this person off the real broker, whose queue the tests below watch.
    with mock.patch("safety.services._enqueue", return_value=True):
        person = UserFactory(email="someone@example.com")
        SessionFactory(user=person)
        CheckInFactory(user=person, pain=4)
        Flag.objects.create(user=person, rule=Flag.Rule.WORSENING, numbers={"last": 6})
    keys = None
    if settings.REDIS_URL:
        import redis

        keys = redis.Redis.from_url(settings.REDIS_URL)
        keys.set("someone:note", "mine")
        # Exactly one task of someone's in the queue: earlier tests of this worker may have
        # left evaluations there (nothing consumes them in tests).
        keys.delete("celery")
        keys.rpush("celery", "someone's task")
    yield person, keys
    if keys is not None:
        keys.delete("someone:note", "celery")


def _snapshot(person) -> dict:
    return {
        "users": list(type(person).objects.values_list("email", flat=True)),
        "sessions": list(Session.objects.values_list("user_id", "pain_before", "pain_after")),
        "checkins": list(CheckIn.objects.values_list("user_id", "pain")),
        "flags": list(Flag.objects.values_list("user_id", "rule")),
    }


def _database_url() -> str:
    """The test database: the one holding someone else's rows."""
    db = connection.settings_dict
    user = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _databases() -> set[str]:
    with psycopg.connect(_database_url(), autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database").fetchall()}


def _run(names: list[str], **env: str) -> dict[str, subprocess.CompletedProcess]:
    """Run benchmarks side by side against the test database; returns each one's result
    with its pid (which names its own database)."""
    environ = os.environ | {"DATABASE_URL": _database_url(), "BENCH_SMALL": "1", **env}
    running = {
        name: subprocess.Popen(
            [sys.executable, f"bench/{name}.py"],
            cwd=ROOT,
            env=environ,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name in names
    }
    results = {}
    for name, process in running.items():
        output, _ = process.communicate(timeout=600)
        results[name] = (process.pid, process.returncode, output)
    return results


def test_every_benchmarks_set_up_and_clean_up_leave_other_peoples_rows_and_keys_alone(
    someone_elses_data,
):
    person, keys = someone_elses_data
    before = _snapshot(person)
    results = _run(BENCHMARKS, BENCH_SETUP_ONLY="1")
    databases = _databases()
    for name, (pid, code, output) in results.items():
        assert code == 0, f"{name}: {output[-2000:]}"
        assert f"bench_{name}_{pid}" not in databases, f"{name} left its database behind"
    assert _snapshot(person) == before
    if keys is not None:
        assert keys.get("someone:note") == b"mine"
        assert keys.lrange("celery", 0, -1) == [b"someone's task"]


def test_the_flags_benchmark_queues_no_email_on_the_real_broker(someone_elses_data):
    person, keys = someone_elses_data
    before = _snapshot(person)
    ((pid, code, output),) = _run(["flags"]).values()
    assert code == 0, output[-2000:]
    assert "flags: users=300 " in output.splitlines()[-1]
    assert _snapshot(person) == before
    if keys is not None:
        assert keys.lrange("celery", 0, -1) == [b"someone's task"]


def test_a_benchmark_never_claims_a_redis_db_holding_someone_elses_keys(monkeypatch):
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (REDIS_URL)")
    import redis

    common = _common()
    db = int(settings.REDIS_URL.rsplit("/", 1)[1] or 0)
    client = redis.Redis.from_url(settings.REDIS_URL)
    client.set("someone:note", "mine")
    monkeypatch.setattr(common, "REDIS_DBS", [db])
    monkeypatch.setenv("REDIS_URL", settings.REDIS_URL)
    with pytest.raises(SystemExit, match="no free Redis database"), common.OwnRedis("test"):
        pass
    assert client.get("someone:note") == b"mine"
    assert client.get(common.OwnRedis.CLAIM) is None
    client.delete("someone:note")


def test_a_benchmark_that_misses_its_goal_prints_its_line_last_and_exits_1(capsys):
    common = _common()
    goals = common.Goals()
    goals.require(True, "met")
    goals.require(False, "ratio=0.10 < 0.20")
    with pytest.raises(SystemExit) as exit:
        goals.finish("load: ratio=0.10")
    assert exit.value.code == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["goal missed: ratio=0.10 < 0.20", "load: ratio=0.10"]
