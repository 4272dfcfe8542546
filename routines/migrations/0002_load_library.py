from django.db import migrations


def load_library(apps, schema_editor):
    from routines.library import load_library

    load_library(
        apps.get_model("routines", "Exercise"),
        apps.get_model("routines", "Routine"),
        apps.get_model("routines", "RoutineStep"),
    )


class Migration(migrations.Migration):
    dependencies = [("routines", "0001_initial")]

    operations = [migrations.RunPython(load_library, migrations.RunPython.noop)]
