"""Two transitions of one player session at the same moment, on PostgreSQL, each from its
own connection: the optimistic `revision` lets exactly one win."""

import threading

import pytest
from django.db import connection

from routines.models import Routine
from tests.factories import UserFactory
from tests.safety.helpers import require_postgres
from tracking import services
from tracking.models import Session, StepRecord


def _race(session_id: int, action: str, **kwargs) -> list[str]:
    """Both threads load the session (the same revision), meet at a barrier, then act."""
    barrier = threading.Barrier(2, timeout=30)
    outcomes, errors = [], []

    def run() -> None:
        try:
            session = Session.objects.get(pk=session_id)
            barrier.wait()
            services.session_transition(
                session=session, action=action, revision=session.revision, **kwargs
            )
            outcomes.append("won")
        except services.SessionError:
            outcomes.append("refused")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("action", "kwargs"), [("start", {}), ("skip", {"reason": "not_now"}), ("end", {})]
)
def test_two_concurrent_transitions_of_one_session_let_exactly_one_win(
    routine_library, monkeypatch, action, kwargs
):
    require_postgres()
    # Committed writes announce themselves; keep safety's evaluations off the real broker.
    monkeypatch.setattr("safety.services._enqueue", lambda task, *args: True)
    user = UserFactory()
    routine = Routine.objects.get(slug="desk-break")
    session = services.session_start(user=user, routine=routine, pain_before=3)
    if action == "skip":
        services.session_transition(session=session, action="start", revision=0)
        services.session_transition(session=session, action="next", revision=1)  # to work
    before = Session.objects.get(pk=session.pk).revision

    assert _race(session.pk, action, **kwargs) == ["refused", "won"]

    session.refresh_from_db()
    assert session.revision == before + 1
    if action == "skip":
        assert StepRecord.objects.filter(session=session).count() == 1
