from django.urls import path

from voice import views

app_name = "voice"

urlpatterns = [
    path("dossiers/<int:pk>/clientervaring/nieuw", views.new, name="new"),
]
