import time
import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

# Session keys (epoch seconds): when the person logged in, and when we last saw them.
STARTED = "auth_started"
SEEN = "auth_seen"
# Writing "last seen" on every request would save the session on every request.
SEEN_RESOLUTION = 60


@receiver(user_logged_in)
def _stamp_login(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED] = now
        request.session[SEEN] = now


class UserLanguageMiddleware:
    """Pages in the signed-in person's own language, once they have picked one; before that
    LocaleMiddleware's choice stands (the switcher's cookie, else Accept-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = user.language if user is not None and user.is_authenticated else ""
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class UserTimezoneMiddleware:
    """Show dates and times in the signed-in user's own zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(user.zone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class SessionTimeoutMiddleware:
    """Log people out 12 hours after they logged in, or after 30 minutes without a request
    unless they ticked "Remember me" (which allauth records as a session that outlives the
    browser). A phone left on the floor should not stay logged in to health data for long."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        response = self.get_response(request)
        return self._htmx_login_redirect(request, response)

    def _check(self, request: HttpRequest) -> None:
        session = request.session
        now = int(time.time())
        started = session.setdefault(STARTED, now)
        seen = session.get(SEEN, now)
        remembered = not session.get_expire_at_browser_close()
        too_old = now - started > settings.SESSION_MAX_AGE.total_seconds()
        idle = now - seen > settings.SESSION_IDLE_TIMEOUT.total_seconds()
        if too_old or (idle and not remembered):
            logout(request)
            messages.info(
                request, _("You were logged out to keep your data private. Please log in again.")
            )
        elif now - seen >= SEEN_RESOLUTION or SEEN not in session:
            session[SEEN] = now

    def _htmx_login_redirect(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """An htmx request that lost its login would swap the login page into a fragment;
        send the whole page to the login form instead."""
        if not (getattr(request, "htmx", False) and response.status_code == 302):
            return response
        login_path = resolve_url(settings.LOGIN_URL)
        if response["Location"].startswith(login_path):
            current = request.htmx.current_url_abs_path or "/"
            return HttpResponseClientRedirect(f"{login_path}?{urlencode({'next': current})}")
        return response
