from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from buurtteam import views
from staffauth.middleware import second_factor_not_required
from staffauth.views import StaffLoginView

urlpatterns = [
    path("accounts/login/", second_factor_not_required(StaffLoginView.as_view()), name="login"),
    path("accounts/logout/", second_factor_not_required(auth_views.LogoutView.as_view()), name="logout"),
    path("i18n/setlang/", second_factor_not_required(login_not_required(set_language)), name="set_language"),
    path("", include("staffauth.urls")),
    path("functioneel-beheer", views.beheer_home, name="beheer_home"),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("reporting.api.urls")),
    path("", include("cases.urls")),
    path("", include("zrm.urls")),
    path("", include("maatwerk.urls")),
    path("", include("plans.urls")),
    path("", include("reporting.urls")),
    path("", include("exchange.urls")),
    path("", include("journal.urls")),
    path("", include("work.urls")),
    path("", include("portal.urls_staff")),
    path("", include("toegang.urls")),
    path("", include("frontdoor.urls")),
    path("", include("agenda.urls")),
    path("", include("voice.urls")),
    path("mijn/", include("portal.urls")),
]

handler404 = "buurtteam.views.page_not_found"
