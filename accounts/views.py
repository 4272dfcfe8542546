from allauth.decorators import rate_limit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from .forms import DeleteAccountForm, ProfileForm
from .services import account_delete
from .signals import profile_changed


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            # Reminders follow a new time zone; safety re-evaluates with the new "today".
            if form.changed_data:
                profile_changed.send(sender=None, user=request.user, changed=set(form.changed_data))
            messages.success(request, _("Your profile is saved."))
            response = redirect("accounts:profile")
            if "language" in form.changed_data:
                _follow_language_choice(response, request.user.language)
            return response
        return render(request, "accounts/profile.html", {"form": form}, status=400)
    return render(request, "accounts/profile.html", {"form": form})


@require_http_methods(["GET", "POST"])
@rate_limit(action="delete_account")  # password guesses: 429 like allauth's password change
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            account_delete(user=user)
            messages.success(request, _("Your account and all your data have been deleted."))
            return redirect("home")
        return render(request, "accounts/delete.html", {"form": form}, status=400)
    return render(request, "accounts/delete.html", {"form": form})


def _follow_language_choice(response: HttpResponse, language: str) -> None:
    """The language cookie follows the profile, so the page stays in the chosen language
    after logging out (and "same as my browser" really is the browser's)."""
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    else:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)


@login_not_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The footer's language switcher: Django's set_language (the cookie, then back to the
    page), and for someone signed in also their profile, so emails and the PDF follow."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return render(
            request,
            "accounts/language_error.html",
            {"language": language[:20]},
            status=400,
        )
    user = request.user
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return django_set_language(request)
