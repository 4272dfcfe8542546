"""The illustration files: one per exercise, drawn by routines/drawing/, small, carrying
their own dark mode and reduced motion, and served with hashed names in production.
(tests/e2e/test_illustrations.py watches them move in a browser.)"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from routines.drawing.exercises import DRAWINGS
from routines.management.commands.draw_exercises import MAX_BYTES, illustrations
from routines.models import Exercise
from tests.test_production_settings import PRODUCTION, ROOT, _clean_env

FOLDER = ROOT / "static" / "img" / "exercises"


@pytest.mark.django_db
def test_every_exercise_has_an_illustration_and_every_illustration_an_exercise():
    icons = set(Exercise.objects.values_list("icon", flat=True))
    assert icons == set(DRAWINGS)
    assert icons == {path.stem for path in FOLDER.glob("*.svg")}


def test_the_files_are_what_the_drawing_code_makes():
    # Edit routines/drawing/ and run `manage.py draw_exercises`, never the SVG by hand.
    call_command("draw_exercises", "--check")


@pytest.mark.parametrize("name", sorted(DRAWINGS))
def test_each_illustration_is_small_self_styled_and_animated(name):
    svg = (FOLDER / f"{name}.svg").read_text()
    assert len(svg.encode()) <= MAX_BYTES
    style = re.search(r"<style>(.*)</style>", svg, re.S).group(1)
    assert "@media (prefers-color-scheme:dark)" in style
    assert "@media (prefers-reduced-motion:reduce){*{animation:none!important}}" in style
    assert len(re.findall(r"@keyframes", style)) >= 2
    # Nothing a Content-Security-Policy or an <img> would refuse or could not load.
    assert " style=" not in svg and "<script" not in svg.lower()
    assert "href" not in svg and "url(" not in svg
    # Colours come from variables set for light and dark, never fixed in the drawing.
    body = svg.split("</style>", 1)[1]
    assert not re.search(r'(fill|stroke)="#', body)


def test_cycles_are_slow_enough_to_breathe_with():
    for name, svg in illustrations().items():
        seconds = float(re.search(r"animation:([\d.]+)s", svg).group(1))
        assert 6 <= seconds <= 16, name


def test_production_serves_illustrations_with_hashed_names_and_long_caching(tmp_path):
    code = (
        "import django, json; django.setup();"
        "from django.core.management import call_command;"
        "call_command('collectstatic', interactive=False, verbosity=0);"
        "from django.templatetags.static import static;"
        "from django.test import Client;"
        "url = static('img/exercises/cat-cow.svg');"
        "r = Client().get(url, secure=True, HTTP_HOST='backease.example.com');"
        "print(json.dumps({'url': url, 'status': r.status_code,"
        " 'type': r.get('Content-Type'), 'cache': r.get('Cache-Control'),"
        " 'csp': r.get('Content-Security-Policy')}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=_clean_env() | PRODUCTION | {"STATIC_ROOT": str(tmp_path / "static")},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    served = json.loads(done.stdout.strip().splitlines()[-1])
    assert re.fullmatch(r"/static/img/exercises/cat-cow\.[0-9a-f]{12}\.svg", served["url"])
    assert served["status"] == 200 and served["type"] == "image/svg+xml"
    assert "immutable" in served["cache"] and "max-age=315360000" in served["cache"]
    assert Path(tmp_path / "static" / served["url"].removeprefix("/static/")).exists()
