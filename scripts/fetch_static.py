"""Install the front-end libraries the dashboards serve from our own static files.

Pinned versions, fetched once at set-up time with ``npm pack`` (from the npm registry npm
is configured for) and checked against the registry's sha512 integrity hash (as
package-lock.json would); nothing is loaded from a CDN at run time. Needs Python and npm."""

import base64
import hashlib
import io
import posixpath
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "static" / "vendor"

PACKAGES = [
    {
        "name": "chart.js",
        "version": "4.6.1",
        "integrity": "sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g==",
        "files": {"package/dist/chart.umd.min.js": "chart.umd.min.js", "package/LICENSE.md": "LICENSE.md"},
    },
    # NL Design System: the component library's CSS (BEM classes in index.css, plain HTML
    # elements inside .utrecht-html in html.css; EUPL-1.2) and the Utrecht theme's design
    # tokens (CSS custom properties under .utrecht-theme; Gemeente Utrecht's own licence).
    {
        "name": "@utrecht/component-library-css",
        "version": "9.0.4",
        "integrity": "sha512-gVA7D6GfP9/+fzehkYLSBR+0UPUTA97PZmgvTYQE88lPQhHGMlUk8FjmCpLKRsRC9hAYd32JuF/KzG6fmBfjJA==",
        "files": {
            "package/dist/index.css": "index.css", "package/dist/html.css": "html.css",
            "package/LICENSE.md": "LICENSE.md",
        },
    },
    {
        "name": "@utrecht/design-tokens",
        "version": "5.0.1",
        "integrity": "sha512-53LuK23GxgnYL06MtLAeNGazXtskV0OEWYDKuwBHNKyosXivzVZZzL5E7ulbA6Pt1WNTFRbUkhi4za7oEapmeg==",
        "files": {"package/dist/theme.css": "theme.css", "package/LICENSE.md": "LICENSE.md"},
    },
    # DejaVu Sans for the PDFs people receive (inzage, beschikking, letters): every name as
    # written (Ł, Ş, Č, ...), which the PDF core fonts (Latin-1) cannot print. Free licence.
    {
        "name": "dejavu-fonts-ttf",
        "version": "2.37.3",
        "integrity": "sha512-f1hd7jJbeQa1VWcw+K2KrTXS50zTMaHpVC4XIKJpNcDeYR5ajMtj/iLlQDYNvLOKamUB3ARVVCf79lNwNVztSQ==",
        "files": {
            "package/ttf/DejaVuSans.ttf": "DejaVuSans.ttf", "package/ttf/DejaVuSans-Bold.ttf": "DejaVuSans-Bold.ttf",
            "package/LICENSE": "LICENSE",
        },
    },
]


# What a vendored file may refer to: a source map (JS and CSS) and, in CSS, url(...) and
# @import. Django's ManifestStaticFilesStorage (collectstatic with DEBUG=false) follows
# every such reference and fails on a missing file, so each one must be installed too.
SOURCE_MAP = re.compile(rb"^[ \t]*(?://|/\*)[#@] sourceMappingURL=([^\s*]+)[ \t]*(?:\*/)?[ \t]*$", re.MULTILINE)
CSS_URL = re.compile(rb"""url\(\s*['"]?([^'")]+?)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def references(name: str, content: bytes) -> list[str]:
    """Relative paths (to the file's folder) the file refers to; data:, absolute and
    fragment-only URLs are not files."""
    found = [m.group(1) for m in SOURCE_MAP.finditer(content)]
    if name.endswith(".css"):
        found += [m.group(1) or m.group(2) for m in CSS_URL.finditer(content)]
    result = []
    for raw in found:
        url = raw.decode("utf-8", "replace").split("#", 1)[0].split("?", 1)[0]
        if not url or url.startswith(("data:", "/", "http:", "https:", "//")):
            continue
        result.append(url)
    return result


def missing_references(directory: Path) -> list[str]:
    """Every reference of an installed .js/.css file that points to no installed file."""
    problems = []
    for path in sorted(directory.rglob("*")):
        if path.suffix not in (".js", ".css") or not path.is_file():
            continue
        for url in references(path.name, path.read_bytes()):
            if not (path.parent / url).resolve().is_file():
                problems.append(f"{path.relative_to(directory)} refers to {url}, which is not installed")
    return problems


def _extract(archive: tarfile.TarFile, package: dict, target: Path) -> None:
    """The package's files, and every file they refer to that the (hash-checked) tarball
    holds, in the same relative place. A source map the tarball lacks is stripped from the
    file; any other missing reference refuses the install."""
    queue = list(package["files"].items())
    done = set()
    while queue:
        member, name = queue.pop(0)
        if name in done:
            continue
        done.add(name)
        try:
            extracted = archive.extractfile(member)
        except KeyError:
            extracted = None
        if extracted is None:
            sys.exit(f"{package['name']}: {member} missing from the package")
        content = extracted.read()
        for url in references(name, content):
            wanted = posixpath.normpath(posixpath.join(posixpath.dirname(member), url))
            local = posixpath.normpath(posixpath.join(posixpath.dirname(name), url))
            if local.startswith("..") or wanted.startswith(".."):
                sys.exit(f"{package['name']}: {name} refers outside the package: {url}")
            if wanted in archive.getnames():
                queue.append((wanted, local))
            elif url.endswith(".map"):
                content = SOURCE_MAP.sub(b"", content)
            else:
                sys.exit(f"{package['name']}: {name} refers to {url}, which the package does not contain")
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def fetch(package: dict) -> None:
    target = VENDOR / package["name"]
    installed = all((target / name).exists() for name in package["files"].values())
    if installed and not missing_references(target):
        return
    install(package, _pack(package))


def _pack(package: dict) -> bytes:
    """The package's tarball, by name and version, through npm."""
    spec = f"{package['name']}@{package['version']}"
    with tempfile.TemporaryDirectory() as folder:
        try:
            result = subprocess.run(
                ["npm", "pack", spec, "--pack-destination", folder, "--silent", "--ignore-scripts"],
                check=True, capture_output=True, text=True, timeout=120,
            )
        except (OSError, subprocess.SubprocessError) as error:
            sys.exit(f"{spec}: npm pack failed ({error}); is npm installed?")
        return (Path(folder) / result.stdout.strip().splitlines()[-1]).read_bytes()


def install(package: dict, data: bytes) -> None:
    """Check the tarball against its integrity hash, then install its files."""
    algorithm, expected = package["integrity"].split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        sys.exit(f"{package['name']}: integrity check failed, refusing to install")
    target = VENDOR / package["name"]
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        _extract(archive, package, target)
    print(f"installed {package['name']} into {target}")


if __name__ == "__main__":
    for package in PACKAGES:
        fetch(package)
    problems = missing_references(VENDOR)
    if problems:
        sys.exit("\n".join(problems))
