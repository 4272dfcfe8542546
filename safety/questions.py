"""The red-flag questions: plain-language yes/no items written from the emergency and urgent
lists of SAFETY.md (NHS back pain guidance). Our own wording; no third-party questionnaire
items are reproduced."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .rules import EMERGENCY, URGENT

NONE = 0


@dataclass(frozen=True)
class Question:
    key: str
    text: Promise
    level: int  # URGENT or EMERGENCY


QUESTIONS: tuple[Question, ...] = (
    Question(
        "saddle_numbness",
        _("Do you have numbness or tingling around your genitals or buttocks?"),
        EMERGENCY,
    ),
    Question("peeing", _("Are you having difficulty peeing?"), EMERGENCY),
    Question("continence", _("Have you lost control of your bladder or bowels?"), EMERGENCY),
    Question(
        "both_legs",
        _("Do you have pain, tingling, weakness or numbness in both legs?"),
        EMERGENCY,
    ),
    Question("chest_pain", _("Do you have chest pain?"), EMERGENCY),
    Question(
        "accident",
        _("Did the pain start after a serious accident, such as a fall or a car accident?"),
        EMERGENCY,
    ),
    Question(
        "fever",
        _("Do you have a high temperature (38 °C or above), or feel hot and shivery?"),
        URGENT,
    ),
    Question("weight_loss", _("Have you lost weight without trying?"), URGENT),
    Question(
        "lump", _("Is there a lump, a swelling or a change in the shape of your back?"), URGENT
    ),
    Question("rest_night", _("Does the pain not ease with rest, or is it worse at night?"), URGENT),
    Question(
        "sneeze",
        _("Is the pain worse when you sneeze, cough or go to the toilet?"),
        URGENT,
    ),
    Question(
        "upper_back",
        _("Does the pain come from the top of your back, between the shoulders?"),
        URGENT,
    ),
)
BY_KEY = {q.key: q for q in QUESTIONS}


def screening_level(answers: Mapping[str, bool]) -> int:
    """The most serious level answered yes: an emergency item always wins over urgent ones."""
    levels = [BY_KEY[key].level for key, yes in answers.items() if yes and key in BY_KEY]
    return max(levels, default=NONE)


def yes_items(answers: Mapping[str, bool]) -> list[Question]:
    return [q for q in QUESTIONS if answers.get(q.key)]
