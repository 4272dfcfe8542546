"""List the library texts still missing in a language (they show in English meanwhile)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from routines.models import Exercise, Routine
from routines.translation import EXERCISE_FIELDS, ROUTINE_FIELDS


def missing_translations(language: str) -> list[tuple[str, str, list[str]]]:
    """(kind, slug, fields) for every exercise and library routine with a field empty in
    `language` while its English text exists. A person's own routines are theirs, in their
    words: never translated, never listed."""
    found = []
    for kind, rows, fields in (
        ("exercise", Exercise.objects.all(), EXERCISE_FIELDS),
        ("routine", Routine.objects.filter(owner__isnull=True), ROUTINE_FIELDS),
    ):
        empty = Q()
        for field in fields:
            empty |= Q(**{f"{field}_{language}__isnull": True}) | Q(**{f"{field}_{language}": ""})
        columns = [f"{field}_{suffix}" for field in fields for suffix in (language, "en")]
        for row in rows.filter(empty).order_by("slug").values("slug", *columns):
            gaps = [
                field for field in fields if not row[f"{field}_{language}"] and row[f"{field}_en"]
            ]
            if gaps:
                found.append((kind, row["slug"], gaps))
    return found


class Command(BaseCommand):
    help = (
        "Lists exercise and routine texts missing in each language (or in --language). "
        "With --fail it exits with status 1 when anything is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", help="One language code, e.g. es")
        parser.add_argument(
            "--fail", action="store_true", help="Exit with status 1 if anything is missing."
        )

    def handle(self, *args, language=None, fail=False, **options):
        others = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        if language is not None and language not in others:
            raise CommandError(f"Unknown language {language!r}; choose from {', '.join(others)}.")
        total = 0
        for code in [language] if language else others:
            gaps = missing_translations(code)
            total += len(gaps)
            for kind, slug, fields in gaps:
                self.stdout.write(f"{code}\t{kind}\t{slug}\t{', '.join(fields)}")
            self.stdout.write(
                f"{code}: {len(gaps)} item(s) with missing text (shown in English)"
                if gaps
                else f"{code}: every exercise and routine is translated"
            )
        if fail and total:
            raise CommandError(f"{total} item(s) have missing translations.", returncode=1)
