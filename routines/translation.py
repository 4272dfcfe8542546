"""Per-language text of the library's exercises and routines (django-modeltranslation).

Each field below gets a column per language in the same table (`name_en`, `name_es`,
`name_de`), so reading a routine in any language costs no extra query. Pages read `name`,
which gives the active language's text, else another language's (English first):
settings.MODELTRANSLATION_FALLBACK_LANGUAGES. The library's texts are in routines/content.py
(English) and routines/content_es.py, routines/content_de.py; `manage.py
missing_translations` lists what is still missing. Steps hold only numbers: their words
("30 s each side") come from the .po files.
"""

from django.conf import settings
from django.db.models import CharField, F
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import resolution_order

from .models import Exercise, Routine

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


@register(Exercise)
class ExerciseTranslationOptions(TranslationOptions):
    fields = EXERCISE_FIELDS
    # A missing translation is NULL, not "": names are unique, and NULLs never collide.
    empty_values = None


@register(Routine)
class RoutineTranslationOptions(TranslationOptions):
    fields = ROUTINE_FIELDS
    empty_values = None


def all_languages(source, fields) -> dict:
    """Every language's column of `fields`, to copy a row's text whole (a copy of a library
    routine keeps its Spanish and German summary, not only the page's language)."""
    return {
        f"{field}_{code}": getattr(source, f"{field}_{code}")
        for field in fields
        for code, _name in settings.LANGUAGES
    }


def translated(path: str) -> Coalesce:
    """The database expression for a translated field reached through a relation, such as
    "exercise__name" in a `.values()` query (which reads columns, not the models' fallback):
    the active language's text, else the fallback languages' (settings), else the base
    column."""
    language = get_language() or settings.LANGUAGE_CODE
    codes = resolution_order(language)
    return Coalesce(*(F(f"{path}_{code}") for code in codes), F(path), output_field=CharField())
