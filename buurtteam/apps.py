from django.contrib.admin.apps import AdminConfig


class BeheerAdminConfig(AdminConfig):
    default_site = "buurtteam.admin_site.BeheerAdminSite"
