import django_countries.fields
from django.db import migrations


def guess_countries(apps, schema_editor):
    """Existing people get the country of their time zone, as new ones do at sign-up."""
    from accounts.countries import guess_country

    User = apps.get_model("accounts", "User")
    zones = User.objects.filter(country="").values_list("time_zone", flat=True).distinct()
    for zone in list(zones):
        if country := guess_country(zone):
            User.objects.filter(country="", time_zone=zone).update(country=country)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_loginsession"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="country",
            field=django_countries.fields.CountryField(
                blank=True, db_default="", default="", max_length=2, verbose_name="country"
            ),
        ),
        migrations.RunPython(guess_countries, migrations.RunPython.noop),
    ]
