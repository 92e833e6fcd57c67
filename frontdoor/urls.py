from django.urls import path

from frontdoor import api, views, views_beheer

app_name = "frontdoor"

urlpatterns = [
    path("kort-contact/nieuw", views.contact_new, name="contact_new"),
    path("kort-contact/<int:pk>", views.contact, name="contact"),
    path("kort-contact/<int:pk>/dossier", views.contact_convert, name="contact_convert"),
    path("teams/<slug:code>/kort-contact", views.contacts, name="contacts"),
    path("teams/<slug:code>/vroegsignalen", views.inbox, name="inbox"),
    path("vroegsignalen/<int:pk>", views.signal, name="signal"),
    path("functioneel-beheer/vroegsignalen", views_beheer.queue, name="queue"),
    path("functioneel-beheer/vroegsignalen/bestand", views_beheer.upload, name="upload"),
    path("functioneel-beheer/werkgebieden", views_beheer.areas, name="areas"),
    path("api/v1/signals", api.SignalCreateView.as_view(), name="api_signals"),
]
