import io

import pytest
from django.core.management import CommandError, call_command

from reporting.models import ApiClient, hash_token


def test_command_prints_the_token_once_and_stores_its_hash(db):
    out = io.StringIO()
    call_command("create_api_client", "gemeente-utrecht", stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    client = ApiClient.objects.get(name="gemeente-utrecht")
    assert len(token) >= 40 and client.token_hash == hash_token(token)
    with pytest.raises(CommandError):
        call_command("create_api_client", "gemeente-utrecht", stdout=io.StringIO())
