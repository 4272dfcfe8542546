"""Password validation beyond Django's own validators (AUTH_PASSWORD_VALIDATORS)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Shorter names ("Al", "Bo") would forbid too many good passwords.
MIN_LENGTH = 3
MESSAGE = _("Your password can’t contain your name or the first part of your email address.")


def _letters_and_digits(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


class PersonalInfoValidator:
    """Refuses a password that contains the person's display name or the part of their email
    address before the @, ignoring case, spaces and punctuation: "John-Smith-2026" for
    john.smith@example.com. Those are the first things an attacker who knows the address
    tries. (Django's UserAttributeSimilarityValidator only refuses passwords that are mostly
    the same as one of them.)"""

    def validate(self, password: str, user=None) -> None:
        if user is None:
            return
        personal = [
            (getattr(user, "email", "") or "").rpartition("@")[0],
            getattr(user, "display_name", "") or "",
        ]
        haystack = _letters_and_digits(password)
        for value in personal:
            needle = _letters_and_digits(value)
            if len(needle) >= MIN_LENGTH and needle in haystack:
                raise ValidationError(MESSAGE, code="password_too_personal")

    def get_help_text(self) -> str:
        return str(MESSAGE)
