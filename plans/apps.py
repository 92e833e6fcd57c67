from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from cases import extensions, history
        from maatwerk.signals import referral_changed
        from plans import receivers, retention
        from plans.models import Action, Consent, Goal, NetworkContact, Plan
        from plans.panels import consent_panel_context, member_in_plan, open_goals, plan_panel_context, plan_timeline

        extensions.register_dossier_panel(order=30, template="plans/_panel.html", context=plan_panel_context)
        extensions.register_dossier_panel(order=35, template="plans/_consents_panel.html",
                                          context=consent_panel_context)
        extensions.register_timeline_source(plan_timeline)
        extensions.register_open_items(open_goals)
        extensions.register_member_usage(member_in_plan)
        referral_changed.connect(receivers.referral_changed, dispatch_uid="plans.referral_changed")

        extensions.register_destruction_step(retention.destroy, order=20)
        extensions.register_inzage_section(retention.inzage, order=30)
        for model in (Plan, Goal, Action, NetworkContact, Consent):
            history.track(model)
