""" "Download everything" is everything: every model that holds a person's rows is in the
export registry (backease/exports.py) or is named as left out with a reason, and no secret
ever leaves."""

import datetime as dt
import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from django.utils import timezone

from backease.exports import NOT_EXPORTED, SECRET_WORDS, TABLES, exported_models
from plans.models import PlanChange, PlanSettings
from progress.export import export_data
from reminders.models import Reminder
from routines import services as routine_services
from routines.models import Exercise
from safety.models import Flag, ScreeningResponse, ShareLink, hash_token
from tests.factories import (
    CheckInFactory,
    PauseFactory,
    ProgressSettingsFactory,
    ReminderScheduleFactory,
    SessionFactory,
    StepRecordFactory,
)

pytestmark = pytest.mark.django_db

User = get_user_model()


def path_to_user(model: type[models.Model], seen=()) -> str | None:
    """The lookup from `model` to its user through foreign keys ("session__user"), or
    None when it has none."""
    if model is User:
        return ""
    for field in model._meta.get_fields():
        if not (field.many_to_one or field.one_to_one) or not field.concrete:
            continue
        target = field.related_model
        if target is User:
            return field.name
        if target in seen or target is model:
            continue
        rest = path_to_user(target, (*seen, model))
        if rest:
            return f"{field.name}__{rest}"
    return None


def models_holding_a_persons_rows() -> set[type[models.Model]]:
    return {model for model in apps.get_models() if path_to_user(model) is not None}


def test_every_model_with_a_path_to_the_user_is_exported_or_left_out_with_a_reason():
    held = models_holding_a_persons_rows()
    missing = sorted(model._meta.label for model in held - exported_models() - set(NOT_EXPORTED))
    assert not missing, (
        f"Add these to the export (an `exports.py` in their app, registered from its "
        f"AppConfig.ready) or to not_exported() with a reason: {missing}"
    )
    # The guard sees the models it must see: a step reaches its user through its session.
    assert {"tracking.StepRecord", "safety.ShareLink", "reminders.Reminder"} <= {
        model._meta.label for model in held
    }


def test_the_guard_notices_a_model_with_a_user_foreign_key_that_is_not_registered():
    class Diary(models.Model):  # noqa: DJ008
        owner = models.ForeignKey(User, on_delete=models.CASCADE)

        class Meta:
            app_label = "progress"

    class DiaryPage(models.Model):  # noqa: DJ008
        diary = models.ForeignKey(Diary, on_delete=models.CASCADE)

        class Meta:
            app_label = "progress"

    try:
        assert path_to_user(DiaryPage) == "diary__owner"
        assert {Diary, DiaryPage} <= models_holding_a_persons_rows() - exported_models()
    finally:
        del apps.all_models["progress"]["diary"]
        del apps.all_models["progress"]["diarypage"]
        apps.clear_cache()


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_is_filtered_by_a_real_path_to_its_user(name):
    table = TABLES[name]
    assert table.owner or table.model is User
    if table.owner:
        # The lookup ends at the user model, not at some other foreign key.
        *hops, last = table.owner.split("__")
        model = table.model
        for hop in hops:
            model = model._meta.get_field(hop).related_model
        assert model._meta.get_field(last).related_model is User


def test_no_exported_column_is_a_secret():
    for table in TABLES.values():
        for column, lookup in table.columns.items():
            assert not any(word in f"{column} {lookup}".lower() for word in SECRET_WORDS)


@pytest.fixture
def everything(user, other_user):
    """At least one row of every exported table for `user`, and the same for `other_user`."""
    now = timezone.now()
    for person, note in ((user, "mine"), (other_user, "not yours")):
        session = SessionFactory(user=person, note=note, new_leg_symptoms=True)
        StepRecordFactory(session=session)
        CheckInFactory(user=person, note=note, new_leg_symptoms=True)
        PauseFactory(user=person, note=note)
        ProgressSettingsFactory(user=person, rest_weekdays=[6])
        ReminderScheduleFactory(user=person, enabled=True)
        Reminder.objects.create(
            user=person,
            schedule=person.reminder_schedules.first(),
            local_date=dt.date(2026, 5, 1),
            due_at=now,
            status=Reminder.Status.SENT,
            created_at=now,
            queued_at=now,
            finished_at=now,
        )
        ScreeningResponse.objects.create(
            user=person, local_date=dt.date(2026, 5, 1), answers={"saddle": "no"}
        )
        Flag.objects.create(user=person, rule=Flag.Rule.SEVERE, numbers={"days": 3})
        Flag.objects.create(
            user=person, rule=Flag.Rule.WORSENING, closed_at=now, numbers={"days": 5}
        )
        ShareLink.objects.create(
            user=person,
            label=f"Dr {note}",
            token_hash=hash_token(f"secret-token-{person.pk}"),
            expires_at=now + dt.timedelta(days=14),
        )
        EmailAddress.objects.get_or_create(
            user=person, email=person.email, defaults={"verified": True, "primary": True}
        )
        own = routine_services.routine_create(owner=person, title=f"Routine {note}")
        routine_services.step_add(routine=own, exercise=Exercise.objects.get(slug="cat-cow"))
        PlanSettings.objects.create(user=person, concern=PlanSettings.Concern.SITTING)
        PlanChange.objects.create(
            user=person,
            kind=PlanChange.Kind.EASE_OFF,
            reason=PlanChange.Reason.HURT,
            numbers={"exercise": "Cat–cow", "day": "1 March"},
            from_routine=own,
            local_date=dt.date(2026, 5, 1),
        )


def test_the_export_holds_every_row_of_every_table_and_nobody_elses(user, other_user, everything):
    data = export_data(user)
    empty = sorted(name for name in TABLES if not data[name])
    assert not empty, f"no rows exported for {empty}: add them to the `everything` fixture"
    assert data["sessions"][0]["new_leg_symptoms"] is True
    assert data["checkins"][0]["new_leg_symptoms"] is True
    assert {flag["rule"] for flag in data["flags"]} == {"severe", "worsening"}  # with history
    assert data["share_links"][0]["label"] == "Dr mine"
    assert data["reminders"][0]["status"] == "sent"
    assert data["reminder_schedules"][0]["enabled"] is True
    assert data["screenings"][0]["answers"] == {"saddle": "no"}
    assert data["email_addresses"] == [{"email": user.email, "verified": True, "primary": True}]
    text = json.dumps(data)
    assert "not yours" not in text
    assert other_user.email not in text


def test_the_export_holds_no_token_hash_and_no_password(user_client, user, everything):
    for fmt in ("json", "zip"):
        response = user_client.get(reverse("progress:export", args=[fmt]))
        assert response.status_code == 200
        body = response.content
        if fmt == "zip":
            archive = zipfile.ZipFile(io.BytesIO(body))
            body = b"".join(archive.read(name) for name in archive.namelist())
        text = body.decode("utf-8-sig", errors="replace")
        assert hash_token(f"secret-token-{user.pk}") not in text
        assert user.password not in text
        assert "Dr mine" in text


def test_the_export_takes_one_query_per_table(user, everything, django_assert_max_num_queries):
    with django_assert_max_num_queries(len(TABLES)):
        export_data(user)
