"""scripts/fetch_static.py installs every file a vendored file refers to (source maps,
CSS url() and @import) from the same hash-checked tarball, strips a source-map comment
whose map the package lacks, and refuses any other dangling reference: otherwise
collectstatic fails with DEBUG off (ManifestStaticFilesStorage follows the references)."""

import base64
import hashlib
import importlib.util
import io
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("fetch_static", ROOT / "scripts" / "fetch_static.py")
fetch_static = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fetch_static)


def _tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def _package(data: bytes, files: dict[str, str]) -> dict:
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
    return {"name": "lib", "integrity": f"sha512-{digest}", "files": files}


@pytest.fixture
def vendor(tmp_path, monkeypatch):
    monkeypatch.setattr(fetch_static, "VENDOR", tmp_path)
    return tmp_path / "lib"


def test_the_installed_vendor_files_refer_to_nothing_missing():
    vendor = ROOT / "static" / "vendor"
    if not vendor.exists():
        pytest.skip("static/vendor not installed (run scripts/fetch_static.py)")
    assert fetch_static.missing_references(vendor) == []


def test_source_maps_and_css_assets_in_the_package_are_installed_too(vendor):
    data = _tarball({
        "package/dist/lib.min.js": b"var a=1;\n//# sourceMappingURL=lib.min.js.map",
        "package/dist/lib.min.js.map": b"{}",
        "package/dist/lib.css": b"@import 'base.css';\n.a{background:url(\"img/x.svg?v=1#f\")}\n"
                                b".b{background:url(data:image/png;base64,AA==)}\n/*# sourceMappingURL=lib.css.map */",
        "package/dist/base.css": b".c{}",
        "package/dist/img/x.svg": b"<svg/>",
    })
    fetch_static.install(_package(data, {"package/dist/lib.min.js": "lib.min.js", "package/dist/lib.css": "lib.css"}),
                         data)
    installed = sorted(p.relative_to(vendor).as_posix() for p in vendor.rglob("*") if p.is_file())
    assert installed == ["base.css", "img/x.svg", "lib.css", "lib.min.js", "lib.min.js.map"]
    # lib.css.map is not in the package: its comment is stripped, nothing dangles.
    assert b"sourceMappingURL" not in (vendor / "lib.css").read_bytes()
    assert b"sourceMappingURL=lib.min.js.map" in (vendor / "lib.min.js").read_bytes()
    assert fetch_static.missing_references(vendor) == []


def test_a_missing_asset_refuses_the_install(vendor):
    data = _tarball({"package/lib.css": b".a{background:url(font.woff2)}"})
    with pytest.raises(SystemExit, match=r"font\.woff2"):
        fetch_static.install(_package(data, {"package/lib.css": "lib.css"}), data)


def test_a_tampered_tarball_is_refused(vendor):
    data = _tarball({"package/lib.js": b"1"})
    package = _package(data, {"package/lib.js": "lib.js"})
    with pytest.raises(SystemExit, match="integrity"):
        fetch_static.install(package, data + b"x")


def test_an_install_without_its_map_is_detected(vendor):
    """An existing install from before this fix (the .js without its .map) is repaired."""
    vendor.mkdir()
    (vendor / "lib.min.js").write_bytes(b"1;\n//# sourceMappingURL=lib.min.js.map")
    assert fetch_static.missing_references(vendor) == ["lib.min.js refers to lib.min.js.map, which is not installed"]
