"""Load: 50 signed-in people on gunicorn with the production settings, PostgreSQL and Redis.

    python bench/load.py            # about 2 minutes; `--help` for the knobs

1. Creates its own PostgreSQL database, `backease_load` (dropped first if it exists, and
   dropped again at the end), on the server of DATABASE_URL when that is PostgreSQL, else
   postgres@127.0.0.1:5432 (trust auth). Redis: the host of REDIS_URL, else 127.0.0.1:6379,
   database 9 (LOAD_REDIS_DB), emptied at the start and the end, so keep it for this.
2. Migrates, runs collectstatic (WhiteNoise's manifest storage needs it) and seeds 50 people
   with 3 to 6 weeks of history each: sessions of the three routines on most days with pain
   before and after, their step records (a few skipped, feelings), check-ins, a red-flag
   screening (skipped), verified email addresses.
3. Starts gunicorn with the production settings (DEBUG off, a random SECRET_KEY, HTTPS
   redirect, Secure cookies, HSTS) and a Celery worker (check-ins and pain ratings queue a
   flag evaluation: it runs, as in production). The client sends `X-Forwarded-Proto: https`
   as a TLS-terminating proxy would. gunicorn: gthread, 2 workers x 4 threads for this
   2-core machine (--worker-class/--workers/--threads; see below); the Celery worker: one
   process, no beat (its tasks are periodic and idle here).
4. Logs the 50 people in through allauth's login form (CSRF token from the page), each from
   its own loopback address like people on their own connections (allauth allows 30 logins
   a minute per address). Logins are slow by design (PBKDF2) and are not measured.
5. Phase 1, 60 s: locust (headless, FastHttpUser) runs 50 users with those sessions. Each
   does, by weight: the dashboard (4), a whole routine (2: the start page, the pain-before
   form, the player, its htmx controls to the end - mostly Done, sometimes a pause and
   resume or a skip - the pain-after form and the summary), a check-in (2: the page and an
   htmx save), the progress page and an htmx range switch (1). Every answer is checked for
   its status and a marker of the page or fragment it should be; anything else is an error.
6. Phase 2, 30 s: the same 50 users, same pacing, request a bare Django view (no middleware,
   no database, no template: bench/loadtest/wsgi.py) served by the same gunicorn processes.

Pacing: every request is followed by a think time drawn uniformly from 0.5x to 1.5x
--think (default 0.5 s), in both phases; users join over 5 s and are measured from then on.
Without a think time 50 closed-loop users only measure saturation: every user always has a
request queued, so latency is about 50 / throughput whatever the app does, and the bare view's
throughput mostly says how much CPU locust and the rest leave to gunicorn. With human think
times (several seconds) both phases just echo the offered load and the ratio says nothing.
0.5 s is 50 very busy people - real ones read, hold a stretch for 30 s between two taps on
Done, and stop - offering about 100 requests/s, some three quarters of what this machine serves:
the latency includes real queueing and the ratio drops as soon as the app cannot keep up.
Measured on the 2-core development machine, shared with other work (load average 3-6):

    think  rps      p50      p95      bare_rps    ratio
    0      128-145  330-360  550-610  2074-2814   0.05-0.07   saturated
    0.25   120-140   54-120  190-270   197-200    0.60-0.71   just past saturation
    0.5     82-85    19-23    53-70     99-101    0.83-0.85   the default (4 runs)
    1.0     43       15       39        50        0.85

gunicorn at saturation, 30 s: gthread 2 workers x 4 threads 137 rps p95 560 ms; sync 4
workers 121 rps p95 1000 ms; gthread 4 x 2 128 rps p95 1000 ms. Two processes use both
cores and their threads overlap the waits on PostgreSQL and Redis.

Prints as its last line:

    load: rps=R p50_ms=A p95_ms=B p99_ms=C errors=E bare_rps=S ratio=R/S

R and the percentiles are locust's aggregate over every request of phase 1; E counts the
failed requests (users joining included) and the exceptions in the users' code of both
phases; S is the bare view's throughput. Above it: each request's count and percentiles,
and the CPU used by gunicorn, PostgreSQL, the Celery worker and locust.
Goal: errors 0, p95 <= 150 ms, ratio >= 0.25.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zoneinfo
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psutil  # comes with locust

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = "backease_load"
REDIS_DB = int(os.environ.get("LOAD_REDIS_DB", "9"))
PASSWORD = "load-test-pass-phrase"
EMAIL = "load{:02d}@bench.invalid"
ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"]
# Users join over this many seconds (not measured), so they do not all click at once and
# the server's first requests (templates compiled per process, connections opened per
# thread) are behind us when measuring starts.
RAMP_SECONDS = 5
LOCUSTFILE = ROOT / "bench" / "loadtest" / "locustfile.py"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=0.5, help="mean think time, s")
    parser.add_argument("--duration", type=int, default=60, help="app phase, s")
    parser.add_argument("--bare-duration", type=int, default=30, help="bare phase, s")
    parser.add_argument("--worker-class", default="gthread")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep-db", action="store_true", help="keep backease_load at the end")
    return parser.parse_args()


# --- Services ------------------------------------------------------------------------------


def database_url() -> str:
    """DATABASE_URL's PostgreSQL server (else the local one), always our own database."""
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in ("postgres", "postgresql", "pgsql"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    return urlunsplit(urlsplit(url)._replace(path="/" + DB_NAME, query=""))


def redis_url() -> str:
    url = urlsplit(os.environ.get("REDIS_URL", "") or "redis://127.0.0.1:6379/0")
    return urlunsplit(url._replace(path=f"/{REDIS_DB}"))


def recreate_database(url: str, *, create: bool) -> None:
    import psycopg

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_connect_timeout=5).flushdb()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Processes:
    """Children in their own process groups, so stopping one stops what it forked, and
    Ctrl-C in the terminal reaches only this script, which then stops them in order."""

    def __init__(self, env: dict[str, str], logs: Path):
        self.env = env
        self.logs = logs
        self.running: list[subprocess.Popen] = []

    def start(self, name: str, args: list[str]) -> subprocess.Popen:
        with open(self.logs / f"{name}.log", "ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", *args],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running.append(process)
        return process

    def stop(self, process: subprocess.Popen, timeout: float = 15) -> None:
        try:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            os.killpg(process.pid, signal.SIGKILL)  # anything it forked and left behind
        except ProcessLookupError:
            pass
        if process in self.running:
            self.running.remove(process)

    def stop_all(self) -> None:
        for process in reversed(self.running[:]):
            self.stop(process)


