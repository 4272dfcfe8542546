"""The data migrations add to the library without overwriting what people edited in the
admin, and sessions already played keep the content they were played with."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from routines import content
from routines.models import Exercise, Routine, RoutineStep
from tracking.models import Session

add_items = importlib.import_module("routines.migrations.0004_add_library_items")
first_release = importlib.import_module("routines.migrations.0002_load_library")


def _run_the_migration_again() -> None:
    add_items.add_library_items(django_apps, None)


@pytest.mark.django_db
def test_running_the_migration_again_keeps_edits_and_fills_only_what_is_missing():
    cat_cow = Exercise.objects.get(slug="cat-cow")
    cat_cow.summary = "Our physio's own words."
    cat_cow.caution = "Keep it tiny."
    cat_cow.save()
    Exercise.objects.filter(slug="childs-pose").update(feel="", gentler=None)
    Exercise.objects.filter(slug="sphinx").update(is_published=False)
    Routine.objects.filter(slug="quick-reset").delete()
    desk = Routine.objects.get(slug="desk-break")
    desk.steps.filter(order=3).delete()  # someone shortened it
    counts = Exercise.objects.count(), Routine.objects.count() + 1, RoutineStep.objects.count()

    _run_the_migration_again()

    cat_cow.refresh_from_db()
    assert cat_cow.summary == "Our physio's own words." and cat_cow.caution == "Keep it tiny."
    childs_pose = Exercise.objects.get(slug="childs-pose")
    assert childs_pose.feel.startswith("A gentle stretch")
    assert childs_pose.gentler.slug == "rock-back"
    assert not Exercise.objects.get(slug="sphinx").is_published
    assert desk.steps.count() == 2
    reset = Routine.objects.get(slug="quick-reset")
    assert [step.exercise.slug for step in reset.steps.order_by("order")] == [
        step[0] for step in next(r for r in content.ROUTINES if r["slug"] == "quick-reset")["steps"]
    ]
    assert (Exercise.objects.count(), Routine.objects.count()) == counts[:2]
    assert RoutineStep.objects.count() == counts[2] + len(reset.steps.all())

    # And a second run changes nothing at all.
    before = list(Exercise.objects.order_by("pk").values())
    _run_the_migration_again()
    assert list(Exercise.objects.order_by("pk").values()) == before


@pytest.mark.django_db
def test_a_field_still_as_the_first_release_shipped_it_takes_the_new_text():
    shipped = add_items.SHIPPED_BEFORE[("exercise", "pelvic-tilt")]["caution"]
    Exercise.objects.filter(slug="pelvic-tilt").update(caution=shipped, stop_if="")
    Exercise.objects.filter(slug="glute-bridge").update(caution=shipped)  # not its own text
    Routine.objects.filter(slug="desk-break").update(position=2)

    _run_the_migration_again()

    pelvic_tilt = Exercise.objects.get(slug="pelvic-tilt")
    assert pelvic_tilt.caution == "Keep it small and easy."
    assert pelvic_tilt.stop_if.startswith("Stop if it hurts")
    assert Exercise.objects.get(slug="glute-bridge").caution == shipped
    assert Routine.objects.get(slug="desk-break").position == 3


@pytest.mark.django_db(transaction=True)
def test_a_first_release_database_gains_the_new_library_and_keeps_its_sessions(
    routine_library, user
):
    """Migrate back to the first release's schema and library, edit it there as the admin
    would have, then migrate forward as an upgrade would."""
    executor = MigrationExecutor(connection)
    # Every app back at its newest migration afterwards: going back to routines 0002 also
    # unapplies the migrations of apps that depend on routines (reminders, plans).
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([("routines", "0002_load_library")])
        old = executor.loader.project_state(
            [("routines", "0002_load_library"), *executor.loader.graph.leaf_nodes("tracking")]
        ).apps
        OldExercise = old.get_model("routines", "Exercise")
        OldRoutine = old.get_model("routines", "Routine")
        OldSession = old.get_model("tracking", "Session")
        OldRoutine.objects.exclude(slug__in=first_release.ORIGINAL_ROUTINES).delete()
        OldExercise.objects.exclude(slug__in=first_release.ORIGINAL_EXERCISES).delete()
        assert OldExercise.objects.count() == 9 and OldRoutine.objects.count() == 3
        OldExercise.objects.filter(slug="knee-rocks").update(caution="Our own caution.")
        played = {"1": {"name": "Knee rocks", "caution": "As it was then."}}
        session = OldSession.objects.create(
            user_id=user.pk,
            routine=OldRoutine.objects.get(slug="morning-mobility"),
            local_date="2026-01-05",
            content=played,
        )

        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    finally:
        MigrationExecutor(connection).migrate(latest)

    assert Exercise.objects.count() == len(content.EXERCISES)
    assert Routine.objects.count() == len(content.ROUTINES)
    knee_rocks = Exercise.objects.get(slug="knee-rocks")
    assert knee_rocks.caution == "Our own caution."
    assert knee_rocks.harder.slug == "lying-twist" and knee_rocks.equipment == "mat"
    assert Exercise.objects.get(slug="cat-cow").caution == "Keep the movement small if it pinches."
    assert Session.objects.get(pk=session.pk).content == played


@pytest.mark.django_db
def test_a_session_in_progress_keeps_showing_what_it_started_with(user_client):
    response = user_client.post(
        reverse("tracking:start", args=["morning-mobility"]), {"pain_before": 3}
    )
    assert response.status_code == 302
    session = Session.objects.latest("pk")
    Exercise.objects.filter(slug="pelvic-tilt").update(
        name="Pelvic rock", illustration_text="Edited since."
    )
    html = user_client.get(reverse("tracking:player", args=[session.pk])).content.decode()
    assert "Pelvic tilt" in html and "Pelvic rock" not in html
    assert 'alt="A person lies on their back with knees bent and feet flat' in html


@pytest.mark.django_db
def test_a_session_snapshot_from_before_the_picture_descriptions_still_plays(user_client, user):
    response = user_client.post(reverse("tracking:start", args=["desk-break"]), {"pain_before": 3})
    assert response.status_code == 302
    session = Session.objects.latest("pk")
    for step in session.content.values():  # as sessions started before this release were
        del step["illustration_text"]
    session.save(update_fields=["content"])
    html = user_client.get(reverse("tracking:player", args=[session.pk])).content.decode()
    assert 'alt="Seated twist"' in html
    assert "img/exercises/seated-twist.svg" in html
