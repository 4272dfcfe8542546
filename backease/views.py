import logging
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from plans.services import onboarding_pending
from routines.models import Routine
from safety.models import screening_never_answered

from .logging import request_id

logger = logging.getLogger(__name__)


@login_not_required
@require_safe  # HEAD / answers like GET (uptime checks, link previews)
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        # The red-flag questions are asked once after sign-up (issue 6).
        if screening_never_answered(request.user):
            return redirect(reverse("safety:screening") + "?reason=signup")
        # Then, once, the short set-up that picks a first routine (skippable).
        if onboarding_pending(request.user):
            return redirect("plans:onboarding")
        return redirect("progress:dashboard")
    routines = Routine.objects.published().with_total_seconds()[:3]
    return render(request, "home.html", {"routines": routines})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        logger.warning("healthz: database check failed", exc_info=True)
        return False


def _broker_ok() -> bool:
    if not settings.REDIS_URL:
        return True  # the embedded filesystem broker has nothing to be down
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        return bool(client.ping())
    except redis.RedisError:
        logger.warning("healthz: broker check failed", exc_info=True)
        return False


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    status = 200 if all(checks.values()) else 503
    return JsonResponse(
        {name: "ok" if ok else "down" for name, ok in checks.items()}, status=status
    )


@login_not_required
@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest, in the visitor's language (a home-screen app is named and
    described in it). Icons stay static files."""
    icons = [
        {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("img/icon-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
        {"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    data = {
        "name": "BackEase",
        "short_name": "BackEase",
        "description": _("Gentle guided routines for your lower back."),
        "lang": translation.get_language(),
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": "#1f5f52",
        "icons": icons,
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. A lost database connection is not a bug: answer 503 with a page that asks
    people to try again in a minute (Django reconnects on its own once the database is back).
    Both pages render without the request, the user or the database."""
    context = {"request_id": request_id.get(), "contact_email": settings.CONTACT_EMAIL}
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.render_to_string("500.html", context), status=500)
