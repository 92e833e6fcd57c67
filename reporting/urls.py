from django.urls import path

from reporting import frozen_views, views

app_name = "reporting"

urlpatterns = [
    path("cijfers", views.home, name="home"),
    path("cijfers/organisatie", views.organisation, name="organisation"),
    path("cijfers/organisatie.xlsx", views.organisation_xlsx, name="organisation_xlsx"),
    path("cijfers/organisatie.csv", views.organisation_csv, name="organisation_csv"),
    path("cijfers/organisatie-alle-cijfers.csv", views.organisation_figures_csv, name="organisation_figures_csv"),
    path("cijfers/herberekenen", views.recompute, name="recompute"),
    path("cijfers/vaststellen", frozen_views.freeze, name="freeze"),
    path("cijfers/revisies", frozen_views.revisions, name="revisions"),
    path("teams/<slug:code>/dashboard", views.team_dashboard, name="team_dashboard"),
    path("teams/<slug:code>/kwaliteit/<slug:kind>", views.quality_list, name="quality_list"),
    path("teams/<slug:code>/revisies", frozen_views.revision_dossiers, name="revision_dossiers"),
]
