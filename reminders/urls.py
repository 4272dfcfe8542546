from django.urls import path

from . import views

app_name = "reminders"
urlpatterns = [
    path("", views.reminder_settings, name="settings"),
    path("<int:schedule_id>/", views.reminder_edit, name="edit"),
    path("<int:schedule_id>/delete/", views.reminder_delete, name="delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
