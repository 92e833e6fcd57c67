from django.urls import path

from staffauth import oidc, views

app_name = "staffauth"
urlpatterns = [
    path("accounts/tweestaps/instellen/", views.enrol, name="enrol"),
    path("accounts/tweestaps/", views.verify, name="verify"),
    path("accounts/tweestaps/herstelcode/", views.use_recovery_code, name="recovery"),
    path("accounts/tweestaps/herstelcodes/", views.recovery_codes, name="recovery_codes"),
    path("accounts/tweestaps/mijn-instellingen/", views.own_settings, name="settings"),
    path("accounts/sso/", oidc.authenticate, name="oidc_authenticate"),
    path("accounts/sso/callback/", oidc.callback, name="oidc_callback"),
    path("accounts/wachtwoord/<uidb64>/<token>/", views.PasswordSetView.as_view(), name="password_set"),
    path("functioneel-beheer/tweestaps/", views.staff_devices, name="staff_devices"),
    path("functioneel-beheer/tweestaps/<int:user_pk>/herstellen/", views.reset, name="reset"),
    path("functioneel-beheer/tweestaps/herstel/<int:reset_pk>/bevestigen/", views.confirm_reset,
         name="confirm_reset"),
]
