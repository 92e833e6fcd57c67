"""``{% form_key %}``: the hidden one-time key of a POST form (cases.form_keys). Registered
as a built-in template library in settings, so every template can use it without a load."""

from django import template

from cases.form_keys import hidden_input

register = template.Library()


@register.simple_tag
def form_key():
    return hidden_input()  # format_html: safe and escaped
