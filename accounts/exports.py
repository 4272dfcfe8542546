"""The account's rows in "Download everything" (see backease/exports.py)."""

from allauth.account.models import EmailAddress, EmailConfirmation
from django.contrib.admin.models import LogEntry

from backease.exports import not_exported, register

from .models import LoginSession, User

register(
    "profile",
    User,
    [
        "email",
        "display_name",
        "time_zone",
        "country",
        "language",
        "date_joined",
        "last_login",
        "weekly_goal",
        ("preferred_routine", "preferred_routine__slug"),
        "sound_muted",
    ],
    owner="",
)
register("email_addresses", EmailAddress, ["email", "verified", "primary"], order_by=("email",))

not_exported(LoginSession, "A login's cookie key and data: secrets that would log someone in.")
not_exported(EmailConfirmation, "A one-time verification key: a secret, and gone once used.")
not_exported(LogEntry, "What staff did in the admin site; its user is the staff member.")
