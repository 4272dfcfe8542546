"""BackEase settings: one module, read from the environment.

Every variable, its default and what it does is listed in README.md ("Configuration").
"""

import datetime
from email.utils import parseaddr
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    # A throwaway key so `make run` needs no setup; never used with DEBUG off.
    SECRET_KEY = env("SECRET_KEY", default="django-insecure-dev-only-" + "x" * 40)
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Before the admin: its translation tabs and fallback-aware fields (routines/translation.py).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "allauth",
    "allauth.account",
    "django_countries",
    "accounts",
    "routines",
    "tracking",
    "progress",
    "reminders",
    "safety",
    "plans",
]

MIDDLEWARE = [
    "backease.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files stay cacheable), before everything that can answer.
    "backease.middleware.PrivateResponsesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Private by default: a view must opt out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "backease.middleware.HtmxMiddleware",  # django-htmx's, safe with malformed headers
    "allauth.account.middleware.AccountMiddleware",
    # After authentication: a signed-in person's own language beats the browser's.
    "accounts.middleware.UserLanguageMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.UserTimezoneMiddleware",
]

ROOT_URLCONF = "backease.urls"
# Lets form widgets use templates from templates/ (the pain scale).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "backease.wsgi.application"
ASGI_APPLICATION = "backease.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The emergency alert of every page and the paused start buttons.
                "safety.context_processors.emergency",
                "backease.context_processors.site",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'backease.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the Celery worker share the file without
    # "database is locked" errors under `make run`.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    # Falls back to local memory while Redis is unreachable (backease/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "backease.cache.FailoverRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "backease",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Sessions and the player -----------------------------------------------

# Sessions are read from the cache and kept in the database: a Redis outage falls back to the
# database (backease/cache.py), and logouts made meanwhile are replayed to Redis when it is back.
# The engine is cached_db's, with the person's id on each row (accounts/sessions.py), so
# deleting an account can end every login of that person.
SESSION_ENGINE = "accounts.sessions"
# A login lasts 12 hours at most; without "Remember me" it also ends after 30 idle minutes
# and when the browser closes (accounts.middleware.SessionTimeoutMiddleware).
SESSION_MAX_AGE = datetime.timedelta(hours=env.int("SESSION_MAX_AGE_HOURS", default=12))
SESSION_IDLE_TIMEOUT = datetime.timedelta(minutes=env.int("SESSION_IDLE_MINUTES", default=30))
SESSION_COOKIE_AGE = int(SESSION_MAX_AGE.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A routine session with no activity for this long is closed as partial (never deleted).
SESSION_INACTIVITY_TIMEOUT = datetime.timedelta(
    hours=env.int("SESSION_INACTIVITY_HOURS", default=4)
)
# Scales every player duration; browser tests set it low to run routines in seconds.
PLAYER_TIME_SCALE = env.float("PLAYER_TIME_SCALE", default=1.0)

# --- Accounts ---------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "display_name"]},
    },
    # No email local part or display name inside the password (issue 12).
    {"NAME": "accounts.validators.PersonalInfoValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
# An address belongs to the account that verified it; an unverified one neither blocks a
# sign-up nor receives a password reset (accounts/allauth_forms.py, issue 12).
ACCOUNT_FORMS = {
    "signup": "accounts.allauth_forms.SignupForm",
    "reset_password": "accounts.allauth_forms.ResetPasswordForm",
    "login": "accounts.allauth_forms.LoginForm",
}
# One address per account: a new one waits, unverified, until its link is followed, then
# replaces the old one. BackEase writes to one person at one address; a second address
# would only be one more thing to claim.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "BackEase: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth's rate limits work on the cache: failed logins cool off after a few
# minutes; nothing ever locks an account for good.
# Behind a proxy, allauth must read the client's address from X-Forwarded-For; otherwise
# every person shares the proxy's address and its login limits.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    # Our own views, throttled the way allauth throttles changing the password.
    "delete_account": "5/m/user",
    # Wrong share-link tokens, per client address (safety.views).
    "share_link_guess": "10/m/ip",
}

# --- Email ------------------------------------------------------------------

