from django.urls import path

from . import views

app_name = "routines"
urlpatterns = [
    path("", views.library, name="library"),
    path("<slug:slug>/", views.routine_detail, name="detail"),
]
