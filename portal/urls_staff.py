from django.urls import path

from portal import views_staff

app_name = "portal_staff"

urlpatterns = [
    path("dossiers/<int:pk>/mijn-buurtteam", views_staff.overview, name="overview"),
    path("dossiers/<int:pk>/mijn-buurtteam/uitnodigen", views_staff.invite, name="invite"),
    path("dossiers/<int:pk>/mijn-buurtteam/voorstellen/<int:proposal_pk>", views_staff.decide, name="decide"),
    path("dossiers/<int:pk>/mijn-buurtteam/doelen/<int:goal_pk>/reactie", views_staff.comment, name="comment"),
    path("dossiers/<int:pk>/mijn-buurtteam/doelen/<int:goal_pk>/derde", views_staff.invite_third_party,
         name="invite_third_party"),
    path("dossiers/<int:pk>/mijn-buurtteam/doelen/<int:goal_pk>/e-health", views_staff.offer_app, name="offer_app"),
    path("dossiers/<int:pk>/mijn-buurtteam/bericht", views_staff.message, name="message"),
    path("dossiers/<int:pk>/mijn-buurtteam/documenten/<int:document_pk>", views_staff.share, name="share"),
    path("dossiers/<int:pk>/mijn-buurtteam/uitnodigingen/<int:invitation_pk>/intrekken", views_staff.withdraw,
         name="withdraw"),
]
