from django.urls import path
from django.views.generic import RedirectView

app_name = "maatwerk"

urlpatterns = [
    path("dossiers/<int:pk>/verwijzingen/nieuw", RedirectView.as_view(url="/"), name="new"),
    path("teams/<slug:code>/verwijzingen", RedirectView.as_view(url="/"), name="team_overview"),
]
