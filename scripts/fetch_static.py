"""Install the front-end libraries the dashboards serve from our own static files.

Pinned versions, fetched once from the npm registry at set-up time and checked against
the registry's sha512 integrity hash (as package-lock.json would); nothing is loaded
from a CDN at run time. Uses only the standard library, so a fresh machine needs
nothing but Python."""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "static" / "vendor"

PACKAGES = [
    {
        "name": "chart.js",
        "tarball": "https://registry.npmjs.org/chart.js/-/chart.js-4.6.1.tgz",
        "integrity": "sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g==",
        "files": {"package/dist/chart.umd.min.js": "chart.umd.min.js", "package/LICENSE.md": "LICENSE.md"},
    },
]


def fetch(package: dict) -> None:
    target = VENDOR / package["name"]
    if all((target / name).exists() for name in package["files"].values()):
        return
    with urllib.request.urlopen(package["tarball"], timeout=60) as response:  # noqa: S310 (fixed https URL)
        data = response.read()
    algorithm, expected = package["integrity"].split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        sys.exit(f"{package['name']}: integrity check failed, refusing to install")
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member, name in package["files"].items():
            extracted = archive.extractfile(member)
            if extracted is None:
                sys.exit(f"{package['name']}: {member} missing from the package")
            (target / name).write_bytes(extracted.read())
    print(f"installed {package['name']} into {target}")


if __name__ == "__main__":
    for package in PACKAGES:
        fetch(package)
