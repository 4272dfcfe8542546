"""PostgreSQL restarted under load, against gunicorn with the production settings.

Used by tests/faults/test_postgres_restart.py (assertions) and bench/faults.py (figures)."""

from __future__ import annotations

import http.client
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .servers import PostgresServer, free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
UNAVAILABLE_MARKER = b"BackEase is briefly unavailable"

MAKE_SESSION = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
user = get_user_model().objects.create_user(email="load@example.com", password="x-long-pass-1")
s = SessionStore()
s[SESSION_KEY] = str(user.pk)
s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
s[HASH_SESSION_KEY] = user.get_session_auth_hash()
s.set_expiry(12 * 3600)
s.save()
print(s.session_key)
"""


@dataclass
class Outcome:
    requests: int = 0
    ok: int = 0
    unavailable: int = 0  # the 503 page (or /healthz saying "down")
    other: Counter = field(default_factory=Counter)  # anything else: 500s, resets...
    recovery_s: float | None = None  # from PostgreSQL accepting connections to steady 200s
    down_s: float = 0.0
    ok_after_recovery: bool = False
    workers_restarted: bool = False

    @property
    def errors(self) -> int:
        return sum(self.other.values())

    def line(self) -> str:
        recovery = f"{self.recovery_s:.2f}" if self.recovery_s is not None else "never"
        return (
            f"faults: pg_restart requests={self.requests} ok={self.ok} "
            f"unavailable_503={self.unavailable} errors={self.errors} "
            f"down_s={self.down_s:.1f} recovery_s={recovery} "
            f"gunicorn_restarted={'yes' if self.workers_restarted else 'no'}"
        )


def _env(pg: PostgresServer, static_root: str) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return inherited | {
        "DJANGO_SETTINGS_MODULE": "backease.settings",
        "DATABASE_URL": pg.url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": static_root,
        # As behind one TLS proxy: the clients' X-Forwarded-Proto is believed.
        "TRUSTED_PROXY_COUNT": "1",
        # No mail server here: production keeps emails as files then, never in the log.
        "EMAIL_URL": "",
        "EMAIL_FILE_PATH": str(Path(static_root).parent / "mail"),
        "LOG_LEVEL": "WARNING",
        "REQUEST_LOG_LEVEL": "WARNING",
    }


def _manage(env, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


def _workers(master: int) -> set[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True
    )
    return {int(pid) for pid in out.stdout.split()}


def postgres_restart_under_load(
    pg: PostgresServer, *, threads: int = 6, down_for: float = 3.0, after: float = 6.0
) -> Outcome:
    workdir = Path(tempfile.mkdtemp(prefix="backease-faults-"))
    env = _env(pg, str(workdir / "static"))
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput", "-v", "0")
    session_key = _manage(env, "shell", "-c", MAKE_SESSION).strip().splitlines()[-1]

    port = free_port()
    log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "backease.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", "2", "-k", "gthread", "--threads", "4", "--timeout", "30"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    outcome = Outcome()
    samples: list[tuple[float, str]] = []  # (time, "ok" | "503" | other)
    lock = threading.Lock()
    stop = threading.Event()
    headers = {"X-Forwarded-Proto": "https", "Cookie": f"sessionid={session_key}"}
    paths = ["/dashboard/", "/routines/", "/progress/", "/check-in/"]

    def fetch(conn: http.client.HTTPConnection, path: str) -> str:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        if response.status == 200:
            return "ok"
        if response.status == 503 and UNAVAILABLE_MARKER in body:
            return "503"
        return f"status {response.status}"

    def user_loop(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = n
        while not stop.is_set():
            i += 1
            try:
                result = fetch(conn, paths[i % len(paths)])
            except (OSError, http.client.HTTPException) as exc:
                result = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                samples.append((time.monotonic(), result))

    try:
        probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)

        def up() -> bool:
            try:
                return fetch(probe, "/dashboard/") == "ok"
            except OSError:
                probe.close()
                return False

        wait_until(up, timeout=60, what="gunicorn")
        before = _workers(server.pid)
        workers = [threading.Thread(target=user_loop, args=(n,)) for n in range(threads)]
        for worker in workers:
            worker.start()
        time.sleep(2)
        went_down = time.monotonic()
        pg.stop()
        time.sleep(down_for)
        pg.start()
        back = time.monotonic()
        outcome.down_s = back - went_down
        time.sleep(after)
        stop.set()
        for worker in workers:
            worker.join(timeout=30)
        outcome.workers_restarted = _workers(server.pid) != before
    finally:
        stop.set()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        log.close()

    for _, result in samples:
        outcome.requests += 1
        if result == "ok":
            outcome.ok += 1
        elif result == "503":
            outcome.unavailable += 1
        else:
            outcome.other[result] += 1
    # Recovery: the first moment after which every request succeeded.
    last_bad = max((t for t, r in samples if r != "ok"), default=None)
    if last_bad is None or last_bad < back:
        outcome.recovery_s = 0.0
    else:
        outcome.recovery_s = last_bad - back
    end = samples[-1][0] if samples else back
    outcome.ok_after_recovery = last_bad is None or end - last_bad >= 2.0
    return outcome
