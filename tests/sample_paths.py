"""Where the tests find the public sample bundle (a copy of ../shared/samples)."""

from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "samples"
SAMPLE_BUNDLE = SAMPLES / "small-bundle"
SAMPLE_EXPECTED = SAMPLES / "small-bundle-expected.csv"
SHARED_SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
