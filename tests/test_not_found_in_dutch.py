"""An unknown page is answered with our Dutch 404 page, also with DEBUG on (the set-up
`make run` starts): never Django's English technical page with the URL patterns."""

import pytest

from conftest import as_user


@pytest.mark.parametrize("path", ["/bestaat-niet", "/dossiers/999999"])
def test_not_found_is_dutch_with_debug_on(client, settings, generalist_a, path):
    settings.DEBUG = True
    response = as_user(client, generalist_a).get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html
    assert "Using the URLconf" not in html and "Page not found" not in html


def test_the_api_keeps_problem_json(client, settings):
    settings.DEBUG = True
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code in (401, 403, 404)
    assert "Using the URLconf" not in response.content.decode()
