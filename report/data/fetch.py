"""Resolve a pinned file to a local path (project folder, snapshot store, mirror, download)
and fetch from upstream addresses with bounded retries.

Like pooch: every file is pinned by sha256 and refused when its content differs.
Downloads and refreshed snapshots share one content-addressed store
(``<cache>/<sha[:2]>/<sha>``). Hashes of unchanged local files come from the stat cache
(:mod:`report.data.statcache`), so a build does not re-read what it checked before.

HTTP goes through httpx (timeouts, streaming, HTTP/1.1 keep-alive) with our own retry
loop: bounded attempts, exponential backoff, ``Retry-After`` honoured for 429 and 503,
and a byte cap that stops a body far larger than expected. ``REPORT_UPSTREAM_BASE``
sends every request for ``https://HOST/PATH?QUERY`` to ``BASE/HOST/PATH?QUERY`` instead
(tests and private mirrors).
"""

from __future__ import annotations

import email.utils
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from report.data.registry import DatasetSpec, FileSpec
from report.data.statcache import StatCache, sha256_of
from report.errors import DataError, Problem
from report.settings import Settings

if TYPE_CHECKING:
    import httpx

__all__ = [
    "FetchError",
    "RetryPolicy",
    "cache_path",
    "fetch_bytes",
    "resolve_file",
    "sha256_of",
    "upstream_url",
]

UPSTREAM_BASE_ENV = "REPORT_UPSTREAM_BASE"
DEFAULT_MAX_BYTES = 512 << 20
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one address: attempts, backoff and the longest wait accepted."""

    attempts: int = 4
    backoff: float = 1.0  # seconds before the second attempt; doubled after each failure
    max_backoff: float = 16.0
    max_retry_after: float = 60.0  # a longer Retry-After fails at once instead of waiting
    timeout: float = 30.0


class FetchError(Exception):
    """An address could not be fetched; ``reason`` says why, in words for the user."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


def upstream_url(url: str, base: str | None = None) -> str:
    """``url``, redirected under ``base`` (default ``$REPORT_UPSTREAM_BASE``) when set."""
    base = os.environ.get(UPSTREAM_BASE_ENV, "") if base is None else base
    if not base:
        return url
    parts = urlsplit(url)
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{base.rstrip('/')}/{parts.netloc}{rest}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"answer of {int(declared)} bytes is over the {max_bytes}-byte cap")
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(url, f"answer is over the {max_bytes}-byte cap; stopped reading")
        chunks.append(chunk)
    return b"".join(chunks)


def _attempt(client: httpx.Client, url: str, max_bytes: int) -> tuple[bytes | None, str, float]:
    """One request: the body, or None with the reason and the wait the server asked for."""
    import httpx

    try:
        with client.stream("GET", url) as response:
            if response.status_code in _RETRY_STATUS:
                wait = _retry_after(response.headers.get("retry-after")) or 0.0
                return None, f"HTTP {response.status_code}", wait
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} (not retried)")
            return _read_capped(response, url, max_bytes), "", 0.0
    except httpx.TimeoutException:
        return None, "timed out", 0.0
    except httpx.TransportError as exc:  # resets, refused connections, cut-short bodies
        return None, f"connection failed ({type(exc).__name__}: {exc})", 0.0


