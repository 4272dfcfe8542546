"""Progress settings and pauses in "Download everything" (see backease/exports.py)."""

from backease.exports import register

from .models import Pause, ProgressSettings

register("progress_settings", ProgressSettings, ["rest_weekdays"])
register("pauses", Pause, ["start", "end", "reason", "note", "created_at"], order_by=("start",))
