from django.urls import path

from portal import oidc, views, views_agenda, views_auth, views_invitee, views_voice, views_wmo

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views_auth.login_view, name="login"),
    path("inloggen/code/", views_auth.login_code, name="login_code"),
    path("digid/", oidc.authenticate, name="oidc_authenticate"),
    path("digid/terug/", oidc.callback, name="oidc_callback"),
    path("uitloggen/", views_auth.logout_view, name="logout"),
    path("uitnodiging/", views_auth.accept_code, name="accept_code"),
    path("uitnodiging/<str:token>/", views_auth.accept_link, name="accept"),
    path("dossier/<int:pk>/", views.dossier, name="dossier"),
    path("dossier/<int:pk>/doelen/nieuw/", views.goal_new, name="goal_new"),
    path("dossier/<int:pk>/doelen/<int:goal_pk>/", views.goal, name="goal"),
    path("dossier/<int:pk>/inzet/<int:action_pk>/klaar/", views.action_done, name="action_done"),
    path("dossier/<int:pk>/berichten/", views.message_list, name="messages"),
    path("dossier/<int:pk>/documenten/<int:document_pk>/", views.document, name="document"),
    path("doel/<int:goal_pk>/", views_invitee.invitee_goal, name="invitee_goal"),
    path("dossier/<int:pk>/zelfscan/", views_voice.zelfscan, name="zelfscan"),
    path("dossier/<int:pk>/vragenlijst/", views_voice.questionnaire, name="questionnaire"),
    path("dossier/<int:pk>/verslag/<int:melding_pk>/", views_wmo.verslag, name="wmo_verslag"),
    path("dossier/<int:pk>/besluiten/<int:letter_pk>/", views_wmo.letter, name="wmo_letter"),
    path("dossier/<int:pk>/afspraken/herinneringen/", views_agenda.reminders, name="reminders"),
]
