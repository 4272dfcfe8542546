from django.urls import path

from . import views

app_name = "routines"
urlpatterns = [
    path("", views.library, name="library"),
    # Before the routine pattern, which would otherwise take "exercises" for a slug.
    path("exercises/", views.exercise_list, name="exercises"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    # A person's own routines (the builder).
    path("mine/new/", views.routine_new, name="new"),
    path("mine/<int:routine_id>/", views.routine_builder, name="builder"),
    path("mine/<int:routine_id>/steps/", views.step_add, name="step_add"),
    path("mine/<int:routine_id>/steps/<int:step_id>/", views.step_change, name="step"),
    path("mine/<int:routine_id>/order/", views.steps_order, name="order"),
    path("mine/<int:routine_id>/delete/", views.routine_delete, name="delete"),
    path("<slug:slug>/", views.routine_detail, name="detail"),
]