EMAIL_URL = env("EMAIL_URL", default="")
_email_file_path = env("EMAIL_FILE_PATH", default="")
# Seconds; an SMTP call never hangs a worker.
_email_timeout = env.int("EMAIL_TIMEOUT", default=10)
if EMAIL_URL:
    _email = env.email_url_config(EMAIL_URL)
    if _email["EMAIL_BACKEND"] != "django.core.mail.backends.smtp.EmailBackend":
        raise ImproperlyConfigured(
            "EMAIL_URL must be an SMTP URL (smtp://, smtps:// or smtp+tls://); "
            "leave it empty to keep emails as files (see EMAIL_FILE_PATH)."
        )
    MAILERS = {
        "default": {
            "BACKEND": _email["EMAIL_BACKEND"],
            "OPTIONS": {
                "host": _email.get("EMAIL_HOST", "localhost"),
                "port": _email.get("EMAIL_PORT", 25),
                "username": _email.get("EMAIL_HOST_USER", ""),
                "password": _email.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": _email.get("EMAIL_USE_TLS", False),
                "use_ssl": _email.get("EMAIL_USE_SSL", False),
                "timeout": _email_timeout,
            },
        }
    }
elif DEBUG:
    # `make run`: every email is written under var/mail/ and echoed to the console.
    MAILERS = {
        "default": {
            "BACKEND": "backease.mail.FileAndConsoleBackend",
            "OPTIONS": {"file_path": _email_file_path or str(VAR_DIR / "mail")},
        }
    }
elif _email_file_path:
    # Production without a mail server, by explicit choice (a load test): files only, never
    # the log, which would then hold password-reset links.
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": _email_file_path},
        }
    }
else:
    raise ImproperlyConfigured(
        "EMAIL_URL must be set when DEBUG is off: without a mail server every email, "
        "password-reset links included, would be printed to the server's log. (To keep "
        "emails as files instead, set EMAIL_FILE_PATH.)"
    )
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="BackEase <hello@backease.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Named wherever the app says "contact us" (error pages, emails, account pages).
CONTACT_EMAIL = env("CONTACT_EMAIL", default=parseaddr(DEFAULT_FROM_EMAIL)[1])

# --- Celery -----------------------------------------------------------------

if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    # Zero-setup broker: kombu's filesystem transport under var/celery/.
    _celery_dir = VAR_DIR / "celery"
    for _folder in ("queue", "processed", "control"):
        # kombu expects the folders; the web process, worker and beat all read settings.
        (_celery_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_celery_dir / "queue"),
        "data_folder_out": str(_celery_dir / "queue"),
        "processed_folder": str(_celery_dir / "processed"),
        "store_processed": False,
        # Without this kombu writes its broadcast exchange files to ./control.
        "control_folder": str(_celery_dir / "control"),
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "UTC"
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery closes the database connection after every task unless told to reuse it; the
# worker instead closes connections the way a request does (CONN_MAX_AGE and the health
# check, backease/celery.py), so a busy worker does not open one per task.
CELERY_DB_REUSE_MAX = 1_000_000
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BEAT_SCHEDULE = {
    "close-stale-sessions": {
        "task": "tracking.tasks.close_stale_sessions",
        "schedule": 15 * 60,
    },
    # One task for every reminder: it finds who is due (reminders/services.py).
    "dispatch-reminders": {
        "task": "reminders.tasks.dispatch_reminders",
        "schedule": crontab(minute="*"),
        "options": {"expires": 55},
    },
    # Re-evaluates every user with recent ratings or an open flag (safety/services.py).
    "safety-flags-nightly": {
        "task": "safety.tasks.sweep_flags",
        "schedule": crontab(hour=3, minute=30),
    },
    # Evaluations owed because the broker was down when a rating was saved.
    "safety-catch-up": {
        "task": "safety.tasks.catch_up_evaluations",
        "schedule": 2 * 60,
    },
}

# --- Pain safety (issue 6) -----------------------------------------------------
# Facts, sources and default rules: ../shared/SAFETY.md. Each threshold carries its source;
# the "How BackEase decides" page (/safety/how-we-decide/) shows them to users.

