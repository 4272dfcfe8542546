import logging
import time

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property, empty
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails
from django_htmx.middleware import HtmxMiddleware as BaseHtmxMiddleware

from .logging import new_request_id, request_id

logger = logging.getLogger("backease.request")


class RequestIdMiddleware:
    """Give every request an id, put it on each log line and in the X-Request-ID header,
    and log one line per request. The line names the URL pattern, never the path: paths
    can hold share-link and unsubscribe tokens."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = new_request_id(request.headers.get("X-Request-ID"))
        token = request_id.set(rid)
        request.request_id = rid
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            match = request.resolver_match
            # Only a user already loaded: loading one now could hit a database that is down.
            user = getattr(getattr(request, "user", None), "_wrapped", None)
            route = "/" + match.route if match else "(unresolved)"
            ms = round((time.perf_counter() - started) * 1000, 1)
            logger.info(
                "%s %s %s %sms",
                request.method,
                route,
                response.status_code,
                ms,
                extra={
                    "method": request.method,
                    "route": route,
                    "status": response.status_code,
                    "ms": ms,
                    "user": getattr(user, "pk", None) if user is not empty else None,
                },
            )
            return response
        finally:
            request_id.reset(token)


class PrivateResponsesMiddleware:
    """`Cache-Control: private, no-store` on every response the app makes (static files are
    served by WhiteNoise before this runs). Pages show health data to the person logged in
    or to whoever holds a share link, and every page carries its visitor's CSRF token (in
    `hx-headers` on <body>), so no response may be kept by a shared cache, a proxy or the
    browser's back-forward cache. One default here, rather than a decorator per view, is one
    that a new view cannot forget."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_cache_control(response, private=True, no_store=True)
        return response


class SafeHtmxDetails(HtmxDetails):
    """request.htmx, except that HX-Current-URL, which comes from the client, is bad input
    like any other: a malformed one (say "http://[") reads as absent instead of raising
    ValueError, and so does one whose path would lead off the site ("//evil.example/")."""

    @cached_property
    def current_url_abs_path(self) -> str | None:
        try:
            path = super().current_url_abs_path
        except ValueError:
            return None
        if path is None or not url_has_allowed_host_and_scheme(path, allowed_hosts=None):
            return None
        return path


def vary_on_htmx(response: HttpResponse) -> HttpResponse:
    """Any HTML view may answer htmx with a fragment and everyone else with the page at the
    same URL, so every HTML response says `Vary: HX-Request`: otherwise back/forward or a
    cache can show a bare fragment as the page. Saying it always, rather than only where a
    view renders a partial, is one rule that a new view cannot forget."""
    if response.get("Content-Type", "").startswith("text/html"):
        patch_vary_headers(response, ["HX-Request"])
    return response


class HtmxMiddleware(BaseHtmxMiddleware):
    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.async_mode:
            return self.__acall__(request)
        request.htmx = SafeHtmxDetails(request)
        return vary_on_htmx(self.get_response(request))

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        request.htmx = SafeHtmxDetails(request)
        return vary_on_htmx(await self.get_response(request))
