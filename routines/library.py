"""Loading the starting library (routines/content.py) into the database.

Used by the data migration, with its historical models, and by tests that need the library
back after a transactional test emptied the tables."""

from .content import EXERCISES, ROUTINES


def load_library(Exercise, Routine, RoutineStep) -> None:
    exercises = {}
    for data in EXERCISES:
        exercise, _ = Exercise.objects.update_or_create(slug=data["slug"], defaults=data)
        exercises[exercise.slug] = exercise
    for data in ROUTINES:
        fields = {key: value for key, value in data.items() if key != "steps"}
        routine, _ = Routine.objects.update_or_create(slug=data["slug"], defaults=fields)
        routine.steps.all().delete()
        RoutineStep.objects.bulk_create(
            RoutineStep(
                routine=routine,
                exercise=exercises[slug],
                order=order,
                mode=mode,
                seconds=seconds,
                repetitions=reps,
                per_side=per_side,
                get_ready_seconds=ready,
                rest_seconds=rest,
            )
            for order, (slug, mode, seconds, reps, per_side, ready, rest) in enumerate(
                data["steps"], start=1
            )
        )