# A meaningful change on the 0-10 NRS: about 2 points or about 30% of the starting level.
# Ostelo et al., Spine 2008;33(1):90-94 (international consensus).
SAFETY_MEANINGFUL_CHANGE_POINTS = 2  # Ostelo 2008
SAFETY_MEANINGFUL_CHANGE_PERCENT = 30  # Ostelo 2008
# No improvement: at least 3 weeks of ratings, last 7-day average 4 or more, and no
# meaningful fall from the first week. NHS: see a GP or physiotherapist if the pain does not
# start to improve within a few weeks; SAFETY.md product rules.
SAFETY_NO_IMPROVEMENT_MIN_WEEKS = 3  # SAFETY.md product rules; NHS "within a few weeks"
SAFETY_NO_IMPROVEMENT_MIN_AVERAGE = 4  # SAFETY.md product rules
# Worsening: the last 7-day average 2 or more points above the 7 days before.
SAFETY_WORSENING_POINTS = 2  # SAFETY.md product rules; Ostelo 2008; NHS "gets worse over time"
# Severe: 8 or more on 3 of the last 7 days. NHS: "very severe" pain.
SAFETY_SEVERE_PAIN = 8  # SAFETY.md product rules; NHS "very severe"
SAFETY_SEVERE_DAYS = 3  # SAFETY.md product rules
# Long-lasting: 4 or more on most rated days for 6 weeks (persistent) or 12 weeks (chronic).
# NHS musculoskeletal services: most episodes settle within about 6 weeks; chronic is
# 12 weeks (3 months) or more by common definition.
SAFETY_LONG_LASTING_PAIN = 4  # SAFETY.md product rules
SAFETY_PERSISTENT_WEEKS = 6  # NHS musculoskeletal services (settles within ~6 weeks)
SAFETY_CHRONIC_WEEKS = 12  # common definition of chronic low back pain (3 months)
# Exercise hurts: in 2 of the last 3 sessions that included an exercise, it was marked as
# hurting or the session's pain rose by 2 or more. Source article: avoid any movement that
# causes pain; Ostelo 2008 for the 2-point rise.
SAFETY_EXERCISE_HURTS_SESSIONS = 3  # SAFETY.md product rules
SAFETY_EXERCISE_HURTS_MIN = 2  # SAFETY.md product rules
SAFETY_EXERCISE_HURTS_RISE = 2  # Ostelo 2008 (meaningful change)
# A 7-day average from fewer rated days than this is too noisy to act on ("too few ratings
# never raises a flag", SAFETY.md). Product choice.
SAFETY_MIN_RATINGS_PER_WEEK = 3  # SAFETY.md "too few ratings"; product choice
# A pain rating of this or more asks the red-flag questions again (issue 6).
SAFETY_RESCREEN_PAIN = 8  # issue 6; NHS "very severe"
# A flag emails once when it opens, once more if still open after this many days, and
# again whenever it becomes more severe (SAFETY.md flag episodes).
SAFETY_REMINDER_DAYS = 7  # SAFETY.md flag episodes
# Share links for a clinician expire after this many days unless revoked earlier.
SAFETY_SHARE_LINK_DAYS = env.int("SAFETY_SHARE_LINK_DAYS", default=14)  # issue 6
# Emergency and urgent-care numbers are per person, by the country in their profile:
# safety/numbers.py (with sources); SAFETY.md "Emergency numbers by country".

# --- Internationalisation and time -----------------------------------------

# The page language: the person's choice in their profile, else the language cookie set by
# the footer's switcher, else the browser's Accept-Language, else English. Adding a language:
# README.md ("Translations"). Each language is named in itself, so anyone can find theirs.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Exercise and routine texts (routines/translation.py): a text missing in a language shows
# the English one (`manage.py missing_translations` lists them).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# English first, then any language that has the text (a routine someone wrote in Spanish).
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "es", "de")
# The language cookie outlives the browser session, like the person's choice in the profile.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_TZ = True

# --- Static files -------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security -----------------------------------------------------------------

# The largest form is a 2,000-character note (24 kB sent, at worst); a body over this cap is
# refused with a 400 before it is read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
# No form takes a file: a request with one is refused before the file is kept (Django would
# otherwise stream files of any size to disk; FILE_UPLOAD_MAX_MEMORY_SIZE only decides
# between memory and disk).
FILE_UPLOAD_HANDLERS = ["backease.uploads.NoFileUploadHandler"]

ADMIN_URL = env("ADMIN_URL", default="admin/")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# X-Forwarded-Proto is believed only from a proxy we put in front: without one, any client
# could send "https" and pass for a secure request.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if ALLAUTH_TRUSTED_PROXY_COUNT > 0 else None
)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# htmx is configured (see templates/base.html) to need neither inline styles nor eval.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# --- Logging ------------------------------------------------------------------

# JSON lines in production (one object per line, with the request id); plain text for
# `make run`. LOG_FORMAT overrides either.
LOG_FORMAT = env("LOG_FORMAT", default="plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "backease.logging.ContextFilter"}},
    "formatters": {
        "json": {"()": "backease.logging.JsonFormatter"},
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s%(task_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["context"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Our own request line replaces these (it has the request id and no raw path).
        "django.server": {"level": "WARNING"},
        "backease.request": {"level": env("REQUEST_LOG_LEVEL", default="INFO")},
    },
}
# The worker and beat log through LOGGING above instead of Celery's own set-up.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
