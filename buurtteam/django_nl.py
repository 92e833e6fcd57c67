"""Django's own messages that its Dutch catalogue lacks for our settings, so that makemessages
puts them in locale/nl (which comes first): a resident choosing a password reads Dutch."""

from django.utils.translation import gettext_noop, ngettext_lazy

PASSWORD_VALIDATION = (
    ngettext_lazy("This password is too short. It must contain at least %d character.",
                  "This password is too short. It must contain at least %d characters.", 12),
    ngettext_lazy("Your password must contain at least %(min_length)d character.",
                  "Your password must contain at least %(min_length)d characters.", 12),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
)
