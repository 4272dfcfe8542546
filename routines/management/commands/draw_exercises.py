"""Write the exercise illustrations (static/img/exercises/*.svg) from routines/drawing/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from routines.drawing.engine import render
from routines.drawing.exercises import DRAWINGS

MAX_BYTES = 8 * 1024


def illustrations() -> dict[str, str]:
    """Every illustration's SVG text, by file name (without .svg)."""
    return {name: render(make()) for name, make in DRAWINGS.items()}


class Command(BaseCommand):
    help = "Draw the exercise illustrations into static/img/exercises/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only report files that would change."
        )

    def handle(self, *args, check: bool = False, **options):
        folder = Path(settings.BASE_DIR) / "static" / "img" / "exercises"
        stale = []
        for name, svg in illustrations().items():
            if len(svg.encode()) > MAX_BYTES:
                raise CommandError(f"{name}.svg is {len(svg.encode())} bytes, over {MAX_BYTES}.")
            path = folder / f"{name}.svg"
            if path.exists() and path.read_text() == svg:
                continue
            stale.append(name)
            if not check:
                path.write_text(svg)
        verb = "would change" if check else "written"
        for name in stale:
            self.stdout.write(f"{name}.svg {verb}")
        if check and stale:
            raise CommandError(f"{len(stale)} illustration(s) differ from routines/drawing/.")
