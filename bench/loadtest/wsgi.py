"""The WSGI application bench/load.py runs under gunicorn.

Every path goes to BackEase (`backease.wsgi.application`, every middleware) except
BARE_PATH, which goes to a second Django handler built with no middleware and this
module as its URLconf: a bare view that touches neither the database nor a template.
Both share one gunicorn process, one settings module and one Python, so their figures
differ only by what BackEase does per request.
"""

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse
from django.urls import path

from backease.wsgi import application as backease_application

BARE_PATH = "/_bench/bare/"
BARE_BODY = b"bare ok\n"


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BARE_BODY, content_type="text/plain")


urlpatterns = [path(BARE_PATH.strip("/") + "/", bare)]


class BareHandler(WSGIHandler):
    """Django's WSGI handler with no middleware and this module as its URLconf."""

    def load_middleware(self, is_async: bool = False) -> None:
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        self._middleware_chain = convert_exception_to_response(self._get_response)

    def get_response(self, request: HttpRequest) -> HttpResponse:
        request.urlconf = __name__
        return super().get_response(request)


bare_application = BareHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE_PATH:
        return bare_application(environ, start_response)
    return backease_application(environ, start_response)
