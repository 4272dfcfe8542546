from django.urls import path

from . import views

app_name = "routines"
urlpatterns = [
    path("", views.library, name="library"),
    # Before the routine pattern, which would otherwise take "exercises" for a slug.
    path("exercises/", views.exercise_list, name="exercises"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    path("<slug:slug>/", views.routine_detail, name="detail"),
]
