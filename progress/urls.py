from django.urls import path

from . import views

app_name = "progress"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("progress/", views.progress, name="progress"),
    path("progress/goal/", views.goal_settings, name="settings"),
    path("progress/pauses/<int:pause_id>/delete/", views.pause_delete, name="pause_delete"),
    path("progress/log-yesterday/", views.log_yesterday, name="log_yesterday"),
    path("progress/export.<str:fmt>", views.export, name="export"),
]
