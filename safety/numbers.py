"""Emergency and urgent-care numbers by country (SAFETY.md "Emergency numbers by country").

Only numbers we are sure of are listed; any other country gets the fallback: 112, which
mobile phones route to the emergency services in most countries, beside a plain "call your
local emergency number". Sources: the European Emergency Number Association and the EU's
112 pages (112 in every member state and most of Europe); NHS (999, and 111 for urgent
advice); the national services named beside each entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django_countries import countries

from accounts.models import User


@dataclass(frozen=True)
class Numbers:
    emergency: str
    ambulance: str = ""  # a second number straight to an ambulance, where it is the usual one
    urgent: str = ""  # a national line for same-day medical advice


FALLBACK = Numbers("112")

# EU member states: 112 everywhere (EU Electronic Communications Code, art. 109).
_EU = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"

NUMBERS: dict[str, Numbers] = {
    **dict.fromkeys(_EU.split(), Numbers("112")),
    # Urgent, same-day advice lines in member states that have one nationwide.
    "DE": Numbers("112", urgent="116117"),  # ärztlicher Bereitschaftsdienst
    "AT": Numbers("112", urgent="1450"),  # Gesundheitsberatung 1450
    "SE": Numbers("112", urgent="1177"),  # 1177 Vårdguiden
    # The rest of Europe.
    "GB": Numbers("999", urgent="111"),  # NHS; 112 works too
    "GG": Numbers("999"),
    "JE": Numbers("999"),
    "IM": Numbers("999"),
    "IS": Numbers("112"),
    "NO": Numbers("113", urgent="116117"),  # 113 medical emergencies; 116117 legevakt
    "CH": Numbers("144"),  # ambulance; 112 works too
    "LI": Numbers("112", ambulance="144"),
    "AD": Numbers("112"),
    "MC": Numbers("112"),
    "TR": Numbers("112"),
    "GE": Numbers("112"),
    "MD": Numbers("112"),
    # North America.
    "US": Numbers("911"),
    "CA": Numbers("911"),
    "MX": Numbers("911"),
    "PR": Numbers("911"),
    # Elsewhere.
    "AU": Numbers("000", urgent="1800 022 222"),  # healthdirect
    "NZ": Numbers("111", urgent="0800 611 116"),  # Healthline
    "IN": Numbers("112", ambulance="108"),
    "JP": Numbers("119"),
    "KR": Numbers("119"),
    "CN": Numbers("120"),
    "HK": Numbers("999"),
    "SG": Numbers("995"),
    "ZA": Numbers("112", ambulance="10177"),
    "BR": Numbers("192"),  # SAMU
    "IL": Numbers("101"),  # Magen David Adom
    "AE": Numbers("998"),
    "PH": Numbers("911"),
}


@dataclass(frozen=True)
class Contact:
    """The numbers to show one person, with their country named."""

    country: str  # ISO code, "" when not known
    country_name: str  # in the active language, "" when not known
    emergency: str
    ambulance: str
    urgent: str
    known: bool  # False: the fallback (112 and "call your local emergency number")

    @property
    def tel(self) -> str:
        """The emergency number for a tel: link (digits only)."""
        return "".join(ch for ch in self.emergency if ch.isdigit())

    @property
    def urgent_tel(self) -> str:
        return "".join(ch for ch in self.urgent if ch.isdigit())

    @property
    def where(self) -> str:
        """Names the number's country, or says plainly that the number is a fallback."""
        if self.known:
            # Country names are used without an article, so no "in the ..." is needed.
            return _("%(country)s: the emergency number is %(number)s.") % {
                "country": self.country_name,
                "number": self.emergency,
            }
        if self.country_name:
            return _(
                "We do not know the emergency number for %(country)s. %(number)s works from "
                "mobile phones in most countries; if it does not, call your local emergency "
                "number."
            ) % {"country": self.country_name, "number": self.emergency}
        return _(
            "%(number)s works from mobile phones in most countries; if it does not, call "
            "your local emergency number."
        ) % {"number": self.emergency}

    @property
    def ambulance_line(self) -> str:
        if not self.ambulance:
            return ""
        return _("For an ambulance you can also call %(number)s.") % {"number": self.ambulance}

    @property
    def urgent_line(self) -> str:
        if not self.urgent:
            return ""
        return _("%(country)s: for urgent medical advice you can call %(number)s.") % {
            "country": self.country_name,
            "number": self.urgent,
        }


def contact_for_country(code: str | None) -> Contact:
    code = (code or "").upper()
    numbers = NUMBERS.get(code)
    return Contact(
        country=code if code in countries else "",
        country_name=str(countries.name(code)) if code in countries else "",
        emergency=(numbers or FALLBACK).emergency,
        ambulance=(numbers or FALLBACK).ambulance,
        urgent=(numbers or FALLBACK).urgent,
        known=numbers is not None,
    )


def contact_for(user: User | None) -> Contact:
    """The person's numbers; the fallback for visitors who are not logged in."""
    if user is None or not user.is_authenticated:
        return contact_for_country("")
    return contact_for_country(str(user.country or ""))