# --- Seeding -------------------------------------------------------------------------------


def seed(users: int) -> list[str]:
    """People with 3-6 weeks of history each; returns their emails."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from accounts.models import User
    from routines.models import Routine, RoutineStep
    from safety.models import ScreeningResponse
    from tracking.models import CheckIn, Session, StepRecord, build_plan, snapshot_steps

    rng = random.Random(2026)
    password = make_password(PASSWORD)  # hashed once: PBKDF2 per person would take a minute
    routines = []
    for routine in Routine.objects.order_by("position"):
        steps = list(
            RoutineStep.objects.filter(routine=routine).select_related("exercise").order_by("order")
        )
        plan = [part.as_json() for part in build_plan(steps)]
        seconds = sum(part["seconds"] for part in plan)
        routines.append((routine, steps, plan, snapshot_steps(steps), seconds))

    now = dt.datetime.now(dt.UTC)
    with transaction.atomic():
        people = User.objects.bulk_create(
            User(
                email=EMAIL.format(n),
                password=password,
                display_name=f"Person {n}",
                time_zone=ZONES[n % len(ZONES)],
                weekly_goal=rng.choice((3, 4, 5)),
            )
            for n in range(users)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=p, email=p.email, verified=True, primary=True) for p in people
        )
        sessions, records, checkins, screenings = [], [], [], []
        for person in people:
            zone = zoneinfo.ZoneInfo(person.time_zone)
            today = now.astimezone(zone).date()
            days = rng.randint(21, 42)
            pain = rng.uniform(4, 6.5)  # eases a little over the weeks, with noise
            start = today - dt.timedelta(days=days)
            screenings.append(
                ScreeningResponse(
                    user=person,
                    answered_at=dt.datetime.combine(start, dt.time(9), zone),
                    local_date=start,
                    reason=ScreeningResponse.Reason.SIGNUP,
                    skipped=True,
                )
            )
            for back in range(days, 0, -1):
                day = today - dt.timedelta(days=back)
                pain = max(1.0, pain - rng.uniform(-0.1, 0.15))
                if rng.random() < 0.7:
                    routine, steps, plan, content, seconds = rng.choice(routines)
                    started = dt.datetime.combine(
                        day, dt.time(rng.randint(7, 21), rng.randint(0, 59)), zone
                    )
                    finished = started + dt.timedelta(seconds=seconds + rng.randint(30, 240))
                    before = min(7, max(0, round(pain + rng.uniform(-1, 1))))
                    session = Session(
                        user=person,
                        routine=routine,
                        status=Session.Status.COMPLETED,
                        local_date=day,
                        started_at=started,
                        finished_at=finished,
                        last_activity_at=finished,
                        pain_before=before,
                        pain_after=max(0, before - rng.choice((0, 1, 1, 2, 2, 3))),
                        plan=plan,
                        content=content,
                        position=len(plan),
                        player_done=True,
                        revision=len(plan) + 1,
                    )
                    sessions.append(session)
                    for step in steps:
                        skipped = rng.random() < 0.07
                        records.append(
                            StepRecord(
                                session=session,
                                routine_step=step,
                                exercise_id=step.exercise_id,
                                order=step.order,
                                state=StepRecord.State.SKIPPED
                                if skipped
                                else StepRecord.State.DONE,
                                skip_reason=StepRecord.SkipReason.NOT_NOW if skipped else "",
                                feeling=""
                                if skipped
                                else rng.choice(("easier", "fine", "fine", "", "hurt")),
                                seconds_spent=0 if skipped else step.seconds,
                                recorded_at=finished,
                            )
                        )
                if rng.random() < 0.6:
                    checkins.append(
                        CheckIn(
                            user=person,
                            local_date=day,
                            pain=min(7, max(0, round(pain + rng.uniform(-1, 1)))),
                        )
                    )
        ScreeningResponse.objects.bulk_create(screenings)
        Session.objects.bulk_create(sessions, batch_size=500)
        StepRecord.objects.bulk_create(records, batch_size=2000)
        CheckIn.objects.bulk_create(checkins, batch_size=1000)
    print(
        f"seeded {len(people)} people: {len(sessions)} sessions, {len(records)} step records, "
        f"{len(checkins)} check-ins"
    )
    return [p.email for p in people]


# --- Logging in ----------------------------------------------------------------------------


CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def log_in(port: int, email: str, n: int) -> dict:
    """allauth's login form, as a browser behind a TLS proxy would post it."""
    conn = HTTPConnection("127.0.0.1", port, timeout=120, source_address=(f"127.0.1.{n + 1}", 0))
    try:
        conn.connect()
    except OSError:  # only 127.0.0.1 on this system (macOS): allauth may refuse some logins
        conn = HTTPConnection("127.0.0.1", port, timeout=120)
    origin = f"https://127.0.0.1:{port}"
    cookies: dict[str, str] = {}

    def request(method: str, path: str, body: str | None = None, **headers: str):
        headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", **headers}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0":
                    cookies.pop(name, None)
                else:
                    cookies[name] = morsel.value
        return response.status, response.headers, content

    try:
        status, _, page = request("GET", "/accounts/login/")
        token = CSRF_FIELD.search(page)
        if status != 200 or not token:
            raise RuntimeError(f"{email}: the login page answered {status}")
        form = {"csrfmiddlewaretoken": token.group(1).decode(), "login": email}
        form["password"] = PASSWORD
        status, headers, _ = request(
            "POST",
            "/accounts/login/",
            urlencode(form),
            **{
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": origin + "/accounts/login/",
            },
        )
        if status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"{email}: login answered {status}, {headers.get('Location')}")
        status, _, page = request("GET", "/dashboard/")
        if status != 200 or b'id="today-h"' not in page:
            raise RuntimeError(f"{email}: the dashboard after login answered {status}")
    finally:
        conn.close()
    return {"email": email, "cookies": cookies}


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited while starting; see its log")
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz in time")


