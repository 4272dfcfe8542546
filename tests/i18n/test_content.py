"""The library's exercises and routines in each language (django-modeltranslation)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from routines.content import EXERCISES, ROUTINES
from routines.models import Exercise, Routine
from routines.translation import EXERCISE_FIELDS, ROUTINE_FIELDS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["es", "de"])
def test_every_exercise_and_routine_has_its_text_in_each_language(language):
    assert Exercise.objects.count() == len(EXERCISES)
    assert Routine.objects.count() >= len(ROUTINES)
    for exercise in Exercise.objects.all():
        for field in EXERCISE_FIELDS:
            text = getattr(exercise, f"{field}_{language}")
            assert text, (exercise.slug, field)
            assert text != getattr(exercise, f"{field}_en"), (exercise.slug, field)
    for routine in Routine.objects.filter(slug__in=[r["slug"] for r in ROUTINES]):
        for field in ROUTINE_FIELDS:
            assert getattr(routine, f"{field}_{language}"), (routine.slug, field)


def test_pages_show_the_library_in_the_visitors_language(client):
    spanish = client.get("/routines/exercises/cat-cow/", HTTP_ACCEPT_LANGUAGE="es").content
    german = client.get("/routines/morning-mobility/", HTTP_ACCEPT_LANGUAGE="de").content

    assert "Gato–vaca" in spanish.decode()
    assert "Cat–cow" not in spanish.decode()
    assert "Morgendliche Mobilität" in german.decode()
    assert "Katze–Kuh" in german.decode()


def test_a_missing_translation_falls_back_to_english(client):
    Exercise.objects.filter(slug="cat-cow").update(name_de=None, summary_de="")

    body = client.get("/routines/exercises/cat-cow/", HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "Cat–cow" in body
    assert "Slow, breath-led rounding" in body
    with translation.override("de"):
        exercise = Exercise.objects.get(slug="cat-cow")
        assert exercise.name == "Cat–cow"
        assert exercise.starting_position.startswith("Im Vierfüßlerstand")


def test_the_command_lists_missing_translations_and_can_fail_ci(capsys):
    call_command("missing_translations", "--fail")
    assert "es: every exercise and routine is translated" in capsys.readouterr().out

    Exercise.objects.filter(slug="cat-cow").update(name_es=None, caution_es="")
    Routine.objects.filter(slug="desk-break").update(summary_es=None)

    call_command("missing_translations", "--language", "es")
    out = capsys.readouterr().out
    assert "es\texercise\tcat-cow\tname, caution" in out
    assert "es\troutine\tdesk-break\tsummary" in out
    assert "es: 2 item(s) with missing text" in out
    with pytest.raises(CommandError):
        call_command("missing_translations", "--fail")


def test_the_command_refuses_an_unknown_language():
    with pytest.raises(CommandError):
        call_command("missing_translations", "--language", "xx")


def test_loading_the_library_again_keeps_a_translation_edited_in_the_admin():
    from routines.library import load_library
    from routines.models import RoutineStep

    Exercise.objects.filter(slug="cat-cow").update(name_es="Gato y vaca")
    Exercise.objects.filter(slug="pelvic-tilt").update(summary_de=None)

    load_library(Exercise, Routine, RoutineStep)

    assert Exercise.objects.get(slug="cat-cow").name_es == "Gato y vaca"
    assert Exercise.objects.get(slug="pelvic-tilt").summary_de.startswith("Ein kleines Kippen")
