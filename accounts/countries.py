"""A person's country, first guessed from their time zone.

The guess reads the zone-to-country table that the IANA time zone database ships
(`zone.tab`, one country per zone, in the `tzdata` package), following the database's own
links for older or alternative names (`tzdata.zi`: browsers still report "Asia/Calcutta"
for "Asia/Kolkata", "Europe/Kiev" for "Europe/Kyiv"). A zone without a country ("UTC",
"Etc/GMT+5") guesses nothing: the person is asked to choose.
"""

from __future__ import annotations

import functools
from importlib import resources


def _tzdata_text(name: str) -> str:
    return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")


@functools.cache
def zone_countries() -> dict[str, str]:
    """{time zone: ISO 3166 country code}, aliases included."""
    table: dict[str, str] = {}
    for line in _tzdata_text("zone.tab").splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, zone, *_comment = line.split("\t")
            table[zone] = code
    for line in _tzdata_text("tzdata.zi").splitlines():
        # "L <target> <alias>": <alias> is another name for <target>.
        if line.startswith("L "):
            _l, target, alias = line.split()
            if target in table:
                table.setdefault(alias, table[target])
    return table


def guess_country(time_zone: str) -> str:
    """The country of a time zone, or "" when it has none."""
    return zone_countries().get(time_zone, "")
