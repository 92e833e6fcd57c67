from django.urls import path

from journal import views

app_name = "journal"

urlpatterns = [
    path("dossiers/<int:pk>/journaal", views.entry_list, name="list"),
    path("dossiers/<int:pk>/journaal/nieuw", views.entry_new, name="new"),
    path("dossiers/<int:pk>/journaal/<int:entry_pk>/corrigeren", views.entry_correct, name="correct"),
    path("dossiers/<int:pk>/journaal.csv", views.entry_export, name="export"),
    path("dossiers/<int:pk>/documenten/nieuw", views.document_new, name="document_new"),
    path("dossiers/<int:pk>/documenten/<int:document_pk>", views.document_download, name="document"),
]
