from django.urls import path

from . import views

app_name = "safety"
urlpatterns = [
    path("help/", views.help_page, name="help"),
    path("how-we-decide/", views.how_we_decide, name="how_we_decide"),
    path("screening/", views.screening, name="screening"),
    path("screening/skip/", views.screening_skip, name="screening_skip"),
    path("screening/<int:response_id>/", views.screening_result, name="screening_result"),
    path("stop/", views.emergency, name="emergency"),
    path("flags/<int:flag_id>/acknowledge/", views.flag_acknowledge, name="flag_acknowledge"),
    path("summary/", views.summary, name="summary"),
    path("summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("share/", views.share_create, name="share_create"),
    path("share/<int:link_id>/revoke/", views.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", views.shared_summary, name="shared_summary"),
    path("shared/<str:token>/pdf", views.shared_summary_pdf, name="shared_summary_pdf"),
]