# --- Locust --------------------------------------------------------------------------------


def run_locust(processes: Processes, user_class: str, args, port: int, csv_prefix: Path) -> float:
    """One headless locust phase; returns locust's own CPU seconds."""
    duration = args.duration if user_class == "AppUser" else args.bare_duration
    processes.env["LOAD_TALLY"] = f"{csv_prefix}_failed_total"
    process = processes.start(
        f"locust-{user_class}",
        [
            "locust",
            "-f",
            str(LOCUSTFILE),
            user_class,
            "--headless",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(args.users / RAMP_SECONDS),
            "--run-time",
            f"{duration + RAMP_SECONDS}s",
            "--reset-stats",  # measure from the moment everyone is in
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(csv_prefix),
            "--only-summary",
            "--exit-code-on-error",
            "0",
            "--loglevel",
            "WARNING",
        ],
    )
    started = used = cpu_seconds(process.pid)
    while process.poll() is None:
        used = cpu_seconds(process.pid)
        time.sleep(0.5)
    processes.stop(process)
    if process.returncode != 0:
        raise RuntimeError(f"locust exited with {process.returncode}; see its log")
    return used - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children so far."""
    try:
        parent = psutil.Process(pid)
        total = sum(parent.cpu_times()[:2])
        for child in parent.children(recursive=True):
            total += sum(child.cpu_times()[:2])
        return total
    except psutil.Error:
        return 0.0


def postgres_cpu() -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend serving our database."""
    seconds = {}
    for process in psutil.process_iter(["cmdline", "cpu_times"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if cmdline.startswith("postgres:") and f" {DB_NAME} " in cmdline:
            seconds[process.pid] = sum(process.info["cpu_times"][:2])
    return seconds


class CpuMeter:
    """CPU used over a phase by gunicorn, PostgreSQL (our database's backends), the Celery
    worker, locust, and the whole machine (other work on it included)."""

    def __init__(self, gunicorn: int, celery: int):
        self.pids = {"gunicorn": gunicorn, "celery": celery}
        self.started = time.monotonic()
        self.before = {name: cpu_seconds(pid) for name, pid in self.pids.items()}
        self.postgres = postgres_cpu()
        self.machine = psutil.cpu_times()

    def report(self, locust_seconds: float) -> str:
        elapsed = time.monotonic() - self.started
        used = {name: cpu_seconds(pid) - self.before[name] for name, pid in self.pids.items()}
        used["postgres"] = sum(
            seconds - self.postgres.get(pid, 0.0) for pid, seconds in postgres_cpu().items()
        )
        used["locust"] = locust_seconds
        machine = psutil.cpu_times()
        idle = machine.idle - self.machine.idle
        busy = sum(machine) - sum(self.machine) - idle
        parts = ", ".join(f"{name} {seconds / elapsed:.2f}" for name, seconds in used.items())
        return f"cpu in cores: {parts}; machine {busy / elapsed:.2f} of {psutil.cpu_count()} busy"


def read_stats(csv_prefix: Path) -> tuple[dict, list[dict], int, int]:
    """locust's Aggregated row and per-request rows (the measured window), the requests
    that failed while the users were joining, and the exceptions raised in the users' code."""
    with open(f"{csv_prefix}_stats.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    with open(f"{csv_prefix}_failures.csv", newline="") as f:
        for row in csv.DictReader(f):
            request = f"{row['Method']} {row['Name']}"
            print(f"  failure x{row['Occurrences']}: {request}: {row['Error']}")
    exceptions = 0
    with open(f"{csv_prefix}_exceptions.csv", newline="") as f:
        for row in csv.DictReader(f):
            exceptions += int(row["Count"])
            print(f"  exception x{row['Count']}: {row['Message']}")
    failed_in_all = int(Path(f"{csv_prefix}_failed_total").read_text())
    ramp_failures = failed_in_all - int(total["Failure Count"])
    rows = [r for r in rows if r["Name"] != "Aggregated"]
    return total, rows, ramp_failures, exceptions


def print_table(rows: list[dict]) -> None:
    print(f"  {'request':<46} {'count':>6} {'fail':>5} {'p50':>5} {'p95':>5} {'p99':>5}  ms")
    for row in sorted(rows, key=lambda r: -int(r["Request Count"])):
        name = f"{row['Type']} {row['Name']}"
        print(
            f"  {name:<46} {row['Request Count']:>6} {row['Failure Count']:>5} "
            f"{row['50%']:>5} {row['95%']:>5} {row['99%']:>5}"
        )


# --- Main ----------------------------------------------------------------------------------


def main() -> None:
    args = parse_args()
    db_url, cache_url = database_url(), redis_url()
    try:
        recreate_database(db_url, create=True)
        flush_redis(cache_url)
    except Exception as exc:
        sys.exit(f"bench/load.py needs PostgreSQL and Redis ({db_url}, {cache_url}): {exc}")

    work = Path(tempfile.mkdtemp(prefix="backease-load-"))
    for name in (  # the production defaults, whatever this shell has set for development
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "PLAYER_TIME_SCALE",
        "SESSION_INACTIVITY_HOURS",
    ):
        os.environ.pop(name, None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "backease.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": db_url,
            "REDIS_URL": cache_url,
            "EMAIL_URL": "",
            "EMAIL_FILE_PATH": str(work / "mail"),
            # As behind one TLS proxy: its X-Forwarded-Proto is believed.
            "TRUSTED_PROXY_COUNT": "1",
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env = dict(os.environ)
    processes = Processes(env, work)

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in background
    finished = False
    try:
        import django
        from django.core.management import call_command
        from django.db import connections

        started = time.monotonic()
        django.setup()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        emails = seed(args.users)
        connections.close_all()
        print(f"database ready in {time.monotonic() - started:.0f} s")

        port = free_port()
        gunicorn = processes.start(
            "gunicorn",
            [
                "gunicorn",
                "bench.loadtest.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--worker-class",
                args.worker_class,
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--access-logfile",
                "-",
            ],
        )
        celery = processes.start(
            "celery", ["celery", "-A", "backease", "worker", "-c", "1", "-l", "INFO"]
        )
        wait_until_up(port, gunicorn)

        started = time.monotonic()
        pool = ThreadPoolExecutor(max_workers=2 * args.workers * args.threads)
        try:
            accounts = list(pool.map(log_in, [port] * len(emails), emails, range(len(emails))))
        finally:
            pool.shutdown(cancel_futures=True)
        accounts_file = work / "accounts.json"
        accounts_file.write_text(json.dumps(accounts))
        print(f"logged in {len(accounts)} people in {time.monotonic() - started:.0f} s")
        env["LOAD_ACCOUNTS"] = str(accounts_file)
        env["LOAD_THINK"] = str(args.think)

        print(
            f"config: gunicorn {args.worker_class} workers={args.workers} "
            f"threads={args.threads}, celery worker -c 1, users={args.users}, "
            f"think={args.think} s (x0.5-1.5), app {args.duration} s, bare {args.bare_duration} s; "
            f"load average before: {os.getloadavg()[0]:.1f}"
        )
        figures = {}
        errors = 0
        for user_class in ("AppUser", "BareUser"):
            meter = CpuMeter(gunicorn.pid, celery.pid)
            locust_cpu = run_locust(processes, user_class, args, port, work / user_class)
            cpu = meter.report(locust_cpu)
            total, rows, ramp_failures, exceptions = read_stats(work / user_class)
            failures = int(total["Failure Count"])
            errors += failures + ramp_failures + exceptions
            figures[user_class] = total
            print(
                f"{user_class}: {total['Request Count']} requests, {failures} failed "
                f"(+{ramp_failures} while joining), {exceptions} exceptions; "
                f"rps={float(total['Requests/s']):.1f} p50={total['50%']} "
                f"p95={total['95%']} p99={total['99%']} ms\n  {cpu}"
            )
            if user_class == "AppUser":
                print_table(rows)
        app, bare = figures["AppUser"], figures["BareUser"]
        rps, bare_rps = float(app["Requests/s"]), float(bare["Requests/s"])
        finished = True
        print(
            f"load: rps={rps:.1f} p50_ms={app['50%']} p95_ms={app['95%']} p99_ms={app['99%']} "
            f"errors={errors} bare_rps={bare_rps:.1f} ratio={rps / bare_rps:.2f}"
        )
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not stop the cleanup
        processes.stop_all()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django may not be set up yet
            pass
        if not args.keep_db:
            recreate_database(db_url, create=False)
        flush_redis(cache_url)
        if finished:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"stopped; the logs of gunicorn, the worker and locust are in {work}")


if __name__ == "__main__":
    main()
