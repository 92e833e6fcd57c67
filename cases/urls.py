from django.urls import path

from cases.views import access, accesslog, clients, dossiers, history, home, lifecycle, retention

app_name = "cases"

urlpatterns = [
    path("", home.home, name="home"),
    path("dossiers", dossiers.my_dossiers, name="my_dossiers"),
    path("dossiers/nieuw", lifecycle.register, name="register"),
    path("dossiers/<int:pk>", dossiers.dossier_detail, name="dossier"),
    path("dossiers/<int:pk>/gegevens", lifecycle.edit_details, name="edit_details"),
    path("dossiers/<int:pk>/eerste-contact", lifecycle.first_contact, name="first_contact"),
    path("dossiers/<int:pk>/start", lifecycle.start_support, name="start_support"),
    path("dossiers/<int:pk>/leden/nieuw", lifecycle.add_member, name="add_member"),
    path("dossiers/<int:pk>/leden/<int:member_pk>/verwijderen", lifecycle.remove_member, name="remove_member"),
    path("dossiers/<int:pk>/overdragen", lifecycle.transfer, name="transfer"),
    path("dossiers/<int:pk>/afsluiten", lifecycle.close, name="close"),
    path("dossiers/<int:pk>/heropenen", lifecycle.reopen, name="reopen"),
    path("dossiers/<int:pk>/geschiedenis", history.dossier_history, name="dossier_history"),
    path("teams/<slug:code>/dossiers", dossiers.team_dossiers, name="team_dossiers"),
    path("teams/<slug:code>/wachtlijst", dossiers.waiting_list, name="waiting_list"),
    path("clienten/<int:pk>", clients.client_detail, name="client"),
    path("clienten/<int:pk>/bewerken", clients.client_edit, name="client_edit"),
    path("clienten/<int:pk>/geschiedenis", history.client_history, name="client_history"),
    path("toegang/bevestigen", access.awaiting_confirmation, name="access_confirm"),
    path("toegang/bevestigen/<int:pk>", access.confirm, name="access_confirm_one"),
    path("toegangslog", accesslog.access_log, name="access_log"),
    path("toegangslog/clienten/<int:client_pk>.csv", accesslog.access_log_export, name="access_log_export"),
    path("bewaartermijn", retention.retention_overview, name="retention"),
    path("bewaartermijn/vernietiging/<int:pk>", retention.destruction_detail, name="destruction"),
    path("inzage", retention.inzage_page, name="inzage"),
    path("inzage/clienten/<int:client_pk>.pdf", retention.inzage_export, {"fmt": "pdf"}, name="inzage_pdf"),
    path("inzage/clienten/<int:client_pk>.json", retention.inzage_export, {"fmt": "json"}, name="inzage_json"),
]
