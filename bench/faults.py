"""Fault scripts, on demand (`make bench` runs them; the same scenarios run in CI as tests).

1. PostgreSQL restarted under load: a throwaway cluster of its own (initdb), gunicorn with
   the production settings, six clients looping over logged-in pages; the cluster is stopped
   for about three seconds and started again. Prints, as its figure line:
   `faults: pg_restart requests=N ok=N unavailable_503=N errors=E down_s=S recovery_s=R
   gunicorn_restarted=no` (one line).
2. Redis down and SMTP down: runs tests/faults/test_redis_down.py and test_smtp_down.py
   (their own redis-server and aiosmtpd on ports of their own) against DATABASE_URL
   (default: the local PostgreSQL's `test` database).
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.faults.scenarios import postgres_restart_under_load  # noqa: E402
from tests.faults.servers import PostgresServer  # noqa: E402


def main() -> int:
    env = os.environ | {
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
    }
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/faults/test_redis_down.py", "tests/faults/test_smtp_down.py"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    pg = PostgresServer().start()
    try:
        pg.create_database()
        outcome = postgres_restart_under_load(pg)
    finally:
        pg.destroy()
    print(outcome.line())
    failed = tests.returncode != 0 or outcome.errors or not outcome.ok_after_recovery
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
