"""Schemathesis against the served OpenAPI document: generated requests (bounded, fixed
seed) to every endpoint; no 5xx, every error Problem JSON, every status and body as
documented. Runs in the normal suite (SQLite or PostgreSQL alike)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from cases.factories import TeamFactory
from reporting.models import ApiClient
from reporting.tests.api_helpers import stored_rows


@schemathesis.check
def problem_json_errors(ctx, response, case):
    """Every API error is Problem JSON (RFC 9457) with its status in the body."""
    if response.status_code >= 400:
        headers = {name.lower(): values for name, values in response.headers.items()}
        content_type = headers.get("content-type", [""])[0]
        assert content_type.startswith("application/problem+json"), f"{response.status_code} as {content_type}"
        assert response.json()["status"] == response.status_code


# The document as the app serves it (the schema view needs no database).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
# The same document for requests with a valid token: the test sends the Authorization header
# itself, so none is generated (a "negative" case without it would get the token back and
# be answered 200, which Schemathesis reports as a schema-violating request accepted).
with_token = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
with_token.config.generation.update(with_security_parameters=False)


# A schema cannot say "a team code that exists": an unknown team is a documented 400, so
# "schema-valid data must be accepted" does not hold; every other check does.
NOT_EXPRESSIBLE = [positive_data_acceptance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go through the WSGI handler, which closes the database connection when a
    request finishes; inside a test transaction that would close the test's own connection
    (PostgreSQL: "the connection is closed"). Django's test client does the same."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    team = TeamFactory(code="team-a")
    stored_rows("2019-Q2", [team])
    return ApiClient.create_with_token("gemeente-fuzz")[1]


@with_token.parametrize()
@settings(max_examples=20, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_api_answers_as_documented(case, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, additional_checks=[problem_json_errors],
                           excluded_checks=NOT_EXPRESSIBLE)


@schema.parametrize()
@settings(max_examples=5, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_api_without_a_token_answers_as_documented(case, db):
    case.call_and_validate(additional_checks=[problem_json_errors], excluded_checks=NOT_EXPRESSIBLE)
