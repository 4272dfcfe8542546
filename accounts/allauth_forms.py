"""allauth's sign-up and password-reset forms, deciding who an address belongs to by
`User.objects.owning_email`: an address someone added or signed up with but never verified
neither blocks a sign-up nor receives a reset (issue 12, account pre-hijacking).

A module of its own: allauth's forms import ACCOUNT_SIGNUP_FORM_CLASS (accounts.forms), so
that module cannot import them back.
"""

from __future__ import annotations

from allauth.account import forms as allauth_forms
from allauth.core import ratelimit
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import User
from .services import email_claims_release


class SignupForm(allauth_forms.SignupForm):
    def validate_unique_email(self, value: str) -> str:
        # allauth counts unverified addresses as taken; only an owner does here. When there
        # is one, allauth's "account already exists" email goes to the address, and the page
        # looks the same as for a new account (no enumeration).
        self.account_already_exists = User.objects.owning_email(value).exists()
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        # allauth checks the password against a user that has only the email address; the
        # display name (a field of ours, accounts.forms.SignupForm) is known too.
        password = cleaned.get("password1")
        if password and not self.has_error("password1"):
            person = User(
                email=cleaned.get("email") or "", display_name=cleaned.get("display_name") or ""
            )
            try:
                validate_password(password, person)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self, request):
        email = self.cleaned_data["email"]
        with transaction.atomic():
            if email_claims_release(email=email):
                # The claim's verification email used up the address's email allowance
                # (one per 3 minutes); the person signing up needs theirs now.
                ratelimit.clear(request, action="confirm_email", key=email)
            return super().save(request)


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def clean_email(self) -> str:
        email = super().clean_email()
        # Only the address's owner gets a reset link; with none, allauth emails the address
        # that there is no account for it, with a link to sign up.
        self.users = list(User.objects.owning_email(email).filter(is_active=True))
        return email


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form in BackEase's words (one casing: "Remember me")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Remember me")
