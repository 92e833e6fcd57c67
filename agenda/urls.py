from django.urls import path

from agenda import views, views_feed, views_letters

app_name = "agenda"

urlpatterns = [
    path("dossiers/<int:pk>/afspraken", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/afspraken/nieuw", views.plan, name="plan"),
    path("afspraken/<int:pk>", views.appointment, name="appointment"),
    path("afspraken/<int:pk>/wijzigen", views.edit, name="edit"),
    path("agenda/dag", views.my_calendar, {"view": "dag"}, name="day"),
    path("agenda/week", views.my_calendar, {"view": "week"}, name="week"),
    path("teams/<slug:code>/agenda", views.team_week, name="team"),
    path("agenda/abonnement", views_feed.feed_settings, name="feed_settings"),
    path("agenda/ical/<str:token>.ics", views_feed.feed, name="feed"),
    path("dossiers/<int:pk>/brieven/nieuw", views_letters.letter_new, name="letter_new"),
    path("brieven/<int:pk>", views_letters.letter, name="letter"),
    path("functioneel-beheer/brieven", views_letters.templates, name="templates"),
    path("functioneel-beheer/brieven/nieuw", views_letters.template_edit, name="template_new"),
    path("functioneel-beheer/brieven/<int:pk>", views_letters.template_edit, name="template"),
    path("functioneel-beheer/brieven/<int:pk>/voorbeeld.pdf", views_letters.template_preview, name="template_preview"),
]
