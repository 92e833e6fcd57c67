"""The repository's copy of the sample equals the shared original (when it is present)."""

import filecmp

import pytest

from tests.sample_paths import SAMPLES, SHARED_SAMPLES


@pytest.mark.skipif(not SHARED_SAMPLES.is_dir(), reason="../shared/samples is not next to this clone")
def test_copy_equals_the_shared_samples():
    comparison = filecmp.dircmp(SHARED_SAMPLES / "small-bundle", SAMPLES / "small-bundle")
    assert not (comparison.left_only or comparison.right_only or comparison.diff_files)
    assert filecmp.cmp(SHARED_SAMPLES / "small-bundle-expected.csv", SAMPLES / "small-bundle-expected.csv",
                       shallow=False)
