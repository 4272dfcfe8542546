from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan, name="plan"),
    path("start/", views.onboarding, name="onboarding"),
    path("changes/<int:change_id>/<str:decision>/", views.change_decide, name="decide"),
]
