"""Where the tests find the public sample bundle (a copy of ../shared/samples)."""

from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "samples"
SAMPLE_BUNDLE = SAMPLES / "small-bundle"
SAMPLE_EXPECTED = SAMPLES / "small-bundle-expected.csv"
SHARED_SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
V3_EXPECTED = SAMPLES / "v3-bundle-expected.csv"


def v3_codes() -> set[str]:
    """The indicator codes of the v3 families (front door, Wmo toegang, client voice): the v1
    and v2 samples hold none of them; v3-bundle-expected.csv checks them."""
    import csv

    with V3_EXPECTED.open(newline="", encoding="utf-8") as handle:
        return {row["indicator"] for row in csv.DictReader(handle)}
