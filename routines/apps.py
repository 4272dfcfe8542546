from django.apps import AppConfig


class RoutinesConfig(AppConfig):
    name = "routines"
    verbose_name = "Routine library"

    def ready(self) -> None:
        from . import exports  # noqa: F401  (own routines in "Download everything")
