from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import exports, receivers  # noqa: F401  (export tables; sign-up and summary hooks)
