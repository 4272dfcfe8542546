import logging
import smtplib

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """A mail-server outage must not turn sign-up or a password reset into a 500:
        the account is saved, and the person is told to ask for the email again later."""
        try:
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
