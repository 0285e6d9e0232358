"""The component registry (#16): every rule module's COMPONENT is on record, with honest needs."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest

import transforms
from transforms import components
from transforms.batch import Draft

DRAFT_FIELDS = {f.name for f in dataclasses.fields(Draft)}


def test_every_component_constant_of_transforms_is_registered():
    declared = set()
    for info in pkgutil.iter_modules(transforms.__path__):
        module = importlib.import_module(f"transforms.{info.name}")
        if isinstance(getattr(module, "COMPONENT", None), str):
            declared.add(module.COMPONENT)
    assert declared and declared <= set(components.names())


def test_requirements_are_draft_fields_assigned_by_an_earlier_component():
    assigned: set[str] = {"doc_id", "source_path", "source_sha256"}  # a file's identity, before any component
    for entry in components.registered().values():
        assert set(entry.requires) | set(entry.assigns) <= DRAFT_FIELDS, entry.name
        missing = set(entry.requires) - assigned
        assert not missing, f"{entry.name} needs {missing} before any component assigns it"
        assigned |= set(entry.assigns)


def test_names_are_family_and_version_and_one_version_per_family_is_current():
    names = components.names()
    assert names[0] == "decode.v2" and "dedup.v1" in names
    assert len({components.get(n).family for n in names}) == len(names)
    with pytest.raises(ValueError, match="family.vN"):
        components.register("Attacks-2", len)
    attacks = next(n for n in names if n.startswith("attacks."))
    bumped = f"attacks.v{components.get(attacks).version + 1}"
    with pytest.raises(ValueError, match="clashes"):
        components.register(bumped, len)
    with pytest.raises(KeyError, match="registered"):
        components.get("nothing.v1")
