"""Downloading everything, and deleting it with the account."""

import csv
import datetime as dt
import io
import json
import zipfile

import pytest
from django.urls import reverse

from backease.exports import TABLES
from progress.models import Pause, ProgressSettings
from tests.conftest import PASSWORD
from tests.factories import (
    CheckInFactory,
    PauseFactory,
    ProgressSettingsFactory,
    SessionFactory,
    StepRecordFactory,
)
from tracking.models import CheckIn, Session, StepRecord

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def records(user, other_user):
    """Two sessions with steps, two check-ins, a pause and settings for `user`, and the
    same kinds of rows for `other_user`."""
    mine = {
        "sessions": [
            SessionFactory(user=user, local_date=D(2026, 5, 1), note="=SUM(A1)"),
            SessionFactory(user=user, local_date=D(2026, 5, 2), pain_after=None),
        ],
        "checkins": [
            CheckInFactory(user=user, local_date=D(2026, 5, 1), pain=6, note="sore, “quoted”"),
            CheckInFactory(user=user, local_date=D(2026, 5, 3), pain=2),
        ],
    }
    mine["steps"] = [StepRecordFactory(session=s) for s in mine["sessions"]]
    PauseFactory(user=user, start=D(2026, 4, 1), end=D(2026, 4, 5), note="holiday in Wales")
    ProgressSettingsFactory(user=user, rest_weekdays=[6])
    theirs = SessionFactory(user=other_user, note="not yours")
    StepRecordFactory(session=theirs)
    CheckInFactory(user=other_user, note="not yours either", pain=9)
    PauseFactory(user=other_user, note="someone else's pause")
    return mine


def test_it_exports_every_record_as_json(user_client, user, records):
    response = user_client.get(reverse("progress:export", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"] == [
        {
            "email": user.email,
            "display_name": user.display_name,
            "time_zone": user.time_zone,
            "country": user.country.code,
            "language": "",
            "date_joined": user.date_joined.isoformat(),
            "last_login": data["profile"][0]["last_login"],
            "weekly_goal": 5,
            "preferred_routine": None,
            "sound_muted": False,
        }
    ]
    assert data["progress_settings"] == [{"rest_weekdays": [6]}]
    assert [s["id"] for s in data["sessions"]] == [s.id for s in records["sessions"]]
    assert [s["session_id"] for s in data["steps"]] == [s.id for s in records["sessions"]]
    assert data["sessions"][0]["note"] == "=SUM(A1)"
    assert [c["pain"] for c in data["checkins"]] == [6, 2]
    assert [{k: v for k, v in pause.items() if k != "created_at"} for pause in data["pauses"]] == [
        {
            "start": "2026-04-01",
            "end": "2026-04-05",
            "reason": "holiday",
            "note": "holiday in Wales",
        }
    ]
    assert "not yours" not in response.content.decode()
    assert "someone else" not in response.content.decode()


def test_it_exports_one_csv_file_per_table_in_a_zip(user_client, user, records):
    response = user_client.get(reverse("progress:export", args=["zip"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert names == sorted(f"backease/{name}.csv" for name in TABLES)
    assert {"backease/screenings.csv", "backease/flags.csv", "backease/reminders.csv"} <= set(names)

    def rows(name):
        text = archive.read(f"backease/{name}").decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))

    assert rows("profile.csv")[0]["email"] == user.email
    sessions = rows("sessions.csv")
    assert [int(r["id"]) for r in sessions] == [s.id for s in records["sessions"]]
    assert sessions[0]["note"] == "'=SUM(A1)"  # never run as a spreadsheet formula
    assert sessions[1]["pain_after"] == ""
    assert {int(r["session_id"]) for r in rows("steps.csv")} == {s.id for s in records["sessions"]}
    assert [r["note"] for r in rows("checkins.csv")] == ["sore, “quoted”", ""]
    assert len(rows("pauses.csv")) == 1
    assert rows("progress_settings.csv")[0]["rest_weekdays"] == "[6]"
    everything = b"".join(archive.read(n) for n in names).decode("utf-8-sig")
    assert "not yours" not in everything
    assert "someone else" not in everything


def test_it_answers_404_for_an_unknown_export_format(user_client):
    assert user_client.get(reverse("progress:export", args=["xml"])).status_code == 404


def test_it_requires_a_login_to_export(client):
    response = client.get(reverse("progress:export", args=["json"]))
    assert response.status_code == 302


def test_it_deletes_all_of_a_users_data_with_the_account(user_client, user, other_user, records):
    response = user_client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not Session.objects.filter(user_id=user.id).exists()
    assert not StepRecord.objects.filter(session__user_id=user.id).exists()
    assert not CheckIn.objects.filter(user_id=user.id).exists()
    assert not Pause.objects.filter(user_id=user.id).exists()
    assert not ProgressSettings.objects.filter(user_id=user.id).exists()
    # Nobody else's data goes with it.
    assert Session.objects.filter(user=other_user).count() == 1
    assert StepRecord.objects.filter(session__user=other_user).count() == 1
    assert CheckIn.objects.filter(user=other_user).count() == 1
    assert Pause.objects.filter(user=other_user).count() == 1
