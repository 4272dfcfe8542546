from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """Site-wide values every template may name (the address behind "contact us")."""
    return {"contact_email": settings.CONTACT_EMAIL}
