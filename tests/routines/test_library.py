import pytest
from django.urls import reverse
from django.utils.html import escape

from routines.models import Exercise, Routine
from routines.translation import EXERCISE_FIELDS

pytestmark = pytest.mark.django_db

SEEDED = {"morning-mobility", "desk-break", "evening-release"}


def test_the_library_lists_the_seeded_routines(client):
    response = client.get(reverse("routines:library"))
    assert response.status_code == 200
    html = response.content.decode()
    for routine in Routine.objects.filter(slug__in=SEEDED):
        assert routine.title in html
    assert "<html" in html


def test_each_routine_lasts_between_3_and_12_minutes_and_totals_its_steps():
    routines = Routine.objects.with_total_seconds()
    assert {r.slug for r in routines} >= SEEDED
    for routine in routines:
        by_steps = sum(
            step.sides * (step.get_ready_seconds + step.seconds) + step.rest_seconds
            for step in routine.steps.all()
        )
        assert routine.total_seconds == by_steps
        assert 3 * 60 <= routine.total_seconds <= 12 * 60


def test_the_library_has_the_source_techniques_and_three_more():
    slugs = set(Exercise.objects.values_list("slug", flat=True))
    assert {"foam-roller-upper-back", "knee-to-chest-cross-leg", "cat-cow"} <= slugs
    assert len(slugs) >= 6


def test_cat_cow_is_named_the_right_way_round():
    text = Exercise.objects.get(slug="cat-cow").instructions
    cow, cat = text.split("\n")[0], text.split("\n")[1]
    assert cow.startswith("Cow") and "breathe in" in cow and "belly drop" in cow
    assert cat.startswith("Cat") and "breathe out" in cat and "round your spine" in cat


def test_the_foam_roller_is_never_rolled_over_the_lower_back_face_down():
    for exercise in Exercise.objects.filter(slug__startswith="foam-roller"):
        assert "face down" not in (exercise.starting_position + exercise.instructions).lower()


ALL = {
    "morning-mobility",
    "quick-reset",
    "desk-break",
    "long-sitting",
    "standing-only",
    "evening-release",
    "lying-wind-down",
    "gentle-strength",
    "roller-release",
    "stronger-back",
}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"length": "short"}, {"desk-break", "quick-reset", "standing-only"}),
        (
            {"length": "medium"},
            {
                "morning-mobility",
                "long-sitting",
                "lying-wind-down",
                "gentle-strength",
                "roller-release",
            },
        ),
        ({"length": "long"}, {"evening-release", "stronger-back"}),
        ({"difficulty": "moderate"}, {"evening-release", "roller-release", "stronger-back"}),
        ({"difficulty": "gentle", "length": "long"}, set()),
        ({"equipment": "none"}, {"quick-reset"}),
        ({"equipment": "chair"}, {"quick-reset", "long-sitting", "standing-only"}),
        (
            {"equipment": "mat"},
            {
                "quick-reset",
                "morning-mobility",
                "lying-wind-down",
                "gentle-strength",
                "stronger-back",
            },
        ),
        ({"equipment": "foam_roller"}, {"evening-release", "roller-release"}),
        ({"position": "no_floor"}, {"quick-reset", "long-sitting", "standing-only"}),
        ({"position": "standing"}, {"quick-reset", "standing-only"}),
        ({"position": "sitting"}, {"long-sitting"}),
        ({"position": "lying"}, {"lying-wind-down"}),
        ({"position": "no_floor", "length": "short"}, {"quick-reset", "standing-only"}),
        ({"equipment": "mat", "difficulty": "moderate"}, {"stronger-back"}),
        ({}, ALL),
    ],
)
def test_the_filter_returns_the_right_routines_as_page_and_fragment(client, params, expected):
    page = client.get(reverse("routines:library"), params)
    fragment = client.get(reverse("routines:library"), params, HTTP_HX_REQUEST="true")
    for routine in Routine.objects.filter(slug__in=ALL):
        assert (escape(routine.title) in fragment.content.decode()) == (routine.slug in expected)
    for response in (page, fragment):
        assert response.status_code == 200
        listed = {r.slug for r in response.context["routines"]}
        assert listed == expected
    assert "<html" in page.content.decode()
    assert "<html" not in fragment.content.decode()
    assert 'id="routine-list"' in fragment.content.decode()


def test_the_library_lists_routines_with_their_steps_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(reverse("routines:library"))
    assert len(response.context["routines"]) == len(ALL)


def test_each_card_says_what_the_routine_needs_and_how_it_is_done(client):
    response = client.get(
        reverse("routines:library"), {"position": "standing"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "Needs: Chair · Standing" in html  # standing-only holds a chair for knee lifts
    assert "No equipment · Standing" in html  # the three-minute reset
    assert "Lying down" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"length": "forever"},
        {"equipment": "trampoline"},
        {"position": "upside-down"},
        {"difficulty": "extreme"},
    ],
)
def test_an_unknown_filter_value_gets_a_clear_400_as_page_and_fragment(client, params):
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.get(reverse("routines:library"), params, **headers)
        assert response.status_code == 400
        assert "not one we offer" in response.content.decode()


