"""`safety_emergency` on every page: while a person has an emergency answer they have not
acknowledged, base.html shows the emergency alert at the top of every page and routines
show no start buttons. Lazy: a page (or htmx fragment) that never reads it costs no query."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from . import rules
from .models import ScreeningResponse, unacknowledged_emergency
from .numbers import Contact, contact_for


@dataclass(frozen=True)
class Emergency:
    response: ScreeningResponse
    contact: Contact

    @property
    def signs(self) -> list:
        return [q for q in self.response.yes_items if q.level == rules.EMERGENCY]


def emergency(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def load() -> Emergency | bool:
        response = unacknowledged_emergency(user)
        return Emergency(response, contact_for(user)) if response else False

    return {"safety_emergency": SimpleLazyObject(load)}
