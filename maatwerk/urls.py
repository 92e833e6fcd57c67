from django.urls import path

from maatwerk import views

app_name = "maatwerk"

urlpatterns = [
    path("dossiers/<int:pk>/verwijzingen/nieuw", views.new, name="new"),
    path("verwijzingen/<int:pk>", views.detail, name="referral"),
    path("verwijzingen/<int:pk>/besluit", views.decide, name="decide"),
    path("verwijzingen/<int:pk>/zorgperiode", views.care_period, name="care_period"),
    path("verwijzingen/<int:pk>/bezwaar", views.objection, name="objection"),
    path("verwijzingen/<int:pk>/nieuw-besluit", views.redecide, name="redecide"),
    path("teams/<slug:code>/verwijzingen", views.team_overview, name="team_overview"),
]
