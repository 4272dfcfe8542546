"""Evaluation after a save: a Celery task enqueued on commit; a dead broker loses nothing."""

import pytest
import time_machine
from django.db import transaction

from backease.celery import app
from safety.models import Flag, PendingEvaluation
from safety.services import flags_schedule_evaluation, flags_sweep
from safety.tasks import catch_up_evaluations
from tracking.models import CheckIn

from .helpers import NOW, rate

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("celery_eager")
def test_saving_a_rating_evaluates_flags_after_commit(user, django_capture_on_commit_callbacks):
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
            rate(user, [8, 9, 8])
            flags_schedule_evaluation(user_id=user.pk)
            assert not Flag.objects.exists()  # nothing before the commit
        assert len(callbacks) == 1
        assert Flag.objects.filter(user=user, rule="severe").exists()


def test_a_broker_outage_during_save_loses_nothing(
    user, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    # Point Celery at a closed port.
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setattr(app, "_pool", None)
    monkeypatch.setattr(app.amqp, "_producer_pool", None)
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            rate(user, [8, 9, 8])
            flags_schedule_evaluation(user_id=user.pk)
        assert CheckIn.objects.filter(user=user).count() == 3
        assert "could not enqueue" in caplog.text
        assert not Flag.objects.exists()
        assert PendingEvaluation.objects.filter(user=user).exists()
        # The catch-up task (beat, every two minutes) runs what is owed, once.
        monkeypatch.undo()
        assert catch_up_evaluations.apply().get() == 1
        assert catch_up_evaluations.apply().get() == 0
    assert Flag.objects.filter(user=user, rule="severe").count() == 1
    assert not PendingEvaluation.objects.exists()


def test_the_nightly_sweep_also_catches_up_after_an_outage(user, monkeypatch):
    with time_machine.travel(NOW, tick=False):
        rate(user, [8, 9, 8])  # saved without any evaluation queued
        monkeypatch.setitem(app.conf, "task_always_eager", True)
        flags_sweep()
    assert Flag.objects.filter(user=user, rule="severe").exists()
