"""Time zones as people pick and read them: current zones only (the tz database's
`zone1970.tab`, without its old and alternative names), grouped by region and shown as
"New York (UTC−5)". A stored older name ("Asia/Calcutta", "US/Eastern") stays valid."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from importlib import resources

from django.utils import timezone
from django.utils.translation import gettext as _

MINUS = "\u2212"  # a real minus sign, as in "UTC−5"


@functools.cache
def current_zones() -> frozenset[str]:
    text = resources.files("tzdata").joinpath("zoneinfo", "zone1970.tab").read_text("utf-8")
    zones = {line.split("\t")[2] for line in text.splitlines() if line and not line.startswith("#")}
    return frozenset(zones | {"UTC"})


def utc_offset(name: str, now: dt.datetime | None = None) -> str:
    """ "UTC+5:30", "UTC−5", "UTC" for the zone's offset at `now` (today by default)."""
    offset = (now or timezone.now()).astimezone(zoneinfo.ZoneInfo(name)).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else MINUS
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(name: str, now: dt.datetime | None = None) -> str:
    """ "America/New_York" -> "New York (UTC−5)"; "America/Argentina/Salta" -> "Salta
    (UTC−3)"; an unknown name is returned as it is."""
    try:
        offset = utc_offset(name, now)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return name
    if name == "UTC":
        return _("Coordinated Universal Time (UTC)")
    city = name.rsplit("/", 1)[-1].replace("_", " ")
    return f"{city} ({offset})"


def grouped_zone_choices(extra: str = "") -> list[tuple[str, list[tuple[str, str]]]]:
    """Current zones grouped by region (Africa, America, …), each sorted by city; `extra`
    (a person's stored older name) is kept at the top so their choice still shows."""
    now = timezone.now()
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in current_zones():
        region = name.split("/", 1)[0] if "/" in name else _("Other")
        groups.setdefault(region, []).append((name, zone_label(name, now)))
    choices = [(region, sorted(groups[region], key=lambda c: c[1])) for region in sorted(groups)]
    if extra and extra not in current_zones():
        choices.insert(0, (_("Your current setting"), [(extra, f"{extra} ({utc_offset(extra)})")]))
    return choices