def fetch_bytes(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    policy: RetryPolicy | None = None,
    headers: Mapping[str, str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> bytes:
    """The body of ``url`` (after :func:`upstream_url`), retried within ``policy``.

    Raises :class:`FetchError` naming the address and the last reason.
    """
    import httpx

    policy = policy or RetryPolicy()
    target = upstream_url(url)
    delay = policy.backoff
    reason = ""
    with httpx.Client(
        timeout=policy.timeout, follow_redirects=True, headers=dict(headers or {})
    ) as client:
        for number in range(1, policy.attempts + 1):
            body, reason, asked = _attempt(client, target, max_bytes)
            if body is not None:
                return body
            if number == policy.attempts:
                break
            if asked > policy.max_retry_after:
                reason += f"; the server asks to wait {asked:.0f} s, longer than we wait"
                break
            sleep(min(max(asked, delay), max(policy.max_retry_after, policy.max_backoff)))
            delay = min(delay * 2, policy.max_backoff)
    raise FetchError(target, f"{reason} (after {number} attempt{'s' if number > 1 else ''})")


def _mismatch(dataset: DatasetSpec, spec: FileSpec, path: Path | str, actual: str) -> DataError:
    return DataError(
        [
            Problem(
                dataset.id,
                str(path),
                None,
                None,
                f"sha256 is {actual}, expected {spec.sha256}: the file was changed or truncated",
            )
        ],
        hint=(
            "restore the original file, or if the new content is intended, re-pin it with "
            f"python -m report pin PATH (the lock overrides the first pin in {dataset.registry_file})"
        ),
    )


def _verified(dataset: DatasetSpec, spec: FileSpec, path: Path, stats: StatCache | None) -> Path:
    actual = stats.sha256(path) if stats is not None else sha256_of(path)
    if actual != spec.sha256:
        raise _mismatch(dataset, spec, path, actual)
    return path


def cache_path(settings: Settings, sha256: str) -> Path:
    """Where a downloaded or refreshed file with this hash lives in the store."""
    return settings.cache_dir / sha256[:2] / sha256


def _download(dataset: DatasetSpec, spec: FileSpec, settings: Settings) -> Path:
    from report.data.snapshots import store_snapshot

    assert spec.url is not None
    try:
        body = fetch_bytes(spec.url)
    except FetchError as error:
        raise DataError(
            [Problem(dataset.id, spec.name, None, None, f"download from {error}")],
            hint="set REPORT_DATA_MIRROR to a folder holding <dataset-id>/<file>, or go online",
        ) from None
    import hashlib

    actual = hashlib.sha256(body).hexdigest()
    if actual != spec.sha256:
        raise _mismatch(dataset, spec, spec.url, actual)
    try:
        return store_snapshot(settings, body)
    except OSError as exc:
        raise DataError(
            [Problem(dataset.id, spec.name, None, None, f"could not store the download: {exc}")],
            hint=f"make {settings.cache_dir} writable, or set REPORT_DATA_CACHE",
        ) from None


def resolve_file(
    dataset: DatasetSpec, spec: FileSpec, settings: Settings, stats: StatCache | None = None
) -> Path:
    """A verified local path for ``spec``, fetching it if no local copy exists.

    The store is looked in before the mirror: after a refresh the mirror still holds the
    older file, which is refused only when no verified copy is found anywhere.
    """
    if spec.path is not None:
        local = settings.data_dir.parent / spec.path  # shipped paths start with the data folder
        if not local.is_file():
            raise DataError(
                [Problem(dataset.id, spec.path, None, None, "file is missing from the project")],
                hint="restore it from version control (git checkout -- <file>)",
            )
        return _verified(dataset, spec, local, stats)
    stored = cache_path(settings, spec.sha256)
    candidates = [stored]
    if settings.mirror_dir is not None:
        candidates.append(settings.mirror_dir / (spec.mirror_folder or dataset.id) / spec.name)
    refused: DataError | None = None
    for candidate in candidates:
        if candidate.is_file():
            try:
                return _verified(dataset, spec, candidate, stats)
            except DataError as error:
                refused = refused or error
    if spec.url and settings.allow_download:
        return _download(dataset, spec, settings)
    if refused is not None:
        raise refused
    looked = ", ".join(str(c) for c in candidates)
    raise DataError(
        [Problem(dataset.id, spec.name, None, None, f"not found (looked in {looked})")],
        hint=(
            "set REPORT_DATA_MIRROR to the folder of raw datasets (python -m report snapshots "
            "export DIR writes one), or allow downloads"
        ),
    )
