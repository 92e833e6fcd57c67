from django.urls import path

from toegang import views, views_beheer, views_iwmo

app_name = "toegang"

urlpatterns = [
    path("dossiers/<int:pk>/wmo", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/wmo/meldingen/nieuw", views.melding_new, name="melding_new"),
    path("wmo/meldingen/<int:pk>", views.melding, name="melding"),
    path("wmo/meldingen/<int:pk>/verslag.pdf", views.verslag_pdf, name="verslag_pdf"),
    path("wmo/beschikkingen/<int:pk>", views.letter, name="letter"),
    path("teams/<slug:code>/wmo", views.team_overview, name="team"),
    path("teams/<slug:code>/iwmo", views_iwmo.team_messages, name="messages"),
    path("iwmo/berichten/<int:pk>", views_iwmo.message, name="message"),
    path("iwmo/verzoeken/<int:pk>", views_iwmo.provider_request, name="request"),
    path("functioneel-beheer/iwmo", views_beheer.refused, name="refused"),
    path("functioneel-beheer/iwmo/<int:pk>", views_beheer.refused_message, name="refused_message"),
]
