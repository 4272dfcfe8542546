from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connects the login time stamp before any login, not with the first request.
        from . import exports, middleware  # noqa: F401
