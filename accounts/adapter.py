import contextlib
import logging
import smtplib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .services import email_claims_release

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def confirm_email(self, request, email_address) -> bool:
        """Whoever verifies an address gets it: every other account's unverified claim on it
        goes first (with ACCOUNT_CHANGE_EMAIL the account then moves to the address, which
        must be free)."""
        first = not EmailAddress.objects.filter(user=email_address.user, verified=True).exists()
        with transaction.atomic():
            if email_address.can_set_verified():
                email_claims_release(email=email_address.email, keep=email_address.user)
            confirmed = super().confirm_email(request, email_address)
        if confirmed and first and request is not None:
            # Offered once the person is in (the confirmation logs them in): offered at
            # sign-up, the link led to the login page.
            messages.info(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("Would a daily reminder help? You can choose a time and days."),
                    reverse("reminders:settings"),
                    _("Set up a reminder"),
                ),
            )
        return confirmed

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """A mail-server outage must not turn sign-up or a password reset into a 500:
        the account is saved, and the person is told to ask for the email again later.

        The email speaks the person's own language when they have one (a password reset
        asked for from someone else's browser), else the page's."""
        context = {**context, "contact_email": settings.CONTACT_EMAIL}
        language = getattr(context.get("user"), "language", "")
        try:
            with translation.override(language) if language else contextlib.nullcontext():
                super().send_mail(template_prefix, email, context)
        except (smtplib.SMTPException, OSError):
            logger.warning("accounts: could not send the %s email", template_prefix.split("/")[-1])
            if self.request is not None:
                messages.warning(
                    self.request,
                    _(
                        "We couldn’t send you an email just now. Please ask for it again in a "
                        "few minutes."
                    ),
                )
