from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "tracking"
    verbose_name = "Sessions and pain tracking"

    def ready(self) -> None:
        from . import exports  # noqa: F401
