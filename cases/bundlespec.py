"""How an app describes its bundle files (`../shared/specs/import-bundle.md`, `plan.md`).

Every app that owns data in the bundle has a module ``<app>/bundle.py`` with a ``PART``:
its files (columns, codes, lengths) and three functions the ``exchange`` app calls, in
the order of ``BundlePart.order`` (a part comes after the parts it refers to):

- ``parse(parser)``: read and check the app's files with the parser's helpers
  (``parser.rows(name)``, ``parser.unique(...)``, ``parser.dossier(...)``, ``parser.exists(...)``,
  ...; see ``exchange.parse.BundleParser``) and put the records in ``parser.parsed.data[name]``.
  Problems are collected (``row.error``), never raised.
- ``store(store, parsed)``: write the records with ``store.upsert(...)`` (set-based, staging
  table + COPY) into the app's own tables; ``store.ids["dossiers"]`` and ``store.ids["clients"]``
  map the bundle's refs to ids once the cases part has stored them.
- ``export(writer, scope)``: write the app's files with ``writer.write(name, header, rows)``
  for the dossiers of ``scope`` (``scope.dossier_ids``, ``scope.client``, ``scope.team``).

``cases`` defines only these shapes, so no app imports ``exchange`` and ``exchange`` finds
the parts by looking for ``bundle.py`` in every installed app.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

BOOLEANS = {"true": True, "false": False}


@dataclass(frozen=True)
class FileSpec:
    name: str
    # the file's place in the spec's order (import-bundle.md, then plan.md): problems and exports; a
    # file the spec puts between two others sits between their numbers (wmo_meldingen.csv: 7.5)
    position: float
    columns: tuple[str, ...]  # in the spec's order (the export writes them so)
    required: tuple[str, ...]
    codes: Mapping[str, frozenset[str]] = field(default_factory=dict)  # column -> allowed codes
    max_lengths: Mapping[str, int] = field(default_factory=dict)  # column -> longest value the database stores
    # zrm.csv: one extra column per domain code; returns the codes the header may carry
    extra_columns: Callable[[], frozenset[str]] | None = None

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.required)


@dataclass(frozen=True)
class BundlePart:
    app: str
    order: int
    files: tuple[FileSpec, ...]
    parse: Callable
    store: Callable
    export: Callable
    required_file: str = ""  # a file every bundle must hold (dossiers.csv)


def max_length(model, field_name: str) -> int:
    return model._meta.get_field(field_name).max_length
