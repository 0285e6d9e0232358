"""The import direction of DESIGN.md: flows -> expectations, warehouse, transforms; never back."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "transforms": {"flows", "warehouse", "expectations", "prefect", "duckdb", "typer", "great_expectations"},
    "warehouse": {"flows", "expectations", "prefect", "typer"},
    "expectations": {"flows", "warehouse", "prefect", "typer"},
    "sitrep": {"flows", "warehouse", "expectations", "transforms", "prefect"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_layers_above_it(package):
    for path in (REPO / package).rglob("*.py"):
        bad = imported_roots(path) & FORBIDDEN[package]
        assert not bad, f"{path.relative_to(REPO)} imports {bad}"
