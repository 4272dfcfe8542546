"""Warning-sign answers, flags and share links in "Download everything"
(see backease/exports.py). A share link's token is never stored, and its hash never leaves."""

from backease.exports import not_exported, register

from .models import Flag, PendingEvaluation, ScreeningResponse, ShareLink

register(
    "screenings",
    ScreeningResponse,
    ["answered_at", "local_date", "reason", "answers", "skipped", "level", "acknowledged_at"],
    order_by=("answered_at", "pk"),
)
register(
    "flags",
    Flag,
    [
        "rule",
        ("exercise", "exercise__slug"),
        "severity",
        "numbers",
        "opened_at",
        "closed_at",
        "acknowledged_at",
        "emailed_at",
        "reminded_at",
    ],
    order_by=("opened_at", "pk"),
)
register(
    "share_links",
    ShareLink,
    ["label", "weeks", "created_at", "expires_at", "revoked_at"],
    order_by=("created_at", "pk"),
)

not_exported(
    PendingEvaluation,
    "A note that a safety check is owed (only its time): gone once the check has run.",
)
