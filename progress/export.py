"""Everything a person has stored, as JSON or as a zip of CSV files. Only their own rows,
in a fixed number of queries."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tracking.models import CheckIn, Session, StepRecord

from .models import Pause, ProgressSettings

if TYPE_CHECKING:
    from accounts.models import User

SESSION_FIELDS = [
    "id",
    "routine",
    "status",
    "local_date",
    "started_at",
    "finished_at",
    "pain_before",
    "pain_after",
    "stiffness",
    "note",
]
STEP_FIELDS = [
    "session_id",
    "order",
    "exercise",
    "state",
    "skip_reason",
    "feeling",
    "seconds_spent",
    "recorded_at",
]
CHECKIN_FIELDS = ["local_date", "pain", "note", "created_at", "updated_at"]
PAUSE_FIELDS = ["start", "end", "reason", "note"]


# Higher apps add their own tables (plans: the history of plan changes) without progress
# importing them: name -> (CSV columns, function(user) -> rows). Registered in their
# AppConfig.ready().
SECTIONS: dict[str, tuple[list[str], Callable[[User], list[dict]]]] = {}


def register_section(name: str, fields: list[str], rows: Callable[[User], list[dict]]) -> None:
    SECTIONS[name] = (fields, rows)


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def export_data(user: User) -> dict[str, Any]:
    prefs = ProgressSettings.for_user(user)
    profile = {
        "email": user.email,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "date_joined": _iso(user.date_joined),
    }
    settings = {
        "weekly_goal": user.weekly_goal,
        "preferred_routine": user.preferred_routine.slug if user.preferred_routine else None,
        "sound_muted": user.sound_muted,
        "rest_weekdays": sorted(prefs.rest_days),
    }
    steps: dict[int, list[dict]] = {}
    for record in (
        StepRecord.objects.filter(session__user=user)
        .select_related("exercise")
        .order_by("session_id", "order")
    ):
        steps.setdefault(record.session_id, []).append(
            {
                "session_id": record.session_id,
                "order": record.order,
                "exercise": record.exercise.slug,
                "state": record.state,
                "skip_reason": record.skip_reason,
                "feeling": record.feeling,
                "seconds_spent": record.seconds_spent,
                "recorded_at": _iso(record.recorded_at),
            }
        )
    sessions = []
    for session in Session.objects.for_user(user).select_related("routine").order_by("started_at"):
        row = {name: _iso(getattr(session, name)) for name in SESSION_FIELDS if name != "routine"}
        row["routine"] = session.routine.slug
        row["steps"] = steps.get(session.id, [])
        sessions.append(row)
    checkins = [
        {name: _iso(value) for name, value in row.items()}
        for row in CheckIn.objects.for_user(user).order_by("local_date").values(*CHECKIN_FIELDS)
    ]
    pauses = [
        {name: _iso(value) for name, value in row.items()}
        for row in Pause.objects.for_user(user).order_by("start").values(*PAUSE_FIELDS)
    ]
    return {
        "profile": profile,
        "settings": settings,
        "sessions": sessions,
        "checkins": checkins,
        "pauses": pauses,
        **{name: rows(user) for name, (_fields, rows) in SECTIONS.items()},
    }


def _safe_cell(value: Any) -> Any:
    """Keep spreadsheets from running a note as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else value


def _csv(fields: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _safe_cell(row.get(name)) for name in fields})
    return buffer.getvalue()


def export_zip(user: User) -> bytes:
    data = export_data(user)
    profile = {**data["profile"], **data["settings"]}
    files = {
        "profile.csv": _csv(list(profile), [profile]),
        "sessions.csv": _csv(SESSION_FIELDS, data["sessions"]),
        "steps.csv": _csv(STEP_FIELDS, [s for row in data["sessions"] for s in row["steps"]]),
        "checkins.csv": _csv(CHECKIN_FIELDS, data["checkins"]),
        "pauses.csv": _csv(PAUSE_FIELDS, data["pauses"]),
        **{f"{name}.csv": _csv(fields, data[name]) for name, (fields, _rows) in SECTIONS.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(f"backease/{name}", "\ufeff" + text)  # BOM: Excel reads UTF-8
    return buffer.getvalue()
