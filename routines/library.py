"""Loading the routine library (routines/content.py) into the database.

Used by the data migrations, with their historical models, and by tests that need the
library back after a transactional test emptied the tables.

Loading only ever adds: an exercise or routine is matched by its slug; a missing one is
created whole (a routine with its steps), and an existing one only gets the fields that
are still empty, such as a field added by a later release. What someone changed in the
admin stays as they left it, and running it twice changes nothing the second time."""

from collections.abc import Iterable

from . import content_de, content_es
from .content import EXERCISES, ROUTINES

# The library's translations, by language (routines/translation.py names the fields).
TRANSLATIONS = {"es": content_es, "de": content_de}

VARIANT_FIELDS = ("gentler", "harder")


def load_library(
    Exercise,
    Routine,
    RoutineStep,
    *,
    exercise_slugs: Iterable[str] | None = None,
    routine_slugs: Iterable[str] | None = None,
    replace_unchanged: dict[tuple[str, str], dict] | None = None,
) -> None:
    """Add the library's missing exercises and routines, and fill their empty fields.

    `exercise_slugs` / `routine_slugs` limit the load to those items. `replace_unchanged`
    maps ("exercise" or "routine", slug) to {field: value an earlier release shipped}: a
    field still holding exactly that value was never edited, so it takes the new one."""
    replace_unchanged = replace_unchanged or {}
    exercise_data = _select(EXERCISES, exercise_slugs)
    routine_data = _select(ROUTINES, routine_slugs)

    exercise_fields = _concrete_fields(Exercise) - {"id", *VARIANT_FIELDS}
    for data in exercise_data:
        data = _with_translations(data, "EXERCISES", exercise_fields)
        values = {key: value for key, value in data.items() if key in exercise_fields}
        _add_or_fill(Exercise, values, replace_unchanged.get(("exercise", data["slug"]), {}))

    variant_fields = [field for field in VARIANT_FIELDS if field in _concrete_fields(Exercise)]
    if variant_fields:
        by_slug = Exercise.objects.in_bulk(field_name="slug")
        for data in exercise_data:
            exercise = by_slug[data["slug"]]
            changed = []
            for field in variant_fields:
                slug = data.get(field)
                if slug and getattr(exercise, f"{field}_id") is None and slug in by_slug:
                    setattr(exercise, field, by_slug[slug])
                    changed.append(field)
            if changed:
                exercise.save(update_fields=changed)

    routine_fields = _concrete_fields(Routine) - {"id"}
    exercises = Exercise.objects.in_bulk(field_name="slug")
    for data in routine_data:
        data = _with_translations(data, "ROUTINES", routine_fields)
        values = {key: value for key, value in data.items() if key in routine_fields}
        routine, created = _add_or_fill(
            Routine, values, replace_unchanged.get(("routine", data["slug"]), {})
        )
        if created:
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


def _with_translations(data: dict, kind: str, fields: set[str]) -> dict:
    """The item's text in every language the model has columns for (`name_en`, `name_es`,
    ...): English from content.py, the others from their modules. Before the translation
    columns existed (earlier migrations' models) it adds nothing."""
    data = dict(data)
    for key, value in list(data.items()):
        if f"{key}_en" in fields:
            data[f"{key}_en"] = value
    for language, module in TRANSLATIONS.items():
        for key, value in getattr(module, kind).get(data["slug"], {}).items():
            if f"{key}_{language}" in fields:
                data[f"{key}_{language}"] = value
    return data


def _select(items: list[dict], slugs: Iterable[str] | None) -> list[dict]:
    if slugs is None:
        return items
    wanted = set(slugs)
    return [item for item in items if item["slug"] in wanted]


def _concrete_fields(model) -> set[str]:
    return {field.name for field in model._meta.concrete_fields}


def _add_or_fill(model, values: dict, shipped_before: dict):
    """Create the row if its slug is new; otherwise fill only its empty fields and those
    still holding a value an earlier release shipped. Returns (row, created)."""
    row = model.objects.filter(slug=values["slug"]).first()
    if row is None:
        return model.objects.create(**values), True
    changed = []
    for field, value in values.items():
        current = getattr(row, field)
        unchanged = field in shipped_before and current == shipped_before[field]
        if current != value and (current in ("", None) or unchanged):
            setattr(row, field, value)
            changed.append(field)
    if changed:
        row.save(update_fields=changed)
    return row, False
