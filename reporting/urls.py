from django.urls import path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("cijfers", views.home, name="home"),
    path("cijfers/organisatie", views.organisation, name="organisation"),
    path("cijfers/organisatie.xlsx", views.organisation_xlsx, name="organisation_xlsx"),
    path("cijfers/organisatie.csv", views.organisation_csv, name="organisation_csv"),
    path("cijfers/herberekenen", views.recompute, name="recompute"),
    path("teams/<slug:code>/dashboard", views.team_dashboard, name="team_dashboard"),
    path("teams/<slug:code>/kwaliteit/<slug:kind>", views.quality_list, name="quality_list"),
]
