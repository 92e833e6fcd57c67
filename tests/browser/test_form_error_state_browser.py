"""Forms in their error state stay readable: after a refused submit the radio and checkbox
options' labels keep the text colour (the --invalid modifier Django also puts on the
options' wrapper must not turn them white) and axe-core finds no serious or critical
violations; before any input a required radio group is not red yet."""

import pytest
from django.utils import timezone

from cases.factories import TeamFactory, user_with_role
from cases.models import Role
from reporting.factories import dossier
from tests.browser.conftest import log_in, require_chromium, serious

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each option label's text colour and its background's, and the radio's border colour.
LABEL_COLOURS = """() => [...document.querySelectorAll('.choices label')].map((label) => ({
  text: label.textContent.trim(), color: getComputedStyle(label).color,
  border: getComputedStyle(label.querySelector('input')).borderTopColor }))"""
WHITE = "rgb(255, 255, 255)"


def test_close_form_options_readable_in_the_error_state_and_not_red_before(page):
    from axe_playwright_python.sync_playwright import Axe

    team = TeamFactory(code="oost")
    coach = user_with_role(Role.TEAMCOACH, team, username="coach-oost")
    open_dossier = dossier(team, timezone.localdate())
    log_in(page, coach.username)
    page.goto(f"/dossiers/{open_dossier.pk}/afsluiten")
    before = page.evaluate(LABEL_COLOURS)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".field-error").count() > 0, "no error state"
    after = page.evaluate(LABEL_COLOURS)
    assert after and all(option["color"] != WHITE for option in after), after
    assert [option["color"] for option in after] == [option["color"] for option in before]
    # Red borders only after the refused submit: the required group is not red before any input.
    invalid_red = {option["border"] for option in after} - {option["border"] for option in before}
    assert invalid_red, "the error state does not mark the options"
    assert serious(Axe().run(page)) == []
