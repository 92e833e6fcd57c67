from django.urls import path
from django.views.generic import RedirectView

app_name = "reporting"

urlpatterns = [
    path("cijfers", RedirectView.as_view(url="/"), name="home"),
    path("cijfers/organisatie", RedirectView.as_view(url="/"), name="organisation"),
    path("teams/<slug:code>/dashboard", RedirectView.as_view(url="/"), name="team_dashboard"),
]
