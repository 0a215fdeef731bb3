"""Interactive charts, inlined: the Vega runtime and each chart's spec go into the page.

The static SVG is always there (print, no JavaScript, mail readers); where scripts run,
the page swaps it for a live Vega view with tooltips. Nothing is fetched: the runtime is
vl-convert's bundle of Vega, Vega-Lite and Vega-Embed, and the specs carry their data.

Bundling takes vl-convert a second or more and depends only on its version, so the bundle
is kept in the user's cache (``$REPORT_RUNTIME_CACHE``, else
``~/.cache/claimcheck-report/vega-runtime``) under that version; a cache that cannot be
read or written only costs the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import vl_convert

# Characters that could end a <script> element or open a comment inside one.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


_SNIPPET = "window.vegaEmbed = vegaEmbed;"


def runtime_cache_dir() -> Path:
    """Where bundles are kept: ``$REPORT_RUNTIME_CACHE``, else the user's cache."""
    configured = os.environ.get("REPORT_RUNTIME_CACHE")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck-report" / "vega-runtime"


def _bundle_path() -> Path:
    version = str(getattr(vl_convert, "__version__", "unknown"))
    key = hashlib.sha256(f"{version}\n{_SNIPPET}".encode()).hexdigest()[:16]
    return runtime_cache_dir() / f"vl-convert-{version}-{key}.js"


def _store(path: Path, text: str) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(name, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)


@cache
def vega_runtime() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script, with ``</script>`` made harmless."""
    path = _bundle_path()
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return path.read_text(encoding="utf-8")
    bundle: str = vl_convert.javascript_bundle(_SNIPPET)
    script = bundle.replace("</script", "<\\/script")
    _store(path, script)
    return script
