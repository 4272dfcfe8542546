from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("accounts.allauth_urls")),  # allauth, invalid forms answer 400
    path("account/", include("accounts.urls")),
    path("routines/", include("routines.urls")),
    path("", include("tracking.urls")),
    path("", include("progress.urls")),
    path("reminders/", include("reminders.urls")),
    path("safety/", include("safety.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler500 = views.server_error
