from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "work"
    verbose_name = _("Work (tasks and signals)")

    def ready(self):
        from cases import extensions
        from work import retention
        from work.panels import open_tasks, tasks_panel_context
        from work.services import transfer_task

        extensions.register_dossier_panel(order=15, template="work/_panel.html", context=tasks_panel_context)
        extensions.register_open_items(open_tasks)
        extensions.register_transfer_hook(transfer_task)

        extensions.register_destruction_step(retention.destroy, order=10)
        extensions.register_inzage_section(retention.inzage, order=60)
