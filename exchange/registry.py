"""The bundle as the apps describe it: every installed app's ``bundle.py`` ``PART``
(``cases.bundlespec``), composed here in dependency order for parsing and storing, and
in the spec's order of files for reading, reporting and exporting."""

import importlib
import importlib.util
from functools import cache

from django.apps import apps

from cases.bundlespec import BundlePart, FileSpec


@cache
def parts() -> tuple[BundlePart, ...]:
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.bundle"
        if importlib.util.find_spec(module_name) is None:
            continue
        part = getattr(importlib.import_module(module_name), "PART", None)
        if part is not None:
            found.append(part)
    return tuple(sorted(found, key=lambda part: part.order))


@cache
def files() -> tuple[FileSpec, ...]:
    """Every bundle file in the spec's order."""
    return tuple(sorted((spec for part in parts() for spec in part.files), key=lambda spec: spec.position))


@cache
def files_by_name() -> dict[str, FileSpec]:
    return {spec.name: spec for spec in files()}


@cache
def required_files() -> tuple[str, ...]:
    return tuple(part.required_file for part in parts() if part.required_file)


def export_columns() -> dict[str, tuple[str, ...]]:
    return {spec.name: spec.columns for spec in files()}
