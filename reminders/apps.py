from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from accounts.signals import profile_changed

        from . import exports  # noqa: F401
        from .services import reschedule_after_profile_change

        profile_changed.connect(reschedule_after_profile_change, dispatch_uid="reminders")
