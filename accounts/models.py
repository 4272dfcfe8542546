import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


def validate_time_zone(value: str) -> None:
    if value not in available_time_zones():
        raise ValidationError(_("“%(value)s” is not a time zone we know."), params={"value": value})


def available_time_zones() -> set[str]:
    return zoneinfo.available_timezones()


class EmailUserManager(UserManager):
    """Users sign in with their email address; there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    # An address belongs to an account once it is verified there. An unverified address is
    # only a claim: it never keeps anyone else from signing up and never receives a password
    # reset (accounts/allauth_forms.py). Whoever verifies the address gets it.

    def unclaimed_sign_ups(self, email: str) -> models.QuerySet["User"]:
        """Accounts signed up with this address and never verified: with verification
        mandatory nobody has ever logged in to them, so they hold no one's data."""
        return self.filter(
            email__iexact=email,
            last_login__isnull=True,
            # An operator's account made with createsuperuser gets its allauth address row,
            # unverified, on its first login attempt on the site: still theirs.
            is_staff=False,
            emailaddress__email__iexact=email,
            emailaddress__verified=False,
        ).distinct()

    def owning_email(self, email: str) -> models.QuerySet["User"]:
        """The account this address belongs to: the one that verified it, or one whose own
        address it is and that is not an unclaimed sign-up (accounts made by the operator
        with createsuperuser have no allauth address row, and are still someone's)."""
        verified = models.Q(emailaddress__email__iexact=email, emailaddress__verified=True)
        return (
            self.filter(verified | models.Q(email__iexact=email))
            .exclude(pk__in=self.unclaimed_sign_ups(email).values("pk"))
            .distinct()
        )


class User(AbstractUser):
    """A BackEase account. The profile (display name, time zone) lives on the user
    itself: every page needs it and a separate table would only add a join."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    # Chosen in the profile (first guessed from the time zone): the emergency and
    # urgent-care numbers BackEase shows are this country's.
    # (db_default: rows written by raw SQL, such as the benchmarks', need no country.)
    country = CountryField(_("country"), blank=True, default="", db_default="")

    # The language the person picked (profile or the footer's switcher); empty until then,
    # and pages follow the browser's. Emails and the PDF, made outside a request, use
    # `email_language`. Not a choices field: adding a language needs no migration.
    language = models.CharField(_("language"), max_length=10, blank=True, default="", db_default="")

    # Preferences used across the app.
    sound_muted = models.BooleanField(_("mute player sounds"), default=False)
    weekly_goal = models.PositiveSmallIntegerField(
        _("weekly goal (days)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )
    preferred_routine = models.ForeignKey(
        "routines.Routine",
        verbose_name=_("my routine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    def __str__(self) -> str:
        return self.email

    @property
    def name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    @property
    def email_language(self) -> str:
        """The language of what BackEase makes for this person outside a request."""
        return (
            self.language if self.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class LoginSession(AbstractBaseSession):
    """Django's session row, with the person it is logged in as (accounts/sessions.py), so
    that all of a person's logins can be found and ended together, as deleting the account
    does."""

    # No database constraint: a request still in flight when its account is deleted may
    # save its session afterwards, and that must not fail. The user no longer exists, so
    # the row logs nobody in.
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore

        return SessionStore
