"""The translation catalogues are complete and current (issue 17, the CI check).

Each shipped language's .po must hold every string the code marks (checked by running
`make messages` on a copy of the project and comparing), with no untranslated and no fuzzy
entry, and the committed .mo must be the compiled .po. Needs GNU gettext (msgfmt,
xgettext, msgmerge), which .ci/run installs; a missing tool fails, never skips."""

import ast
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SHIPPED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What a copy of the project needs for `make messages`: the sources, not the environment.
NOT_COPIED = {".venv", ".git", "var", "staticfiles", "screenshots", "node_modules", ".ruff_cache"}


def catalogue(language: str, root: Path = ROOT) -> Path:
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def msgids(po: Path) -> set[tuple[str | None, str, str | None]]:
    """(msgctxt, msgid, msgid_plural) of every live entry, header and obsolete ones left out."""
    entries, current, field = set(), {}, None

    def finish():
        if current.get("msgid"):
            entries.add((current.get("msgctxt"), current["msgid"], current.get("msgid_plural")))

    for raw in po.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if not line:
                finish()
                current, field = {}, None
            continue
        keyword = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(\[\d+\])?) (\".*\")$", line)
        if keyword:
            field = keyword.group(1)
            current[field] = ast.literal_eval(keyword.group(3))
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
    finish()
    return entries


def test_every_shipped_language_has_a_catalogue():
    assert SHIPPED, "settings.LANGUAGES ships only English"
    for language in SHIPPED:
        assert catalogue(language).exists(), f"locale/{language} is missing: run make messages"


@pytest.mark.parametrize("language", SHIPPED)
def test_no_entry_is_untranslated_or_fuzzy(language):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue(language))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), (
        f"{language}: {statistics} (translate them and drop the fuzzy flags)"
    )


@pytest.mark.parametrize("language", SHIPPED)
def test_the_committed_mo_is_the_compiled_po(language, tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(catalogue(language))], check=True)
    committed = catalogue(language).with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run make compilemessages"
    with compiled.open("rb") as fresh, committed.open("rb") as stored:
        assert (
            gettext.GNUTranslations(stored)._catalog == gettext.GNUTranslations(fresh)._catalog
        ), f"{committed} is out of date: run make compilemessages"


def test_every_marked_string_is_in_every_catalogue(tmp_path):
    """`make messages` on a copy of the project finds exactly the strings the catalogues hold:
    a string marked since (or no longer marked) fails until make messages is run."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=lambda _dir, names: [n for n in names if n in NOT_COPIED])
    venv_bin = Path(sys.executable).parent
    subprocess.run(
        # -o: the virtualenv is this test's own; never reinstall it.
        ["make", "-s", "-o", f"{venv_bin}/.installed", "messages", f"BIN={venv_bin}"],
        cwd=copy,
        check=True,
        capture_output=True,
        text=True,
    )
    for language in SHIPPED:
        extracted, shipped = msgids(catalogue(language, copy)), msgids(catalogue(language))
        missing = sorted(m[1] for m in extracted - shipped)
        stale = sorted(m[1] for m in shipped - extracted)
        assert not missing, f"{language} lacks {missing[:5]}: run make messages and translate"
        assert not stale, f"{language} still holds {stale[:5]}: run make messages"
