"""A period typed by hand on "Gewijzigde cijfers" (``/cijfers/revisies?period=Q3 2026``)
shows the page with an error next to the overview's period picker, never a 400."""

from django.urls import reverse

from conftest import as_user


def test_a_period_typed_by_hand_is_an_error_next_to_the_picker(client, beleid):
    as_user(client, beleid)
    response = client.get(reverse("reporting:revisions"), {"period": "Q3 2026"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="period-select-error"' in html and "Q3 2026" in html
    assert 'aria-invalid="true"' in html
    assert '<select class="utrecht-select' in html  # the overview's picker, not a text field


def test_a_valid_period_is_selected_in_the_picker(client, beleid):
    as_user(client, beleid)
    response = client.get(reverse("reporting:revisions"), {"period": "2026-Q2"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="2026-Q2" selected' in html
    assert 'id="period-select-error"' not in html
