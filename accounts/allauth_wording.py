# ruff: noqa: E501  (msgids are quoted whole, exactly as allauth and Django write them)
"""allauth's and Django's account strings whose Spanish or German wording BackEase changes.

allauth and Django ship their own translations; a msgid listed here is extracted into our
catalogues (`make messages`), and ours win because LOCALE_PATHS comes before the apps' own.
Nothing imports this module: the marks are for makemessages only. Spanish: the informal "tú"
of the rest of BackEase on the account pages and emails people meet first (the shipped
catalogue mixes in "usted"); German: "E-Mail", as the Duden writes it (not "Email", enamel),
and "du" throughout."""

from django.utils.translation import gettext_noop, ngettext_lazy

ALLAUTH_STRINGS = [
    gettext_noop("Change Email"),
    gettext_noop("Email Address"),
    gettext_noop("Forgot your password?"),
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop("Verify Your Email Address"),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."
    ),
    gettext_noop("Please Confirm Your Email Address"),
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),
    gettext_noop(
        "You're receiving this email because you or someone else has requested a password reset for your user account.\nIt can be safely ignored if you did not request a password reset. Click the link below to reset your password."
    ),
    gettext_noop("Your password has been changed."),
    gettext_noop("Your password has been reset."),
    gettext_noop("Your password is now changed."),
    gettext_noop("Please type your current password."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
]
DJANGO_PLURALS = [
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
]
