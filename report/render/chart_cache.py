"""Chart SVGs cached by the hash of their Vega-Lite spec, so an unchanged chart is not
drawn again by vl-convert.

The key covers the whole spec (data included), the vl-convert version and the font
files it measures text with; the value is vl-convert's SVG, before labelling. The cache
is off unless a build turns it on with :func:`use_chart_cache`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

_folder: Path | None = None
drawn: list[str] = []  # keys drawn (not found in the cache) in this process


@contextlib.contextmanager
def use_chart_cache(folder: Path | None) -> Iterator[None]:
    """Cache chart SVGs in ``folder`` while the block runs (None: draw every chart)."""
    global _folder
    previous, _folder = _folder, folder
    try:
        yield
    finally:
        _folder = previous


@cache
def renderer_digest() -> str:
    import vl_convert

    from report.render.vega_draw import FONT_DIR

    digest = hashlib.sha256(str(getattr(vl_convert, "__version__", "")).encode())
    for path in sorted(Path(FONT_DIR).rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def spec_key(spec: dict[str, object]) -> str:
    """The cache key of a spec: its canonical JSON with the renderer's version and fonts."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((text + renderer_digest()).encode()).hexdigest()


def cached_svg(spec: dict[str, object], draw: Callable[[dict[str, object]], str]) -> str:
    """``draw(spec)``, or the SVG stored for an identical spec."""
    if _folder is None:
        return draw(spec)
    key = spec_key(spec)
    path = _folder / key[:2] / f"{key}.svg"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return path.read_text(encoding="utf-8")
    svg = draw(spec)
    drawn.append(key)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(svg)
        os.replace(name, path)
    return svg
