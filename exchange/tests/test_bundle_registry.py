"""The bundle is composed from the apps: each app describes its own files in its
``bundle.py``; exchange finds them and reads them in the spec's order."""

from exchange import registry

SPEC_ORDER = [
    "teams.csv", "referrers.csv", "providers.csv", "products.csv", "clients.csv", "dossiers.csv",
    "dossier_clients.csv", "dossier_safeguards.csv", "zrm.csv", "referrals.csv",
]


def test_every_app_with_bundle_files_contributes_them_in_the_specs_order():
    names = [spec.name for spec in registry.files()]
    assert [name for name in names if name in SPEC_ORDER] == SPEC_ORDER
    apps = {part.app for part in registry.parts()}
    assert {"cases", "zrm", "maatwerk"} <= apps
    assert "exchange" not in apps  # exchange composes, it owns no data in the bundle


def test_parts_come_after_the_parts_they_refer_to():
    parts = registry.parts()
    assert [part.order for part in parts] == sorted(part.order for part in parts)
    assert parts[0].app == "cases"  # every other file refers to its dossiers and clients


def test_dossiers_csv_is_the_one_required_file():
    assert registry.required_files() == ("dossiers.csv",)


def test_each_file_belongs_to_the_app_that_owns_its_table():
    owners = {spec.name: part.app for part in registry.parts() for spec in part.files}
    assert owners["zrm.csv"] == "zrm"
    assert owners["referrals.csv"] == owners["providers.csv"] == "maatwerk"
    assert owners["dossiers.csv"] == owners["clients.csv"] == "cases"
