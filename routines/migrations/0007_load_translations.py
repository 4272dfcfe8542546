"""Spanish and German text for the library (routines/content_es.py, content_de.py).

The English columns start as copies of what each row shows today (an edit made in the
admin included); then every empty Spanish and German field gets the shipped text. Like
every library load it only fills what is empty."""

from django.db import migrations
from django.db.models import F

EXERCISE_FIELDS = (
    "name",
    "summary",
    "starting_position",
    "instructions",
    "breathing_cue",
    "feel",
    "caution",
    "stop_if",
    "illustration_text",
)
ROUTINE_FIELDS = ("title", "summary", "when_to_use")


def load_translations(apps, schema_editor):
    from routines.library import load_library

    Exercise = apps.get_model("routines", "Exercise")
    Routine = apps.get_model("routines", "Routine")
    for model, fields in ((Exercise, EXERCISE_FIELDS), (Routine, ROUTINE_FIELDS)):
        for field in fields:
            model.objects.filter(**{f"{field}_en__isnull": True}).update(
                **{f"{field}_en": F(field)}
            )
    load_library(Exercise, Routine, apps.get_model("routines", "RoutineStep"))


class Migration(migrations.Migration):
    dependencies = [("routines", "0006_exercise_routine_translations")]

    operations = [migrations.RunPython(load_translations, migrations.RunPython.noop)]
