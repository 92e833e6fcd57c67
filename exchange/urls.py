from django.urls import path

from exchange import views

app_name = "exchange"

urlpatterns = [
    path("importeren", views.import_upload, name="import_upload"),
    path("importeren/<int:pk>", views.import_detail, name="import_detail"),
    path("importeren/<int:pk>/bevestigen", views.import_confirm, name="import_confirm"),
    path("importeren/<int:pk>/problemen.txt", views.import_problems, name="import_problems"),
]
