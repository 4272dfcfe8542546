"""Adds the larger library (issue 16) to databases that already hold the first one.

Matched by slug, it adds the new exercises and routines and fills the new fields
(variants, equipment, position, focus, what to feel, the stop line, the picture
description) of existing exercises. It never overwrites an edit made in the admin: the
only filled fields that already had a value are those below, still holding exactly what
the first release shipped (its caution lines carried the stop line, which now has a
field of its own, and the library order of two routines)."""

from django.db import migrations

_OLD_STOP = "Stop if pain spreads down your leg, or you feel numbness or tingling."

SHIPPED_BEFORE = {
    ("exercise", "foam-roller-upper-back"): {
        "caution": f"Keep the roller off your lower back. Stop if anything hurts. {_OLD_STOP}"
    },
    ("exercise", "foam-roller-glutes"): {
        "caution": f"Keep any pressure gentle and stop on pain. {_OLD_STOP}"
    },
    ("exercise", "knee-to-chest-cross-leg"): {
        "caution": f"A mild stretch only, never pain. {_OLD_STOP}"
    },
    ("exercise", "cat-cow"): {"caution": f"Keep the movement small if it pinches. {_OLD_STOP}"},
    ("exercise", "pelvic-tilt"): {"caution": f"Keep it small and easy. {_OLD_STOP}"},
    ("exercise", "childs-pose"): {
        "caution": f"Put a cushion between hips and heels if your knees complain. {_OLD_STOP}"
    },
    ("exercise", "knee-rocks"): {"caution": f"A gentle sway, not a forced twist. {_OLD_STOP}"},
    ("exercise", "glute-bridge"): {"caution": f"Lift only as high as feels easy. {_OLD_STOP}"},
    ("exercise", "seated-twist"): {
        "caution": f"Turn only as far as is easy; never pull on the knee. {_OLD_STOP}"
    },
    ("routine", "desk-break"): {"position": 2},
    ("routine", "evening-release"): {"position": 3},
}


def add_library_items(apps, schema_editor):
    from routines.library import load_library

    load_library(
        apps.get_model("routines", "Exercise"),
        apps.get_model("routines", "Routine"),
        apps.get_model("routines", "RoutineStep"),
        replace_unchanged=SHIPPED_BEFORE,
    )


class Migration(migrations.Migration):
    dependencies = [("routines", "0003_exercise_variants_equipment_position_focus")]

    operations = [migrations.RunPython(add_library_items, migrations.RunPython.noop)]
