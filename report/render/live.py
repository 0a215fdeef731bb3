"""Interactive charts, inlined: the Vega runtime and each chart's spec go into the page.

The static SVG is always there (print, no JavaScript, mail readers); where scripts run,
the page swaps it for a live Vega view with tooltips. Nothing is fetched: the runtime is
vl-convert's bundle of Vega, Vega-Lite and Vega-Embed, and the specs carry their data.
"""

from __future__ import annotations

import json
from functools import cache

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


@cache
def vega_runtime() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script, with ``</script>`` made harmless."""
    bundle: str = vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;")
    return bundle.replace("</script", "<\\/script")
