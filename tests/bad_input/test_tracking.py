"""Bad input to the player, the pain checks, session edits and check-ins."""

from urllib.parse import quote

import pytest
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tracking.forms import (
    CheckInForm,
    PainAfterForm,
    PainBeforeForm,
    SessionEditForm,
    TransitionForm,
)
from tracking.models import CheckIn, Session, StepRecord, local_today
from tracking.services import ACTIONS

from . import strategies as s
from .harness import (
    EXAMPLES,
    FEW,
    HTMX,
    as_querydict,
    assert_accepted,
    assert_escaped,
    assert_handled,
    assert_no_raw_markup,
    assert_rejected,
    assert_safe_redirect,
    assert_verdict,
    last,
    rolled_back,
    send,
    snapshot,
    text_of,
)

pytestmark = pytest.mark.django_db

optional_pain = st.one_of(s.pain, st.just(""))


def _stored(value) -> str:
    """What a CharField keeps of a submitted value."""
    return (last({"v": value}, "v") or "").strip()


def _detail(client, session):
    page = client.get(reverse("tracking:session_detail", args=[session.pk]))
    assert page.status_code == 200
    return page


# --- Start: the pain check before ------------------------------------------------------------


START_FIELDS = {"pain_before": s.pain, "stiffness": optional_pain, "note": s.storable_text}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(START_FIELDS), encoding=s.encoding)
def test_starting_a_routine_survives_any_pain_check(
    client_of, person, routine, htmx, data, encoding
):
    url = reverse("tracking:start", args=[routine.slug])
    form = PainBeforeForm(as_querydict(data, encoding) or None)
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(response, before, person, accepted=form.is_valid()):
            return
        session = Session.objects.get(user=person)
        assert session.note == form.cleaned_data["note"] == _stored(data.get("note"))
        assert_escaped(_detail(client_of, session), session.note, render=linebreaksbr)


@EXAMPLES
@given(pain=s.not_pain, note=s.storable_text)
def test_starting_a_routine_refuses_a_pain_outside_zero_to_ten(
    client_of, person, routine, pain, note
):
    data = {"note": note} if pain == [] else {"pain_before": pain, "note": note}
    with rolled_back():
        before = snapshot(person)
        response = client_of.post(reverse("tracking:start", args=[routine.slug]), data)
        assert_rejected(response, before, snapshot(person), status=400)
        assert "Choose a number from 0 (no pain) to 10" in text_of(response)


@FEW
@given(note=s.huge_text(2001, 20_000))
def test_starting_a_routine_refuses_a_note_over_2000_characters(client_of, person, routine, note):
    if len(note.strip()) <= 2000:
        note = "x" * 2001
    with rolled_back():
        before = snapshot(person)
        url = reverse("tracking:start", args=[routine.slug])
        response = client_of.post(url, {"pain_before": "3", "note": note})
        assert_rejected(response, before, snapshot(person), status=400)


# --- The player ------------------------------------------------------------------------------


TRANSITION_FIELDS = {
    "revision": st.just("1"),
    "reason": st.sampled_from(StepRecord.SkipReason.values),
    "next": st.sampled_from(["/history/", "https://evil.example/", "//evil.example"]),
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(action=s.segment.filter(lambda a: "/" not in a and a not in ACTIONS))
def test_an_unknown_player_action_is_a_404(client_of, person, running_session, htmx, action):
    url = f"/sessions/{running_session.pk}/play/{quote(action, safe='')}/"
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", url, {"revision": "1"}, htmx=htmx)
        assert_rejected(response, before, snapshot(person), status=404)


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(
    action=st.sampled_from(ACTIONS),
    data=s.form_data(TRANSITION_FIELDS),
    encoding=s.encoding,
)
def test_player_controls_survive_any_revision_and_reason(
    client_of, person, running_session, htmx, action, data, encoding
):
    url = reverse("tracking:transition", args=[running_session.pk, action])
    form = TransitionForm(as_querydict(data, encoding))
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        assert_handled(response)
        if not form.is_valid():
            assert_rejected(response, before, snapshot(person), status=400)
            return
        if form.cleaned_data["revision"] != running_session.revision:
            assert_rejected(response, before, snapshot(person), status=409)
            return
        if response.status_code == 409:  # e.g. "start" on a running timer
            assert_rejected(response, before, snapshot(person))
            return
        assert_accepted(response, 200, 302)
        if response.status_code == 302:
            assert_safe_redirect(response)
        assert Session.objects.get(pk=running_session.pk).revision == 2


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data({"next": st.sampled_from(["/history/", "/dashboard/"])}))
def test_the_sound_toggle_survives_any_next_address(client_of, person, htmx, data):
    with rolled_back():
        response = send(client_of, "post", reverse("tracking:toggle_sound"), data, htmx=htmx)
        assert_handled(response)
        assert_accepted(response, 200, 302)
        if response.status_code == 302:
            assert_safe_redirect(response)


