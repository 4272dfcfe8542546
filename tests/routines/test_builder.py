"""The routine builder: a person's own routines, from the library's exercises."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from progress.stats import History
from routines import services
from routines.models import Exercise, Routine, RoutineStep
from tests.factories import StepRecordFactory
from tracking.models import Session, StepRecord

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def _exercise(slug="cat-cow") -> Exercise:
    return Exercise.objects.get(slug=slug)


def _own(user, title="My evening", slugs=("cat-cow", "knee-hug", "pelvic-tilt")) -> Routine:
    routine = services.routine_create(owner=user, title=title)
    for slug in slugs:
        services.step_add(routine=routine, exercise=_exercise(slug))
    return routine


def _order(routine) -> list[str]:
    return list(routine.steps.order_by("order").values_list("exercise__slug", flat=True))


def _step_data(step, **values) -> dict:
    data = {
        "mode": step.mode,
        "seconds": step.seconds,
        "repetitions": step.repetitions or "",
        "get_ready_seconds": step.get_ready_seconds,
        "rest_seconds": step.rest_seconds,
        "action": "save",
    }
    if step.per_side:
        data["per_side"] = "on"
    data.update(values)
    return {
        (key if key == "action" else f"step-{step.pk}-{key}"): value for key, value in data.items()
    }


# --- Creating ---------------------------------------------------------------------------------


def test_a_person_creates_an_empty_routine_and_lands_in_the_builder(user_client, user):
    response = user_client.post(reverse("routines:new"), {"title": "Before bed", "source": ""})

    routine = Routine.objects.get(owner=user)
    assert response.status_code == 302
    assert response.url == reverse("routines:builder", args=[routine.pk])
    assert routine.title == "Before bed"
    assert routine.steps.count() == 0
    page = user_client.get(response.url).content.decode()
    assert "No steps yet" in page


def test_a_copy_of_a_library_routine_has_the_same_steps_and_leaves_the_library_alone(
    user_client, user
):
    library = Routine.objects.get(slug="morning-mobility")
    before = list(library.steps.values_list("exercise_id", "seconds", "order"))

    user_client.post(reverse("routines:new"), {"title": "My mornings", "source": library.pk})

    copy = Routine.objects.get(owner=user)
    assert copy.based_on == library
    assert list(copy.steps.values_list("exercise_id", "seconds", "order")) == before
    assert list(library.steps.values_list("exercise_id", "seconds", "order")) == before
    assert copy.slug != library.slug


def test_the_library_page_offers_a_copy_and_preselects_it(user_client):
    response = user_client.get(reverse("routines:new") + "?from=morning-mobility")
    library = Routine.objects.get(slug="morning-mobility")
    assert response.context["form"]["source"].value() == library.pk


def test_a_routine_needs_a_name(user_client, user):
    response = user_client.post(reverse("routines:new"), {"title": "   ", "source": ""})
    assert response.status_code == 400
    assert "Give your routine a name." in response.content.decode()
    assert not Routine.objects.filter(owner=user).exists()


# --- Adding and setting steps -------------------------------------------------------------------


def test_adding_an_exercise_appends_a_step_with_the_librarys_dose(user_client, user):
    routine = _own(user, slugs=())
    response = user_client.post(
        reverse("routines:step_add", args=[routine.pk]), {"exercise": _exercise().pk}, **HX
    )
    assert response.status_code == 200
    step = routine.steps.get()
    library_step = RoutineStep.objects.filter(exercise=_exercise(), routine__owner=None).first()
    assert (step.order, step.mode, step.seconds) == (1, library_step.mode, library_step.seconds)
    assert "Cat–cow" in response.content.decode() or "Cat-cow" in response.content.decode()


def test_editing_a_step_updates_it_and_the_total_in_place(user_client, user):
    routine = _own(user, slugs=("knee-hug",))
    step = routine.steps.get()
    data = _step_data(
        step, mode="hold", seconds=40, get_ready_seconds=5, rest_seconds=15, per_side="on"
    )

    response = user_client.post(reverse("routines:step", args=[routine.pk, step.pk]), data, **HX)

    assert response.status_code == 200
    step.refresh_from_db()
    assert (step.seconds, step.per_side, step.rest_seconds) == (40, True, 15)
    # 2 × (5 + 40) + 15 = 105 s; only the steps fragment comes back.
    html = response.content.decode()
    assert "Total 1 min 45 s" in html
    assert "<html" not in html
    assert response["Vary"].count("HX-Request") == 1


def test_a_plain_form_post_saves_and_goes_back_to_the_builder(user_client, user):
    routine = _own(user, slugs=("knee-hug",))
    step = routine.steps.get()
    response = user_client.post(
        reverse("routines:step", args=[routine.pk, step.pk]),
        _step_data(step, mode="reps", repetitions=12, seconds=40),
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("routines:builder", args=[routine.pk]))
    step.refresh_from_db()
    assert (step.mode, step.repetitions) == ("reps", 12)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"seconds": 4}, "Set between 5 and 120 seconds."),
        ({"seconds": 121}, "Set between 5 and 120 seconds."),
        ({"seconds": "lots"}, "Set between 5 and 120 seconds."),
        ({"mode": "reps", "repetitions": 0}, "Set between 1 and 30 repetitions."),
        ({"mode": "reps", "repetitions": 31}, "Set between 1 and 30 repetitions."),
        ({"mode": "reps", "repetitions": ""}, "Set between 1 and 30 repetitions."),
        ({"get_ready_seconds": 31}, "Get ready can be 0 to 30 seconds."),
        ({"rest_seconds": -1}, "Rest can be 0 to 120 seconds."),
        ({"mode": "sprint"}, "Choose hold, repetitions or continuous."),
    ],
)
@pytest.mark.parametrize("htmx", [True, False])
def test_a_step_out_of_bounds_is_refused_with_a_clear_message(
    user_client, user, values, message, htmx
):
    routine = _own(user, slugs=("knee-hug",))
    step = routine.steps.get()
    before = RoutineStep.objects.filter(pk=step.pk).values().get()

    response = user_client.post(
        reverse("routines:step", args=[routine.pk, step.pk]),
        _step_data(step, **values),
        **(HX if htmx else {}),
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert RoutineStep.objects.filter(pk=step.pk).values().get() == before


def test_the_bounds_themselves_are_accepted(user_client, user):
    routine = _own(user, slugs=("knee-hug", "cat-cow"))
    hold, reps = routine.steps.order_by("order")
    url = reverse("routines:step", args=[routine.pk, hold.pk])
    assert user_client.post(url, _step_data(hold, mode="hold", seconds=5), **HX).status_code == 200
    assert (
        user_client.post(url, _step_data(hold, mode="hold", seconds=120), **HX).status_code == 200
    )
    url = reverse("routines:step", args=[routine.pk, reps.pk])
    for n in (1, 30):
        data = _step_data(reps, mode="reps", repetitions=n)
        assert user_client.post(url, data, **HX).status_code == 200
    reps.refresh_from_db()
    assert reps.repetitions == 30


def test_a_twenty_first_step_is_refused(user_client, user):
    routine = _own(user, slugs=["pelvic-tilt"] * 20)
    for step in routine.steps.all():  # keep the total well under 45 minutes
        step.seconds, step.per_side, step.rest_seconds = 10, False, 0
        step.save()

    response = user_client.post(
        reverse("routines:step_add", args=[routine.pk]), {"exercise": _exercise().pk}, **HX
    )

    assert response.status_code == 400
    assert "A routine can have at most 20 steps." in response.content.decode()
    assert routine.steps.count() == 20


def test_a_change_that_makes_the_routine_longer_than_45_minutes_is_refused(user_client, user):
    routine = _own(user, slugs=["knee-hug"] * 7)
    *long_ones, last = routine.steps.order_by("order")
    for step in long_ones:  # 6 × (2 × (30 + 120) + 120) = 2,520 s
        step.mode, step.seconds, step.per_side = "hold", 120, True
        step.get_ready_seconds, step.rest_seconds = 30, 120
        step.save()
    url = reverse("routines:step", args=[routine.pk, last.pk])
    values = {"mode": "hold", "seconds": 120, "get_ready_seconds": 0, "per_side": ""}

    # 2,520 + 120 + 60 = 2,700 s: exactly 45 minutes is allowed.
    exactly = user_client.post(url, _step_data(last, **values, rest_seconds=60), **HX)
    assert exactly.status_code == 200
    assert "Total 45 min 0 s" in exactly.content.decode()
    before = list(RoutineStep.objects.filter(routine=routine).order_by("pk").values())

    over = user_client.post(url, _step_data(last, **values, rest_seconds=61), **HX)

    assert over.status_code == 400
    assert "A routine can last at most 45 minutes" in over.content.decode()
    assert "45 minutes 1 seconds" in over.content.decode()
    assert list(RoutineStep.objects.filter(routine=routine).order_by("pk").values()) == before
    added = user_client.post(
        reverse("routines:step_add", args=[routine.pk]), {"exercise": _exercise("knee-hug").pk}
    )
    assert added.status_code == 400
    assert list(RoutineStep.objects.filter(routine=routine).order_by("pk").values()) == before


# --- Ordering ------------------------------------------------------------------------------------


def test_move_up_and_down_reorder_without_javascript(user_client, user):
    routine = _own(user)
    first, second, third = routine.steps.order_by("order")
    url = reverse("routines:step", args=[routine.pk, third.pk])

    response = user_client.post(url, {"action": "up"})
    assert response.status_code == 302
    assert _order(routine) == ["cat-cow", "pelvic-tilt", "knee-hug"]

    user_client.post(reverse("routines:step", args=[routine.pk, first.pk]), {"action": "down"})
    assert _order(routine) == ["pelvic-tilt", "cat-cow", "knee-hug"]
    assert sorted(routine.steps.values_list("order", flat=True)) == [1, 2, 3]


def test_moving_the_first_step_up_leaves_the_order_as_it_was(user_client, user):
    routine = _own(user)
    first = routine.steps.order_by("order").first()
    response = user_client.post(
        reverse("routines:step", args=[routine.pk, first.pk]), {"action": "up"}, **HX
    )
    assert response.status_code == 200
    assert _order(routine) == ["cat-cow", "knee-hug", "pelvic-tilt"]


def test_move_by_htmx_keeps_the_keyboard_on_the_moved_steps_button(user_client, user):
    routine = _own(user)
    second = routine.steps.order_by("order")[1]
    response = user_client.post(
        reverse("routines:step", args=[routine.pk, second.pk]), {"action": "down"}, **HX
    )
    html = response.content.decode()
    assert _order(routine) == ["cat-cow", "pelvic-tilt", "knee-hug"]
    assert html.count("data-focus") == 1
    assert f'id="step-{second.pk}"' in html


def test_a_drag_and_drop_sends_the_whole_order(user_client, user):
    routine = _own(user)
    a, b, c = routine.steps.order_by("order").values_list("pk", flat=True)

    response = user_client.post(reverse("routines:order", args=[routine.pk]), {"step": [c, a, b]})

    assert response.status_code == 302
    assert _order(routine) == ["pelvic-tilt", "cat-cow", "knee-hug"]


@pytest.mark.parametrize("order", [["x"], [], "missing-one", "someone-elses"])
def test_an_order_that_does_not_match_the_routine_is_refused(user_client, user, other_user, order):
    routine = _own(user)
    ids = list(routine.steps.order_by("order").values_list("pk", flat=True))
    if order == "missing-one":
        order = ids[:2]
    elif order == "someone-elses":
        order = [*ids[:2], _own(other_user).steps.first().pk]

    response = user_client.post(reverse("routines:order", args=[routine.pk]), {"step": order}, **HX)

    assert response.status_code == 400
    assert _order(routine) == ["cat-cow", "knee-hug", "pelvic-tilt"]


def test_removing_a_step_closes_the_gap(user_client, user):
    routine = _own(user)
    middle = routine.steps.order_by("order")[1]
    user_client.post(reverse("routines:step", args=[routine.pk, middle.pk]), {"action": "remove"})
    assert _order(routine) == ["cat-cow", "pelvic-tilt"]
    assert list(routine.steps.order_by("order").values_list("order", flat=True)) == [1, 2]


# --- Renaming and deleting ----------------------------------------------------------------------


def test_renaming(user_client, user):
    routine = _own(user)
    response = user_client.post(reverse("routines:builder", args=[routine.pk]), {"title": "Desk"})
    assert response.status_code == 302
    routine.refresh_from_db()
    assert routine.title == "Desk"
    bad = user_client.post(reverse("routines:builder", args=[routine.pk]), {"title": "x" * 81})
    assert bad.status_code == 400
    assert "80 characters" in bad.content.decode()


def test_deleting_an_unplayed_routine_removes_it_and_it_is_no_longer_todays_routine(
    user_client, user
):
    routine = _own(user)
    user.preferred_routine = routine
    user.save()
    response = user_client.post(reverse("routines:delete", args=[routine.pk]))
    assert response.status_code == 302
    assert not Routine.objects.filter(pk=routine.pk).exists()
    user.refresh_from_db()
    assert user.preferred_routine is None


def test_a_played_routine_is_deleted_from_view_and_its_sessions_keep_what_was_played(
    user_client, user
):
    routine = _own(user)
    user_client.post(reverse("tracking:start", args=[routine.slug]), {"pain_before": 3})
    session = Session.objects.get(user=user)
    played = (session.plan, session.content)
    user_client.post(reverse("tracking:transition", args=[session.pk, "end"]), {"revision": 0})
    session.refresh_from_db()
    step = routine.steps.order_by("order").first()
    StepRecordFactory(session=session, routine_step=step)

    # A step removed later leaves the record with its exercise and order.
    user_client.post(reverse("routines:step", args=[routine.pk, step.pk]), {"action": "remove"})
    record = StepRecord.objects.get(session=session)
    assert record.routine_step is None and record.exercise.slug == "cat-cow"

    response = user_client.post(reverse("routines:delete", args=[routine.pk]))

    assert response.status_code == 302
    routine.refresh_from_db()
    assert routine.deleted_at is not None
    session.refresh_from_db()
    assert (session.plan, session.content) == played
    assert user_client.get(reverse("routines:builder", args=[routine.pk])).status_code == 404
    assert user_client.get(reverse("routines:detail", args=[routine.slug])).status_code == 404
    assert user_client.get(reverse("tracking:session_detail", args=[session.pk])).status_code == 200


def test_a_step_cannot_be_removed_while_its_routine_is_being_played(user_client, user):
    routine = _own(user)
    user_client.post(reverse("tracking:start", args=[routine.slug]), {"pain_before": 3})
    step = routine.steps.first()
    response = user_client.post(
        reverse("routines:step", args=[routine.pk, step.pk]), {"action": "remove"}, **HX
    )
    assert response.status_code == 400
    assert "being played right now" in response.content.decode()
    assert routine.steps.filter(pk=step.pk).exists()


# --- Privacy ------------------------------------------------------------------------------------


def test_someone_elses_routine_is_a_404_everywhere(client, user, other_user):
    routine = _own(user, title="Ottoline's secret routine")
    step = routine.steps.first()
    client.force_login(other_user)
    for url in [
        reverse("routines:builder", args=[routine.pk]),
        reverse("routines:delete", args=[routine.pk]),
        reverse("routines:detail", args=[routine.slug]),
        reverse("tracking:start", args=[routine.slug]),
    ]:
        assert client.get(url).status_code == 404, url
    posts = {
        reverse("routines:builder", args=[routine.pk]): {"title": "Mine now"},
        reverse("routines:step_add", args=[routine.pk]): {"exercise": _exercise().pk},
        reverse("routines:step", args=[routine.pk, step.pk]): {"action": "remove"},
        reverse("routines:order", args=[routine.pk]): {"step": [step.pk]},
        reverse("routines:delete", args=[routine.pk]): {},
        reverse("tracking:start", args=[routine.slug]): {"pain_before": 2},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    routine.refresh_from_db()
    assert routine.title == "Ottoline's secret routine" and routine.steps.count() == 3
    library = client.get(reverse("routines:library")).content.decode()
    assert "Ottoline" not in library
    assert not Session.objects.filter(user=other_user).exists()


def test_a_step_of_another_routine_is_a_404_through_my_routine(user_client, user, other_user):
    mine = _own(user)
    theirs = _own(other_user).steps.first()
    response = user_client.post(
        reverse("routines:step", args=[mine.pk, theirs.pk]), {"action": "remove"}
    )
    assert response.status_code == 404
    assert RoutineStep.objects.filter(pk=theirs.pk).exists()


def test_library_lists_only_shared_routines_for_other_parts_of_the_app(user):
    _own(user)
    assert not Routine.objects.published().filter(owner__isnull=False).exists()


# --- My routines in the library, the player and streaks ---------------------------------------


def test_own_routines_appear_under_my_routines(user_client, user, other_user):
    _own(user, title="Stiff Sunday")
    _own(other_user, title="Someone else's Monday")
    html = user_client.get(reverse("routines:library")).content.decode()
    assert "My routines" in html
    assert "Stiff Sunday" in html
    assert "Someone else's Monday" not in html
    # Filtering the library leaves them out of the count of library routines.
    filtered = user_client.get(reverse("routines:library") + "?length=short", **HX)
    assert "Stiff Sunday" not in filtered.content.decode()


def test_an_own_routine_plays_in_the_player_and_counts_in_the_streak(user_client, user):
    routine = _own(user, slugs=("knee-hug", "cat-cow"))
    with time_machine.travel(dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.UTC), tick=False) as t:
        user_client.post(reverse("tracking:start", args=[routine.slug]), {"pain_before": 4})
        session = Session.objects.get(user=user)
        assert session.routine == routine
        assert session.step_count == 2
        page = user_client.get(reverse("tracking:player", args=[session.pk]))
        assert page.status_code == 200
        names = [step["name"] for step in session.content.values()]
        assert sorted(names) == sorted(
            Exercise.objects.filter(slug__in=["knee-hug", "cat-cow"]).values_list("name", flat=True)
        )
        user_client.post(
            reverse("tracking:transition", args=[session.pk, "start"]), {"revision": 0}
        )
        session.refresh_from_db()
        while session.is_active:
            t.shift(session.current_part.seconds)
            user_client.post(
                reverse("tracking:transition", args=[session.pk, "next"]),
                {"revision": session.revision},
                **HX,
            )
            session.refresh_from_db()
        assert session.status == Session.Status.COMPLETED
        assert StepRecord.objects.filter(session=session).count() == 2
        history = History.load(user, today=dt.date(2026, 3, 10))
        assert dt.date(2026, 3, 10) in history.done
