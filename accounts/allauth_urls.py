"""allauth's account URLs (log in, sign up, passwords, email addresses), with one change:
a form sent back with errors answers 400 instead of 200.

BackEase's rule is that bad input gets a clear message and a 4xx; allauth re-renders an
invalid form with 200. The page is the same, errors and all (htmx swaps a 400 too, see
templates/base.html). Only the account URLs are wrapped: MFA and social accounts are not
installed.
"""

import functools

from allauth.account.urls import urlpatterns as allauth_urlpatterns
from django.forms import BaseForm
from django.urls import URLPattern


def _bad_request_when_invalid(view):
    @functools.wraps(view)  # keeps login_not_required, csrf_exempt and the like
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if (
            response.status_code == 200
            and isinstance(form, BaseForm)
            and form.is_bound
            and form.errors
        ):
            response.status_code = 400
        return response

    return wrapped


urlpatterns = [
    URLPattern(p.pattern, _bad_request_when_invalid(p.callback), p.default_args, p.name)
    for p in allauth_urlpatterns
]
