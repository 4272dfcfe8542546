"""allauth strings whose Spanish or German wording BackEase changes.

allauth ships its own translations; a msgid listed here is extracted into our catalogues
(`make messages`), and ours win because LOCALE_PATHS comes before the apps' own. Nothing
imports this module: the marks are for makemessages only. (German: "E-Mail", as the Duden
writes it, not "Email", which is enamel.)"""

from django.utils.translation import gettext_noop

ALLAUTH_STRINGS = [
    gettext_noop("Change Email"),
    gettext_noop("Email Address"),
]
