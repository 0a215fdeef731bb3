"""The input files of a build, each verified against its locked sha256 before the build
uses or vouches for it.

Every file a build lists (in its manifest, its claims.json and the report's appendix) is
hashed here, or the build stops; a stat cache keeps unchanged files from being re-read.
The version is derived from these verified hashes, so a file changed in the mirror or the
store is noticed even when a version with the pinned hashes already exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from report.data.fetch import resolve_file
from report.data.registry import Registry
from report.data.statcache import StatCache, stat_cache_for
from report.errors import DataError, Problem
from report.settings import Settings
from report.versions.buildinfo import InputFile


def input_names(registry: Registry, tables: Iterable[str]) -> list[tuple[str, str]]:
    """(dataset, file) of every file of every dataset providing one of ``tables``, sorted."""
    datasets = sorted({registry.table(t).dataset for t in tables})
    return [(d, f.name) for d in datasets for f in registry.datasets[d].files]


def verify_inputs(
    registry: Registry,
    names: Iterable[tuple[str, str]],
    settings: Settings,
    stats: StatCache | None = None,
) -> tuple[InputFile, ...]:
    """Each named file resolved and hashed against its lock, or one :class:`DataError`
    listing every file that is missing or changed."""
    own = stats is None
    stats = stat_cache_for(settings.cache_dir) if stats is None else stats
    found: list[InputFile] = []
    problems: list[Problem] = []
    hints: list[str] = []
    for dataset_id, file_name in names:
        dataset = registry.datasets.get(dataset_id)
        if dataset is None or file_name not in {f.name for f in dataset.files}:
            problems.append(
                Problem(dataset_id, file_name, None, None, "no longer declared in the registry")
            )
            continue
        spec = dataset.file(file_name)
        try:
            resolve_file(dataset, spec, settings, stats)
        except DataError as error:
            problems.extend(error.problems)
            if error.hint and error.hint not in hints:
                hints.append(error.hint)
            continue
        found.append(InputFile(dataset_id, file_name, spec.sha256, spec.url))
    if own:
        stats.save()
    if problems:
        raise DataError(problems, hint="; ".join(hints))
    return tuple(found)
