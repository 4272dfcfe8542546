"""Everything a person has stored, as JSON or as a zip of CSV files: every table in the
registry (backease/exports.py), only their own rows, one query per table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from backease.exports import TABLES, Table

if TYPE_CHECKING:
    from accounts.models import User

FORMAT = 2


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.time) else value


def table_rows(table: Table, user: User) -> list[dict[str, Any]]:
    owner = {table.owner: user} if table.owner else {"pk": user.pk}
    lookups = list(table.columns.values())
    rows = table.model._base_manager.filter(**owner).order_by(*table.order_by)
    return [
        {name: _iso(value) for name, value in zip(table.columns, values, strict=True)}
        for values in rows.values_list(*lookups)
    ]


def export_data(user: User) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT, "exported_at": timezone.now().isoformat()}
    for name, table in sorted(TABLES.items()):
        data[name] = table_rows(table, user)
    return data


def _safe_cell(value: Any) -> Any:
    """Keep spreadsheets from running a note as a formula."""
    if isinstance(value, list | dict):
        value = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _csv(fields: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _safe_cell(row.get(name)) for name in fields})
    return buffer.getvalue()


def export_zip(user: User) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, table in sorted(TABLES.items()):
            text = _csv(list(table.columns), table_rows(table, user))
            archive.writestr(f"backease/{name}.csv", "\ufeff" + text)  # BOM: Excel reads UTF-8
    return buffer.getvalue()
