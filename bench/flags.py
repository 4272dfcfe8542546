"""Benchmark: the nightly pain-safety sweep over 100,000 users with 90 days of ratings.

    python bench/flags.py                 # about 3 minutes; BENCH_SMALL=1: 300 users, seconds

Works in a PostgreSQL database of its own (bench/common.py), dropped at the end; the data is
generated inside it with generate_series, which loads millions of rows in seconds. The
sweep's email tasks are published to kombu's in-memory broker, so no worker ever sends
them. Runs the sweep once and prints as its last line:

    flags: users=100000 seconds=S users_per_s=R queries_per_1000_users=Q queries_per_batch=B flags_opened=F

Goal: S <= 60 for 100,000 users (checked at full size only) and a constant number of queries
per batch of users, B <= 12, so the count grows with batches, never with ratings; exits 1
when missed.

Each user gets a check-in on about 80% of days and a session on about 30% (so some days are
rated only by sessions), with one step record per session in the last two weeks. Users fall
into profiles by id: steady moderate pain (no improvement, long-lasting), pain worsening in
the last week, a severe last week, an exercise that hurts, and, for most, improving pain.
"""  # noqa: E501

import argparse
import time

import common

USERS = common.size(100_000, 300)
MAX_SECONDS = 60
MAX_QUERIES_PER_BATCH = 12
ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"]

# A deterministic "random" number in [0, 1) per user and day, and noise in {-1, 0, 1}.
R = "(((hashint8(u.id * 1000 + d) & 2147483647) %% 1000) / 1000.0)"
NOISE = "(((hashint8(u.id * 1000 + d + 500000000) & 2147483647) %% 3) - 1)"
PAIN = f"""GREATEST(0, LEAST(10, ROUND(CASE u.id %% 20
    WHEN 0 THEN 5
    WHEN 1 THEN CASE WHEN d < 7 THEN 6 ELSE 3 END
    WHEN 2 THEN CASE WHEN d < 7 THEN 9 ELSE 5 END
    ELSE 2 + d / 30.0 END + {NOISE})))"""


def load(users: int) -> None:
    from django.db import connection

    zones = "ARRAY[" + ", ".join(f"'{z}'" for z in ZONES) + "]"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO accounts_user (password, is_superuser, is_staff, is_active, date_joined,
                email, display_name, time_zone, sound_muted, weekly_goal)
            SELECT '!', false, false, true, now(), 'bench' || n || '@example.com', '',
                   ({zones})[1 + n %% {len(ZONES)}], false, 5
            FROM generate_series(1, %s) n
            """,
            [users],
        )
        bench_users = "SELECT id FROM accounts_user WHERE email LIKE 'bench%%@example.com'"
        cursor.execute(
            f"""
            INSERT INTO tracking_checkin (user_id, local_date, pain, note, created_at, updated_at,
                new_leg_symptoms)
            SELECT u.id, CURRENT_DATE - d, {PAIN}, '', now(), now(), false
            FROM ({bench_users}) u CROSS JOIN generate_series(0, 89) d
            WHERE {R} < 0.80
            """,
            [],
        )
        cursor.execute("SELECT id FROM routines_routine WHERE slug = 'morning-mobility'")
        (routine_id,) = cursor.fetchone()
        cursor.execute(
            f"""
            INSERT INTO tracking_session (user_id, routine_id, status, local_date, started_at,
                finished_at, last_activity_at, pain_before, pain_after, note, plan, content,
                position, running, player_done, revision, step_seconds, new_leg_symptoms)
            SELECT u.id, %s, 'completed', CURRENT_DATE - d,
                   CURRENT_DATE - d + time '09:00', CURRENT_DATE - d + time '09:10',
                   CURRENT_DATE - d + time '09:10', {PAIN},
                   CASE WHEN u.id %% 20 = 3 THEN LEAST(10, {PAIN} + 2)
                        ELSE GREATEST(0, {PAIN} - 1) END,
                   '', '[]', '{{}}', 0, false, true, 0, 0, false
            FROM ({bench_users}) u CROSS JOIN generate_series(0, 89) d
            WHERE {R} >= 0.65 AND {R} < 0.95
            """,
            [routine_id],
        )
        cursor.execute(
            """
            INSERT INTO tracking_steprecord (session_id, routine_step_id, exercise_id, "order",
                state, skip_reason, feeling, seconds_spent, recorded_at)
            SELECT s.id, st.id, st.exercise_id, 0, 'done', '',
                   CASE WHEN s.user_id %% 20 = 3 THEN 'hurt' ELSE 'fine' END, 60, s.started_at
            FROM tracking_session s
            JOIN LATERAL (
                SELECT id, exercise_id FROM routines_routinestep
                WHERE routine_id = s.routine_id ORDER BY "order" LIMIT 1
            ) st ON true
            WHERE s.local_date >= CURRENT_DATE - 13
            """,
            [],
        )
        cursor.execute("ANALYZE")


def counts() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        result = {}
        for table in ("tracking_checkin", "tracking_session", "tracking_steprecord"):
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            result[table] = cursor.fetchone()[0]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=USERS)
    parser.add_argument("--batch-size", type=int, default=5000)
    args = parser.parse_args()
    goals = common.Goals()
    with common.OwnDatabase("flags"):
        common.django_setup()
        common.memory_broker()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from safety.services import flags_sweep

        started = time.perf_counter()
        load(args.users)
        print(f"loaded {counts()} in {time.perf_counter() - started:.1f} s", flush=True)
        if common.SETUP_ONLY:
            return
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = flags_sweep(batch_size=args.batch_size)
            seconds = time.perf_counter() - started

    users, batches = result.users, max(result.batches, 1)
    per_batch = len(queries) / batches
    if args.users >= 100_000:
        goals.require(seconds <= MAX_SECONDS, f"seconds={seconds:.1f} > {MAX_SECONDS}")
    goals.require(
        per_batch <= MAX_QUERIES_PER_BATCH,
        f"queries_per_batch={per_batch:.1f} > {MAX_QUERIES_PER_BATCH}",
    )
    goals.require(users > 0, "the sweep saw no users")
    goals.finish(
        f"flags: users={users} seconds={seconds:.1f} users_per_s={users / seconds:.0f} "
        f"queries_per_1000_users={1000 * len(queries) / max(users, 1):.2f} "
        f"queries_per_batch={per_batch:.1f} flags_opened={result.opened}"
    )


if __name__ == "__main__":
    main()
