"""PostgreSQL restarts while people use the app: requests fail cleanly with the 503 page
and the app recovers without a restart."""

from .scenarios import postgres_restart_under_load


def test_a_postgres_restart_under_load_gives_503_pages_then_recovers_by_itself(own_postgres):
    outcome = postgres_restart_under_load(own_postgres)
    print(outcome.line())
    assert outcome.ok > 0 and outcome.unavailable > 0, outcome.line()  # the outage was seen
    assert outcome.errors == 0, outcome.other  # no 500s, resets or hangs: only the 503 page
    assert outcome.ok_after_recovery, outcome.line()
    assert not outcome.workers_restarted
