"""A walk through the whole library as it is in the database: every exercise complete,
variants real and never circular, routines made of published exercises, durations sane,
and no text that diagnoses or promises a cure."""

import re

import pytest

from routines import content
from routines.models import Exercise, Routine, RoutineStep

pytestmark = pytest.mark.django_db

TEXT_FIELDS = [
    "name",
    "summary",
    "starting_position",
    "instructions",
    "breathing_cue",
    "feel",
    "caution",
    "stop_if",
    "illustration_text",
]
CHOICE_FIELDS = {
    "equipment": Exercise.Equipment.values,
    "position": Exercise.Position.values,
    "focus": Exercise.Focus.values,
}

# Words that name a condition, claim to diagnose, or promise to mend: BackEase never does
# either (GUIDE.md: plain, kind, never diagnostic, never reassuring about warning signs).
DIAGNOSTIC = [
    r"diagnos\w*",
    r"sciatica",
    r"hernia\w*",
    r"slipped",
    r"dis[ck]s?",
    r"bulg\w*",
    r"arthriti\w*",
    r"osteo\w*",
    r"stenosis",
    r"spondyl\w*",
    r"degenerat\w*",
    r"scoliosis",
    r"pinched nerve",
    r"trapped nerve",
    r"nerve",
    r"inflam\w*",
    r"sprain\w*",
    r"injur\w*",
    r"tear",
    r"cur(e|es|ed|ing)",
    r"heal\w*",
    r"treat\w*",
    r"therap\w*",
    r"fix(es|ed)?",
    r"realign\w*",
    r"misalign\w*",
    r"subluxation",
    r"crack\w*",
    r"pop",
    r"guarantee\w*",
    r"nothing serious",
    r"harmless",
]
DIAGNOSTIC_WORDS = re.compile(r"\b(" + "|".join(DIAGNOSTIC) + r")\b", re.IGNORECASE)


def test_the_library_holds_at_least_24_exercises_and_8_routines():
    assert Exercise.objects.published().count() >= 24
    assert Routine.objects.published().count() >= 8
    # Everything in content.py made it into the database.
    assert set(Exercise.objects.values_list("slug", flat=True)) >= {
        e["slug"] for e in content.EXERCISES
    }
    assert set(Routine.objects.values_list("slug", flat=True)) >= {
        r["slug"] for r in content.ROUTINES
    }


def test_every_exercise_has_every_field_filled_in():
    for exercise in Exercise.objects.all():
        for field in TEXT_FIELDS:
            assert getattr(exercise, field).strip(), f"{exercise.slug}: {field} is empty"
        for field, values in CHOICE_FIELDS.items():
            assert getattr(exercise, field) in values, f"{exercise.slug}: {field}"
        assert len(exercise.instruction_lines()) >= 2, exercise.slug
        assert exercise.stop_if.startswith("Stop"), exercise.slug
        assert exercise.icon, exercise.slug


def test_variants_exist_are_published_and_step_the_right_way():
    exercises = {e.pk: e for e in Exercise.objects.all()}
    with_variants = 0
    for exercise in exercises.values():
        for field in ("gentler", "harder"):
            variant_id = getattr(exercise, f"{field}_id")
            if variant_id is None:
                continue
            with_variants += 1
            assert variant_id in exercises, f"{exercise.slug}: {field} is missing"
            assert variant_id != exercise.pk, f"{exercise.slug} is its own {field} variant"
            assert exercises[variant_id].is_published, f"{exercise.slug}: {field} unpublished"
        assert exercise.gentler_id is None or exercise.gentler_id != exercise.harder_id
    assert with_variants >= 20  # most exercises have a gentler or a harder version


def test_following_gentler_or_harder_variants_never_comes_back_round():
    exercises = {e.pk: e for e in Exercise.objects.all()}
    # Walk both ways from every exercise: a chain that revisits an exercise is a cycle,
    # and a harder variant must never turn up among the gentler ones (or the reverse).
    for start in exercises.values():
        chains = {}
        for field in ("gentler", "harder"):
            seen, current = [], start
            while getattr(current, f"{field}_id") is not None:
                assert current.pk not in seen, f"{field} variants of {start.slug} form a cycle"
                seen.append(current.pk)
                current = exercises[getattr(current, f"{field}_id")]
            assert current.pk not in seen, f"{field} variants of {start.slug} form a cycle"
            chains[field] = set(seen[1:]) | {current.pk} - {start.pk}
        assert not chains["gentler"] & chains["harder"], start.slug


