from django.contrib.admin.apps import AdminConfig


class BeheerAdminConfig(AdminConfig):
    default_site = "cases.admin_site.BeheerAdminSite"
