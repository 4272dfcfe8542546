"""Changes of a person's profile, for higher apps to react to (reminders follow a new time
zone; safety re-evaluates with the new "today"). Accounts imports none of them.

`profile_changed` is sent with `user` and `changed` (the set of field names that changed)
right after the profile is saved, inside the same request, so a receiver's writes go with
the change."""

from django.dispatch import Signal

profile_changed = Signal()
