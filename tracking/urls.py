from django.urls import path

from . import views

app_name = "tracking"
urlpatterns = [
    path("start/<slug:slug>/", views.session_start, name="start"),
    path("sessions/<int:session_id>/play/", views.player, name="player"),
    path("sessions/<int:session_id>/play/<str:action>/", views.transition, name="transition"),
    path("sessions/<int:session_id>/end/", views.session_end, name="end"),
    path("sessions/<int:session_id>/finish/", views.session_finish, name="finish"),
    path("sessions/<int:session_id>/", views.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:session_id>/delete/", views.session_delete, name="session_delete"),
    path("player/sound/", views.toggle_sound, name="toggle_sound"),
    path("history/", views.history, name="history"),
    path("check-in/", views.checkin, name="checkin"),
    path("check-in/questions/", views.checkin_questions, name="checkin_questions"),
    path("check-ins/<int:checkin_id>/delete/", views.checkin_delete, name="checkin_delete"),
]
