from allauth.account.decorators import secure_admin_login
from allauth.decorators import rate_limit
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views

# The admin's own login form checks passwords with no throttle. Logging in goes through
# allauth's instead (failed attempts cool off: ACCOUNT_RATE_LIMITS["login_failed"]), and its
# password form is throttled like allauth's.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.password_change = rate_limit(action="change_password")(admin.site.password_change)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("accounts/", include("accounts.allauth_urls")),  # allauth, invalid forms answer 400
    path("account/", include("accounts.urls")),
    path("routines/", include("routines.urls")),
    path("", include("tracking.urls")),
    path("", include("progress.urls")),
    path("reminders/", include("reminders.urls")),
    path("safety/", include("safety.urls")),
    path("plan/", include("plans.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler500 = views.server_error
