"""What a claim's assessment depends on, part by part, so a cache can key it and say
which part changed.

A claim's parts: its declaration (quote, stated values, assessing function), the snapshot
of every table it reads (directly or through measures), the source of every ``analysis``
module it runs (its own, the measures it names, what those import from ``analysis``, and
``analysis/result.py``), the parameters it uses and the library versions.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from report.data.parameters import Parameter
from report.data.registry import Registry
from report.ledger.plan import PlannedClaim, measure_functions

Parts = dict[str, str]
_RESULT_MODULE = "analysis.result"


def _digest(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


@cache
def _module_file(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    origin = spec.origin if spec is not None else None
    return Path(origin) if origin and origin.endswith(".py") else None


@cache
def _imported(name: str, path: Path) -> set[str]:
    """Modules of ``analysis`` that the module ``name`` at ``path`` imports."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m.split(".")[0] == "analysis" and _module_file(m) is not None}


@cache
def code_closure(module: str) -> frozenset[str]:
    """``module`` and every ``analysis`` module it imports, directly or not."""
    seen: set[str] = set()
    todo = [module, _RESULT_MODULE]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        todo.extend(_imported(name, path))
    return frozenset(seen)


@cache
def _file_digest(path: Path) -> str:
    return _digest(path.read_bytes())


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def claim_parts(
    planned: PlannedClaim,
    registry: Registry,
    parameters: Mapping[str, Parameter],
    libraries: str,
    root: Path,
) -> Parts:
    """Every part ``planned``'s assessment depends on, by a name that says what it is."""
    claim = planned.claim
    declared = {
        "id": claim.id,
        "quote": claim.quote,
        "assess": claim.assess,
        "stated": {k: [s.value, s.unit, s.text] for k, s in sorted(claim.stated.items())},
    }
    parts: Parts = {"claim declaration": _digest(json.dumps(declared, sort_keys=True))}
    for table in planned.tables:
        spec = registry.table(table)
        file = registry.datasets[spec.dataset].file(spec.file)
        parts[f"dataset {spec.dataset} ({table})"] = file.sha256
    modules = {planned.function.__module__}
    functions = measure_functions()
    modules.update(functions[m].__module__ for m in planned.measures if m in functions)
    for module in sorted(set().union(*(code_closure(m) for m in modules))):
        path = _module_file(module)
        if path is not None:
            parts[f"code {_relative(path, root)}"] = _file_digest(path)
    for name in planned.parameters:
        parts[f"parameter {name}"] = repr(parameters[name].value)
    parts["libraries"] = libraries
    return parts


def libraries_digest(python: str, packages: Mapping[str, str]) -> str:
    """One hash of the interpreter and the installed package versions."""
    return _digest(json.dumps([python, dict(sorted(packages.items()))]))


def parts_key(parts: Parts) -> str:
    """The cache key of a set of parts."""
    return _digest(json.dumps(parts, sort_keys=True))


def changed_parts(old: Mapping[str, str] | None, new: Mapping[str, str]) -> list[str]:
    """The names of the parts that differ, as words for ``build --explain``."""
    if old is None:
        return ["not in the cache"]
    changed = [
        f"{name} now read" if name not in old else f"{name} changed"
        for name in new
        if old.get(name) != new[name]
    ]
    return changed + [f"{name} no longer read" for name in old if name not in new]
