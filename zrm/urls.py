from django.urls import path
from django.views.generic import RedirectView

app_name = "zrm"

urlpatterns = [
    path("dossiers/<int:pk>/zrm/nieuw", RedirectView.as_view(url="/"), name="new"),
]
