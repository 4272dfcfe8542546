"""Bad input to the routine builder: every field, any value; a 400 with the reason or a
saved change, never a 500 and never a half-made change."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from routines.forms import AddStepForm, StepForm
from routines.models import Routine

from . import strategies as s
from .harness import EXAMPLES, FEW, HTMX, as_querydict, assert_verdict, rolled_back, send, snapshot

pytestmark = pytest.mark.django_db

number = st.one_of(st.integers(-5, 200).map(str), s.value)
STEP_FIELDS = {
    "mode": st.one_of(st.sampled_from(["hold", "reps", "continuous"]), s.value),
    "seconds": number,
    "repetitions": number,
    "per_side": st.one_of(st.just("on"), s.value),
    "get_ready_seconds": number,
    "rest_seconds": number,
    "action": st.one_of(st.sampled_from(["save", "up", "down"]), s.value),
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(STEP_FIELDS))
def test_any_step_form_is_saved_whole_or_refused_with_its_reason(
    client_of, person, own_routine, htmx, data
):
    step = own_routine.steps.order_by("order").first()
    prefixed = {
        (key if key == "action" else f"step-{step.pk}-{key}"): value for key, value in data.items()
    }
    url = reverse("routines:step", args=[own_routine.pk, step.pk])
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", url, prefixed, htmx=htmx)
        posted = as_querydict(prefixed)
        action = posted.get("action", "save")
        if action in ("up", "down"):
            accepted = True
        elif action != "save":
            accepted = False
        else:
            accepted = StepForm.for_step(step, posted).is_valid()
        assert_verdict(
            response, before, person, accepted=accepted, codes=(200,) if htmx else (302,)
        )


@pytest.mark.parametrize("htmx", HTMX)
@FEW
@given(data=s.form_data({"step": st.lists(s.value, max_size=4), "exercise": s.value}))
def test_a_bad_order_or_exercise_is_refused_and_changes_nothing(
    client_of, person, own_routine, htmx, data
):
    posted = as_querydict(data)
    ids = sorted(own_routine.steps.values_list("pk", flat=True))
    good_order = sorted(posted.getlist("step")) == sorted(str(pk) for pk in ids)
    good_exercise = AddStepForm(posted).is_valid()
    for name, accepted in (("routines:order", good_order), ("routines:step_add", good_exercise)):
        with rolled_back():
            before = snapshot(person)
            response = send(
                client_of, "post", reverse(name, args=[own_routine.pk]), data, htmx=htmx
            )
            assert_verdict(
                response, before, person, accepted=accepted, codes=(200,) if htmx else (302,)
            )


@FEW
@given(data=s.form_data({"title": s.value, "source": s.value}))
def test_a_new_routine_is_made_only_from_a_good_name_and_source(client_of, person, data):
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", reverse("routines:new"), data)
        made = Routine.objects.filter(owner=person).exists()
        assert_verdict(response, before, person, accepted=made)
