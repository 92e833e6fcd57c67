import pytest
from django.core.exceptions import ValidationError

from cases.factories import random_bsn
from cases.validators import is_valid_bsn, validate_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019"])
def test_known_valid_numbers_pass(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",  # weighted sum 156: not a multiple of 11
        "111222334",  # one digit off
        "000000000",  # sum 0 is not allowed
        "12345678",  # too short
        "1234567820",  # too long
        "12345678a",
        "１２３４５６７８２",  # full-width digits are not ASCII digits
        "",
    ],
)
def test_invalid_numbers_fail(bsn):
    assert not is_valid_bsn(bsn)


def test_validator_message_is_dutch_friendly():
    with pytest.raises(ValidationError) as excinfo:
        validate_bsn("123456789")
    assert excinfo.value.code == "invalid_bsn"


def test_empty_bsn_is_allowed_by_the_validator():
    validate_bsn("")


def test_generated_numbers_pass():
    assert all(is_valid_bsn(random_bsn()) for _ in range(200))
