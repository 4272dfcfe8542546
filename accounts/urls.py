from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("delete/", views.delete_account, name="delete"),
    path("language/", views.set_language, name="set_language"),
]
