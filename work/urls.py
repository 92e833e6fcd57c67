from django.urls import path

from work import views

app_name = "work"

urlpatterns = [
    path("mijn-werk", views.my_work, name="my_work"),
    path("mijn-werk/signalen-bijwerken", views.refresh_signals, name="refresh_signals"),
    path("caseload", views.coach_home, name="coach_home"),
    path("dossiers/<int:pk>/taken/nieuw", views.task_new, name="task_new"),
    path("dossiers/<int:pk>/taken/<int:task_pk>/klaar", views.task_complete, name="task_complete"),
    path("dossiers/<int:pk>/taken/<int:task_pk>/toewijzen", views.task_reassign, name="task_reassign"),
    path("teams/<slug:code>/caseload", views.caseload, name="caseload"),
    path("teams/<slug:code>/caseload/<int:user_pk>", views.worker_dossiers, name="worker_dossiers"),
    path("teams/<slug:code>/intake", views.intake, name="intake"),
]
