"""What every benchmark in bench/ shares, so none can touch data it did not make.

- **Its own PostgreSQL database.** `OwnDatabase("player")` creates `bench_player_<pid>` on the
  server DATABASE_URL names (else 127.0.0.1:5432 as `postgres`), points DATABASE_URL at it
  and drops it at the end, even after an error or Ctrl-C. The database DATABASE_URL named is
  never opened, so nobody's rows are read, changed or emptied.
- **Its own Redis database.** `OwnRedis()` claims the first of Redis dbs 8-15 that is empty,
  with a claim key, so two runs never share one, and empties it at the end. A benchmark that
  needs no real broker publishes to kombu's in-memory one (`memory_broker()`) instead: no
  task ever reaches a worker of `make run` or production.
- **Small mode.** `BENCH_SMALL=1` shrinks every benchmark to a few hundred users and seconds,
  for CI; the full sizes are the default. `BENCH_SETUP_ONLY=1` makes the data and cleans it
  up without measuring (tests/bench/test_hygiene.py uses it).
- **A verdict.** `Goals.finish(line)` prints the figure line last and exits 1 when a goal
  was missed (each miss is printed above the line), so `make bench` stops there.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SMALL = os.environ.get("BENCH_SMALL", "") not in ("", "0")
SETUP_ONLY = os.environ.get("BENCH_SETUP_ONLY", "") not in ("", "0")
REDIS_DBS = range(8, 16)


def size(full, small):
    """The full-size value, or the small one under BENCH_SMALL=1."""
    return small if SMALL else full


# --- Verdict ------------------------------------------------------------------------------


class Goals:
    """Collects missed goals; `finish` prints the figure line last and sets the exit code."""

    def __init__(self) -> None:
        self.missed: list[str] = []

    def require(self, met: bool, what: str) -> None:
        if not met:
            self.missed.append(what)

    def finish(self, line: str) -> None:
        for what in self.missed:
            print(f"goal missed: {what}")
        print(line, flush=True)
        sys.exit(1 if self.missed else 0)


def stop_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C, so `finally` blocks drop what the benchmark made."""

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)


# --- PostgreSQL ---------------------------------------------------------------------------


def postgres_server_url() -> str:
    """DATABASE_URL's PostgreSQL server, else the local one; the path is left to the caller."""
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in ("postgres", "postgresql", "pgsql"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    return urlunsplit(urlsplit(url)._replace(path="/postgres", query=""))


class OwnDatabase:
    """A PostgreSQL database of the benchmark's own, named for the benchmark and this
    process, so two runs never collide. Use as a context manager, before django.setup()."""

    def __init__(self, label: str):
        self.name = f"bench_{label}_{os.getpid()}"
        self.admin_url = postgres_server_url()
        self.url = urlunsplit(urlsplit(self.admin_url)._replace(path="/" + self.name))
        self.keep = False

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)

    def create(self) -> OwnDatabase:
        try:
            self._admin(f'CREATE DATABASE "{self.name}"')
        except Exception as exc:
            sys.exit(f"benchmarks need PostgreSQL ({self.admin_url}): {exc}")
        os.environ["DATABASE_URL"] = self.url
        return self

    def drop(self) -> None:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django not set up (yet)
            pass
        if self.keep:
            print(f"kept database {self.name}")
            return
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def __enter__(self) -> OwnDatabase:
        stop_on_sigterm()
        return self.create()

    def __exit__(self, *exc) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not stop this
        self.drop()
        signal.signal(signal.SIGINT, signal.default_int_handler)


def django_setup(*, settings: str = "tests.settings", migrate: bool = True) -> None:
    """Django on the benchmark's own database (OwnDatabase set DATABASE_URL), migrated.

    tests.settings is the production module with a test client's needs (no HTTPS redirect,
    fast password hashing, a local-memory cache)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")
    import warnings

    import django
    from django.test.utils import setup_test_environment

    warnings.filterwarnings("ignore", "No directory at")  # no collectstatic needed
    django.setup()
    setup_test_environment()  # the test client's host and locmem email
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def memory_broker() -> None:
    """Publish tasks for real through kombu, to memory: nothing is delivered anywhere."""
    from backease.celery import app

    app.conf.broker_url = "memory://localhost/"
    app.conf.broker_transport_options = {}
    app.conf.task_always_eager = False


# --- Redis ----------------------------------------------------------------------------------


class OwnRedis:
    """One of Redis dbs 8-15 (reserved for benchmarks), empty when claimed and claimed with a
    key so a parallel run takes another; emptied at the end. On REDIS_URL's server, else
    127.0.0.1:6379."""

    CLAIM = "bench:claimed-by"

    def __init__(self, label: str):
        self.owner = f"{label}:{os.getpid()}"
        base = urlsplit(os.environ.get("REDIS_URL", "") or "redis://127.0.0.1:6379/0")
        self.base = base
        self.db: int | None = None
        self.url = ""

    def _client(self, db: int):
        import redis

        url = urlunsplit(self.base._replace(path=f"/{db}"))
        return url, redis.Redis.from_url(url, socket_connect_timeout=5)

    def __enter__(self) -> OwnRedis:
        try:
            for db in REDIS_DBS:
                url, client = self._client(db)
                # A day's expiry: a crashed run's claim frees itself.
                if not client.set(self.CLAIM, self.owner, nx=True, ex=86400):
                    continue
                if client.dbsize() == 1:
                    self.db, self.url = db, url
                    return self
                client.delete(self.CLAIM)  # someone else's data is here: leave it alone
        except Exception as exc:
            sys.exit(f"this benchmark needs Redis ({urlunsplit(self.base)}): {exc}")
        sys.exit("no free Redis database among 8-15 (each is claimed or holds data)")

    def __exit__(self, *exc) -> None:
        if self.db is None:
            return
        _, client = self._client(self.db)
        if client.get(self.CLAIM) == self.owner.encode():
            client.flushdb()
