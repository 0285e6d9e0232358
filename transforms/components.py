"""The registry of pipeline components: `name.vN` -> the function, what it needs, what it assigns.

Modelled on spaCy's factories (`@Language.factory(name, requires=..., assigns=...)`): each
component of a run is registered under its name and rule version, with the `Draft` fields it
reads (`requires`) and fills (`assigns`). A run records `names()` in `runs.components`, so every
derived row (through its `run_id`) names the rules that made it; bump a component's version when
its output changes for the same input (a new rule file, a changed rule), and `sitrep reprocess
--all` rebuilds stored documents with it.

    @component("entities.v1", requires=("body", "sentences"), assigns=("mentions", "entities"))
    def entities_stage(drafts): ...

    register(attacks.COMPONENT, attacks.extract_attacks, requires=(...), assigns=("events",))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

_NAME = re.compile(r"^(?P<family>[a-z][a-z0-9_]*)\.v(?P<version>[1-9][0-9]*)$")


@dataclass(frozen=True)
class Component:
    """One registered component: `name` is `family.vN`; `requires`/`assigns` are `Draft` fields."""
    name: str
    func: Callable
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return self.name.rsplit(".v", 1)[0]

    @property
    def version(self) -> int:
        return int(self.name.rsplit(".v", 1)[1])


_registry: dict[str, Component] = {}


def register(name: str, func: Callable, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()) -> Component:
    """Register `func` as component `name` (`family.vN`). ValueError on a malformed name, or when
    another function or another version of the same family is registered already (one version
    of each component is current)."""
    if not _NAME.match(name):
        raise ValueError(f"component name {name!r} is not 'family.vN' (lower case, N >= 1)")
    entry = Component(name, func, tuple(requires), tuple(assigns))
    for other in _registry.values():
        if other.family == entry.family and (other.name != name or other.func is not func):
            raise ValueError(f"component {name!r} clashes with registered {other.name!r} ({other.func.__qualname__})")
    _registry[name] = entry
    return entry


def component(name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Decorator form of `register`: the function is returned unchanged."""
    def decorate(func: Callable) -> Callable:
        register(name, func, requires, assigns)
        return func
    return decorate


def registered() -> dict[str, Component]:
    """Every component of the pipeline, in registration (pipeline) order; imports the stages."""
    import transforms.batch  # noqa: F401 - registers the stages and the rule components

    return dict(_registry)


def get(name: str) -> Component:
    """The component registered as `name`; KeyError naming the registered ones otherwise."""
    found = registered()
    if name not in found:
        raise KeyError(f"no component {name!r}; registered: {', '.join(found)}")
    return found[name]


def names() -> list[str]:
    """The `family.vN` names of the current pipeline, in order: what `runs.components` records."""
    return list(registered())