# --- Finish: the pain check after ------------------------------------------------------------


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=st.data(), encoding=s.encoding)
def test_rating_a_finished_routine_survives_any_answer(
    client_of, person, unrated_session, htmx, data, encoding
):
    records = list(unrated_session.step_records.all())
    feelings = {f"feeling_{r.pk}": st.sampled_from(StepRecord.Feeling.values) for r in records}
    fields = {
        "pain_after": s.pain,
        "note": s.storable_text,
        "new_leg_symptoms": st.sampled_from(["on", ""]),
        **feelings,
    }
    payload = data.draw(s.form_data(fields))
    form = PainAfterForm(as_querydict(payload, encoding) or None, records=records)
    url = reverse("tracking:finish", args=[unrated_session.pk])
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", url, payload, htmx=htmx, encoding=encoding)
        if not assert_verdict(response, before, person, accepted=form.is_valid()):
            return
        rated = Session.objects.get(pk=unrated_session.pk)
        assert rated.pain_after == form.cleaned_data["pain_after"]
        assert rated.note == _stored(payload.get("note"))
        assert_escaped(_detail(client_of, rated), rated.note, render=linebreaksbr)


@FEW
@given(note=s.huge_text(2001, 12_000))
def test_rating_a_routine_refuses_a_huge_note_and_says_why(
    client_of, person, unrated_session, note
):
    note = note if len(note.strip()) > 2000 else "y" * 2001
    url = reverse("tracking:finish", args=[unrated_session.pk])
    with rolled_back():
        before = snapshot(person)
        response = client_of.post(url, {"pain_after": "2", "note": note})
        assert_rejected(response, before, snapshot(person), status=400)
        assert "at most 2000 characters" in text_of(response)


# --- Editing a session -----------------------------------------------------------------------


EDIT_FIELDS = {
    "pain_before": optional_pain,
    "pain_after": optional_pain,
    "stiffness": optional_pain,
    "note": s.storable_text,
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(EDIT_FIELDS), encoding=s.encoding)
def test_editing_a_session_survives_any_values(
    client_of, person, rated_session, htmx, data, encoding
):
    fresh = Session.objects.get(pk=rated_session.pk)
    querydict = as_querydict(data, encoding)
    form = SessionEditForm(querydict or None, instance=fresh)
    url = reverse("tracking:session_edit", args=[rated_session.pk])
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", url, data, htmx=htmx, encoding=encoding)
        if not assert_verdict(response, before, person, accepted=form.is_valid()):
            return
        edited = Session.objects.get(pk=rated_session.pk)
        assert edited.note == _stored(data.get("note"))
        assert_escaped(_detail(client_of, edited), edited.note, render=linebreaksbr)


@EXAMPLES
@given(field=st.sampled_from(["pain_before", "pain_after", "stiffness"]), pain=s.not_pain)
def test_editing_a_session_refuses_a_pain_outside_zero_to_ten(
    client_of, person, rated_session, field, pain
):
    if last({field: pain}, field) in (None, ""):
        pain = "11"  # an empty value clears an optional rating
    data = {"pain_before": "6", "pain_after": "3", "stiffness": "2", "note": "kept", field: pain}
    with rolled_back():
        before = snapshot(person)
        url = reverse("tracking:session_edit", args=[rated_session.pk])
        response = client_of.post(url, data)
        assert_rejected(response, before, snapshot(person), status=400)


# --- Check-ins and history -------------------------------------------------------------------


CHECKIN_FIELDS = {
    "pain": s.pain,
    "note": s.storable_text,
    "new_leg_symptoms": st.sampled_from(["on", ""]),
}


@pytest.mark.parametrize("htmx", HTMX)
@EXAMPLES
@given(data=s.form_data(CHECKIN_FIELDS), encoding=s.encoding)
def test_a_check_in_survives_any_values(client_of, person, old_checkin, htmx, data, encoding):
    form = CheckInForm(as_querydict(data, encoding) or None)
    with rolled_back():
        before = snapshot(person)
        response = send(
            client_of, "post", reverse("tracking:checkin"), data, htmx=htmx, encoding=encoding
        )
        if not assert_verdict(response, before, person, accepted=form.is_valid(), codes=(200, 302)):
            return
        checkin = CheckIn.objects.get(user=person, local_date=local_today(person))
        assert checkin.note == _stored(data.get("note"))
        assert_escaped(client_of.get(reverse("tracking:checkin")), checkin.note)
        assert_no_raw_markup(client_of.get(reverse("tracking:history")))


@EXAMPLES
@given(pain=s.not_pain, htmx=st.booleans())
def test_a_check_in_refuses_a_pain_outside_zero_to_ten(client_of, person, old_checkin, pain, htmx):
    data = {"note": "x"} if pain == [] else {"pain": pain, "note": "x"}
    with rolled_back():
        before = snapshot(person)
        response = send(client_of, "post", reverse("tracking:checkin"), data, htmx=htmx)
        assert_rejected(response, before, snapshot(person), status=400)
        assert "Choose a number from 0 (no pain) to 10" in text_of(response)
