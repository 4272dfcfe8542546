from django.db import migrations

# The first release's library. Later items are added by later migrations
# (0004_add_library_items), which never overwrite what was edited in the admin.
ORIGINAL_EXERCISES = [
    "foam-roller-upper-back",
    "foam-roller-glutes",
    "knee-to-chest-cross-leg",
    "cat-cow",
    "pelvic-tilt",
    "childs-pose",
    "knee-rocks",
    "glute-bridge",
    "seated-twist",
]
ORIGINAL_ROUTINES = ["morning-mobility", "desk-break", "evening-release"]


def load_library(apps, schema_editor):
    from routines.library import load_library

    load_library(
        apps.get_model("routines", "Exercise"),
        apps.get_model("routines", "Routine"),
        apps.get_model("routines", "RoutineStep"),
        exercise_slugs=ORIGINAL_EXERCISES,
        routine_slugs=ORIGINAL_ROUTINES,
    )


class Migration(migrations.Migration):
    dependencies = [("routines", "0001_initial")]

    operations = [migrations.RunPython(load_library, migrations.RunPython.noop)]
