"""The registry of what "Download everything" contains.

Each app registers its own tables from its `exports` module (imported by its AppConfig's
`ready()`), so the export (progress.export) never imports the apps it exports and the lower
apps never import a higher one. A model that holds someone's rows but is deliberately left
out (a secret, an internal queue) is registered with `not_exported` and a reason; the guard
test (tests/progress/test_export_registry.py) fails for a model with a path to the user
that is in neither list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db import models

# Never exported, whatever a registration says: a hash or a key is as good as the secret.
SECRET_WORDS = ("password", "token", "hash", "secret", "key", "session_data")


@dataclass(frozen=True)
class Table:
    """One file of the zip (`<name>.csv`) and one list of the JSON (`name`).

    `columns` maps each exported column to its lookup (`"exercise": "exercise__slug"`);
    `owner` is the lookup from the model to its user (`"session__user"` for a session's
    steps), or "" for the user model itself."""

    name: str
    model: type[models.Model]
    columns: dict[str, str]
    owner: str = "user"
    order_by: tuple[str, ...] = ("pk",)


TABLES: dict[str, Table] = {}
NOT_EXPORTED: dict[type[models.Model], str] = {}


def register(
    name: str,
    model: type[models.Model],
    columns: list[str | tuple[str, str]],
    *,
    owner: str = "user",
    order_by: tuple[str, ...] = ("pk",),
) -> Table:
    """Add a table to the export. A column is a field name, or `(column, lookup)` for a
    related value (`("routine", "routine__slug")`)."""
    table = Table(
        name=name,
        model=model,
        columns=dict((c, c) if isinstance(c, str) else c for c in columns),
        owner=owner,
        order_by=order_by,
    )
    for column, lookup in table.columns.items():
        lowered = f"{column} {lookup}".lower()
        if any(word in lowered for word in SECRET_WORDS):
            raise ValueError(f"{name}.{column}: secrets are never exported")
    if name in TABLES and TABLES[name].model is not model:
        raise ValueError(f"Two export tables are called {name!r}")
    TABLES[name] = table
    return table


def not_exported(model: type[models.Model], reason: str) -> None:
    """Say why a model that holds rows of a person is left out of the export."""
    NOT_EXPORTED[model] = reason


def exported_models() -> set[type[models.Model]]:
    return {table.model for table in TABLES.values()}
