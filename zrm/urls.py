from django.urls import path

from zrm import views

app_name = "zrm"

urlpatterns = [
    path("dossiers/<int:pk>/zrm/nieuw", views.new, name="new"),
    path("dossiers/<int:pk>/zrm/<int:measurement_pk>", views.detail, name="detail"),
    path("dossiers/<int:pk>/zrm/<int:measurement_pk>/bewerken", views.edit, name="edit"),
    path("dossiers/<int:pk>/zrm/<int:measurement_pk>/intrekken", views.withdraw, name="withdraw"),
]