def test_the_routine_page_shows_steps_cautions_and_the_disclaimer(client):
    routine = Routine.objects.get(slug="evening-release")
    response = client.get(routine.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for step in routine.steps.all():
        assert escape(step.exercise.name) in html
    assert "no substitute for professional advice" in html
    assert "Stop any movement that causes pain" in html
    assert "30 s each side" in html


def test_an_unknown_routine_is_a_404(client):
    assert client.get(reverse("routines:detail", args=["nope"])).status_code == 404


def test_admin_can_edit_an_exercise(admin_client):
    exercise = Exercise.objects.get(slug="childs-pose")
    url = reverse("admin:routines_exercise_change", args=[exercise.pk])
    assert admin_client.get(url).status_code == 200
    # Each text has a field per language (routines/translation.py).
    data = _exercise_form(exercise, summary_en="A calmer summary.", summary_de="Ruhiger.")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.summary == "A calmer summary."
    assert exercise.summary_de == "Ruhiger."
    assert exercise.name_es == "Postura del niño"


def _exercise_form(exercise, **changes) -> dict:
    data = {
        field: getattr(exercise, field)
        for field in ("slug", "equipment", "position", "focus", "icon")
    }
    data |= {
        f"{field}_{language}": getattr(exercise, f"{field}_{language}") or ""
        for field in EXERCISE_FIELDS
        for language in ("en", "es", "de")
    }
    data |= {"gentler": exercise.gentler_id or "", "harder": exercise.harder_id or ""}
    data |= {"is_published": "on"} if exercise.is_published else {}
    return data | changes


@pytest.mark.parametrize(
    ("slug", "changes", "message"),
    [
        ("cat-cow", {"harder": "self"}, "cannot be its own variant"),
        ("cat-cow", {"harder": "seated-cat-cow"}, "must differ"),
        # standing cat–cow is gentler than cat–cow, so it cannot also be harder than it.
        ("cat-cow", {"harder": "standing-cat-cow"}, "gentler than itself"),
        ("pelvic-tilt", {"gentler": "single-leg-bridge"}, "gentler than itself"),
    ],
)
def test_the_admin_refuses_variants_that_go_round_in_a_circle(admin_client, slug, changes, message):
    exercise = Exercise.objects.get(slug=slug)
    before = (exercise.gentler_id, exercise.harder_id)
    ids = {s: e.pk for s, e in Exercise.objects.in_bulk(field_name="slug").items()}
    ids["self"] = exercise.pk
    url = reverse("admin:routines_exercise_change", args=[exercise.pk])
    data = _exercise_form(exercise, **{field: ids[value] for field, value in changes.items()})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    exercise.refresh_from_db()
    assert (exercise.gentler_id, exercise.harder_id) == before


def test_the_admin_accepts_a_new_harder_variant_that_keeps_the_order(admin_client):
    exercise = Exercise.objects.get(slug="seated-twist")
    url = reverse("admin:routines_exercise_change", args=[exercise.pk])
    harder = Exercise.objects.get(slug="lying-twist")
    response = admin_client.post(url, _exercise_form(exercise, harder=harder.pk))
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.harder == harder


def test_the_admin_lists_and_filters_exercises(admin_client):
    url = reverse("admin:routines_exercise_changelist")
    response = admin_client.get(url, {"position__exact": "standing"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Standing back bend" in html and "Seated twist" not in html


def test_exercise_pages_show_the_text_variants_and_routines(client):
    response = client.get(reverse("routines:exercise", args=["glute-bridge"]))
    html = response.content.decode()
    assert response.status_code == 200
    exercise = Exercise.objects.get(slug="glute-bridge")
    for text in (exercise.feel, exercise.caution, exercise.stop_if, exercise.breathing_cue):
        assert escape(text) in html
    assert "Gentler: Pelvic tilt" in html and "Harder: Single-leg bridge" in html
    assert f'alt="{escape(exercise.illustration_text)}"' in html
    assert "Evening release" in html  # a routine that uses it


def test_an_unpublished_exercise_has_no_page_and_is_not_offered_as_a_variant(client):
    Exercise.objects.filter(slug="single-leg-bridge").update(is_published=False)
    assert client.get(reverse("routines:exercise", args=["single-leg-bridge"])).status_code == 404
    html = client.get(reverse("routines:exercise", args=["glute-bridge"])).content.decode()
    assert "Single-leg bridge" not in html
    listing = client.get(reverse("routines:exercises")).content.decode()
    assert "Single-leg bridge" not in listing and "Glute bridge" in listing
