"""Per-language text of the library's exercises and routines (django-modeltranslation).

Each field below gets a column per language in the same table (`name_en`, `name_es`,
`name_de`), so reading a routine in any language costs no extra query. Pages read `name`,
which gives the active language's text, else another language's (English first):
settings.MODELTRANSLATION_FALLBACK_LANGUAGES. The library's texts are in routines/content.py
(English) and routines/content_es.py, routines/content_de.py; `manage.py
missing_translations` lists what is still missing. Steps hold only numbers: their words
("30 s each side") come from the .po files.
"""

from modeltranslation.translator import TranslationOptions, register

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
