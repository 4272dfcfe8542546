"""Fault scripts, on demand (`make bench` runs them; the same scenarios run in CI as tests).

    python bench/faults.py                # about a minute; BENCH_SMALL=1: the restart only

1. PostgreSQL restarted under load: a throwaway cluster of its own (initdb), gunicorn with
   the production settings, six clients looping over logged-in pages; the cluster is stopped
   for about three seconds and started again. Prints, as its figure line:
   `faults: pg_restart requests=N ok=N unavailable_503=N errors=E down_s=S recovery_s=R
   gunicorn_restarted=no` (one line).
2. Redis down and SMTP down (full size only; `make test` runs them too): runs
   tests/faults/test_redis_down.py and test_smtp_down.py (their own redis-server and aiosmtpd
   on ports of their own). pytest-django makes its test database from a name of this run's
   own (`test_bench_faults_<pid>`) and drops it, so no other database is touched.

Goal: both tests pass, errors=0 and the app answers 200 again after the restart; exits 1
when missed.
"""

import os
import subprocess
import sys

import common

from tests.faults.scenarios import postgres_restart_under_load
from tests.faults.servers import PostgresServer


def main() -> None:
    goals = common.Goals()
    if not common.SMALL and not common.SETUP_ONLY:
        server = common.postgres_server_url().rsplit("/", 1)[0]
        env = os.environ | {"DATABASE_URL": f"{server}/bench_faults_{os.getpid()}"}
        tests = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--create-db",
             "tests/faults/test_redis_down.py", "tests/faults/test_smtp_down.py"],
            cwd=common.ROOT, env=env,
        )  # fmt: skip
        goals.require(tests.returncode == 0, "the Redis-down and SMTP-down tests failed")
    common.stop_on_sigterm()
    pg = PostgresServer().start()
    try:
        pg.create_database()
        if common.SETUP_ONLY:
            return
        outcome = postgres_restart_under_load(pg, after=common.size(6.0, 3.0))
    finally:
        pg.destroy()
    goals.require(outcome.errors == 0, f"errors={outcome.errors}: {outcome.other}")
    goals.require(outcome.ok_after_recovery, "no 200 after the restart")
    goals.finish(outcome.line())


if __name__ == "__main__":
    main()
