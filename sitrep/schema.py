"""The table contract loaded from `tables.yaml`, with its Arrow and DuckDB renderings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pyarrow as pa
import yaml

RUN_ID = "run_id"
PIPELINE_VERSION_COLUMN = "pipeline_version"

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
    "BIGINT[]": pa.list_(pa.int64()),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    extra: bool
    description: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    description: str = ""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, _ARROW_TYPES[c.type], nullable=c.nullable) for c in self.columns])

    def create_sql(self) -> str:
        cols = [f'"{c.name}" {c.type}{"" if c.nullable else " NOT NULL"}' for c in self.columns]
        cols.append(f"PRIMARY KEY ({', '.join(self.key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(cols) + "\n)"


@dataclass(frozen=True)
class View:
    """A documented SQL view (warehouse/sql/marts): its description and its columns' (name -> text)."""
    name: str
    description: str
    columns: dict[str, str]


@dataclass(frozen=True)
class Contract:
    version: int
    tables: dict[str, Table]
    vocabularies: dict[str, tuple[str, ...]]
    views: dict[str, View] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]


@cache
def contract() -> Contract:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("tables.yaml").read_text(encoding="utf-8"))
    tables = {
        name: Table(
            name=name,
            grain=spec["grain"],
            key=tuple(spec["key"]),
            columns=tuple(
                Column(c["name"], c["type"], bool(c.get("nullable", False)), bool(c.get("extra", False)),
                       c.get("description", ""))
                for c in spec["columns"]
            ),
            description=spec.get("description", ""),
        )
        for name, spec in raw["tables"].items()
    }
    vocab = {k: tuple(v) for k, v in raw["vocabularies"].items()}
    views = {name: View(name, spec.get("description", ""), dict(spec.get("columns", {})))
             for name, spec in (raw.get("views") or {}).items()}
    return Contract(version=raw["version"], tables=tables, vocabularies=vocab, views=views)
