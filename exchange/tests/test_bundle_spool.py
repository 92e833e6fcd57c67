"""Validated records wait on disk (exchange.spool): written in chunks, read back in the same
order as often as the store asks, dataclass records rebuilt equal, a refused record left out."""

import datetime as dt
from dataclasses import dataclass

import pytest

from exchange import spool as spool_module
from exchange.spool import Spool, close_all


@dataclass(slots=True)
class Record:
    dossier_ref: str
    on: dt.date | None
    minutes: int | None


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(spool_module, "CHUNK", 3)  # several chunks on disk from a few records


def filled(count: int) -> Spool:
    spool = Spool()
    for n in range(count):
        spool[f"R{n}"] = Record(f"D{n % 4}", dt.date(2024, 1, 1 + n % 28), n if n % 2 else None)
    return spool


def test_records_come_back_in_order_and_equal():
    spool = filled(10)
    assert spool.on_disk
    assert len(spool) == 10 and spool
    expected = [(f"R{n}", Record(f"D{n % 4}", dt.date(2024, 1, 1 + n % 28), n if n % 2 else None)) for n in range(10)]
    assert list(spool.items()) == expected
    assert list(spool.items()) == expected  # as often as asked
    assert list(spool) == [key for key, _record in expected]
    assert list(spool.values()) == [record for _key, record in expected]


def test_two_readings_at_once_do_not_disturb_each_other():
    spool = filled(10)
    pairs = [(a, b) for (a, _r), b in zip(spool.items(), spool.keys(), strict=True)]
    assert pairs == [(f"R{n}", f"R{n}") for n in range(10)]


def test_a_deleted_record_is_left_out():
    spool = filled(7)
    del spool["R4"]
    del spool["R4"]
    assert len(spool) == 6
    assert "R4" not in list(spool)


def test_plain_values_and_set_records():
    keyed, members = Spool(), Spool()
    for n in range(5):
        keyed[("D1", f"C{n}")] = "ouder" if n else ""
        members.add(("D1", f"safeguard{n}"))
    assert list(keyed.items())[:2] == [(("D1", "C0"), ""), (("D1", "C1"), "ouder")]
    assert list(members) == [("D1", f"safeguard{n}") for n in range(5)]


def test_an_empty_spool():
    spool = Spool()
    assert not spool and len(spool) == 0 and list(spool.items()) == [] and not spool.on_disk


def test_closing_removes_the_file():
    data = {"a.csv": filled(5), "codes": {"x"}}
    close_all(data)
    assert not data["a.csv"].on_disk
    assert list(data["a.csv"].items()) == []
