from django import template

from cases.services import today
from zrm.development import load_measurements, reminders, units
from zrm.models import Measurement

register = template.Library()


@register.inclusion_tag("zrm/_panel.html", takes_context=True)
def zrm_panel(context, dossier, members):
    """The ZRM section of the dossier page: development per member and domain, the
    measurements, and reminders. A fixed number of queries, however many measurements."""
    request = context.get("request")
    user = getattr(request, "user", None)
    measurements = load_measurements(Measurement.objects.for_user(user).filter(dossier=dossier)) if user else []
    day = today()
    return {
        "dossier": dossier,
        "units": units(members, measurements),
        "reminders": reminders(dossier, measurements, day),
        "can_add": not dossier.is_closed,
        "can_add_final": dossier.is_closed,  # its eindmeting, on the closing date
    }