def test_the_variants_in_content_name_real_exercises():
    slugs = {e["slug"] for e in content.EXERCISES}
    for exercise in content.EXERCISES:
        for field in ("gentler", "harder"):
            assert exercise.get(field) in slugs | {None}, f"{exercise['slug']}: {field}"


def test_every_routine_step_uses_a_published_exercise_with_sane_timings():
    steps = RoutineStep.objects.filter(routine__is_published=True).select_related("exercise")
    assert steps.exists()
    for step in steps:
        where = f"{step.routine.slug} step {step.order}"
        assert step.exercise.is_published, f"{where} uses an unpublished exercise"
        assert 15 <= step.seconds <= 90, where
        assert step.get_ready_seconds <= 15 and step.rest_seconds <= 30, where
        if step.mode == RoutineStep.Mode.REPS:
            assert 3 <= step.repetitions <= 12, where
            # Slow, breath-led repetitions: at least 3 seconds each.
            assert step.seconds >= 3 * step.repetitions, where
        else:
            assert step.repetitions is None, where


def test_every_routine_lasts_3_to_12_minutes():
    for routine in Routine.objects.published().with_total_seconds():
        assert 3 * 60 <= routine.total_seconds <= 12 * 60, routine.slug
        assert routine.steps.count() >= 3, routine.slug


def test_the_routines_cover_the_times_and_places_people_need():
    routines = Routine.objects.published().with_total_seconds()
    assert routines.get(slug="morning-mobility").when_to_use.startswith("In the morning")
    # Long sitting: a chair only, never the floor.
    assert "long-sitting" in {r.slug for r in routines.filter_position("sitting")}
    # Evening release with a foam roller.
    assert "evening-release" in {r.slug for r in routines.filter_equipment("foam_roller")}
    # A quick reset of about three minutes.
    assert 180 <= routines.get(slug="quick-reset").total_seconds <= 200
    # Standing only, for people who cannot get down to the floor.
    assert "standing-only" in {r.slug for r in routines.filter_position("standing")}
    # Gentle strength: gentle, and mostly strengthening.
    strength = routines.get(slug="gentle-strength")
    assert strength.difficulty == Routine.Difficulty.GENTLE
    focus = [step.exercise.focus for step in strength.steps.all()]
    assert focus.count(Exercise.Focus.STRENGTH) >= len(focus) / 2


def test_no_text_in_the_library_uses_diagnostic_words():
    texts = []
    for exercise in Exercise.objects.all():
        texts += [(exercise.slug, field, getattr(exercise, field)) for field in TEXT_FIELDS]
    for routine in Routine.objects.all():
        texts += [
            (routine.slug, field, getattr(routine, field))
            for field in ("title", "summary", "when_to_use")
        ]
    found = [
        f"{slug}.{field}: {match.group(0)!r}"
        for slug, field, text in texts
        for match in DIAGNOSTIC_WORDS.finditer(text)
    ]
    assert not found, found


@pytest.mark.parametrize(
    "text",
    [
        "Eases sciatica.",
        "Good for a slipped disc.",
        "This will heal your back.",
        "A pop is nothing serious.",
        "Cracks the spine back into place.",
    ],
)
def test_the_diagnostic_word_list_catches_what_it_should(text):
    assert DIAGNOSTIC_WORDS.search(text)


def test_the_foam_roller_never_goes_under_the_lower_back():
    for exercise in Exercise.objects.filter(equipment=Exercise.Equipment.FOAM_ROLLER):
        text = " ".join(getattr(exercise, field) for field in TEXT_FIELDS).lower()
        assert "face down" not in text
        if exercise.position == Exercise.Position.LYING:
            assert "upper back" in exercise.starting_position.lower() or (
                "below the shoulder" in exercise.starting_position.lower()
            )
            assert "lower back" in exercise.caution.lower()  # it says to keep off it


def test_every_cat_cow_pairs_cow_with_the_in_breath_and_cat_with_the_out_breath():
    for exercise in Exercise.objects.filter(slug__contains="cat-cow"):
        cow, cat = exercise.instruction_lines()[:2]
        assert cow.startswith("Cow: as you breathe in") and "arch" in cow
        assert cat.startswith("Cat: as you breathe out") and "round your" in cat
        assert exercise.breathing_cue.startswith("In for cow")
