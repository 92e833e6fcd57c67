from django.urls import path

from plans import consent_views, views

app_name = "plans"

urlpatterns = [
    path("dossiers/<int:pk>/plan", views.plan, name="plan"),
    path("dossiers/<int:pk>/plan/afdrukken", views.plan_print, name="print"),
    path("dossiers/<int:pk>/plan/akkoord", views.agree, name="agree"),
    path("dossiers/<int:pk>/plan/doelen/nieuw", views.goal_new, name="goal_new"),
    path("dossiers/<int:pk>/plan/doelen/voorstel", views.goal_suggested, name="goal_suggested"),
    path("dossiers/<int:pk>/plan/doelen/<int:goal_pk>", views.goal_edit, name="goal_edit"),
    path("dossiers/<int:pk>/plan/doelen/<int:goal_pk>/evaluatie", views.goal_status, name="goal_status"),
    path("dossiers/<int:pk>/plan/doelen/<int:goal_pk>/maatwerk", views.goal_refer, name="goal_refer"),
    path("dossiers/<int:pk>/plan/inzet/nieuw", views.action_new, name="action_new"),
    path("dossiers/<int:pk>/plan/inzet/<int:action_pk>", views.action_edit, name="action_edit"),
    path("dossiers/<int:pk>/plan/inzet/<int:action_pk>/verwijderen", views.action_remove, name="action_remove"),
    path("dossiers/<int:pk>/netwerk/nieuw", views.contact_new, name="contact_new"),
    path("dossiers/<int:pk>/netwerk/<int:contact_pk>", views.contact_edit, name="contact_edit"),
    path("dossiers/<int:pk>/netwerk/<int:contact_pk>/verwijderen", views.contact_remove, name="contact_remove"),
    path("dossiers/<int:pk>/toestemming/nieuw", consent_views.consent_new, name="consent_new"),
    path("dossiers/<int:pk>/toestemming/<int:consent_pk>/intrekken", consent_views.consent_withdraw,
         name="consent_withdraw"),
]
