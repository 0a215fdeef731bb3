"""Import Altair without the grammar compiler it never uses.

jsonschema, which Altair validates specs with, imports ``rfc3987_syntax`` when it is
installed, and that compiles dozens of Lark grammars on import: most of the time of
``import altair``. It only checks the formats ``iri`` and ``iri-reference``, which no
Vega-Lite schema uses ("uri", "uri-reference" and "color-hex" are checked as before), so a
process that draws charts marks it absent before jsonschema is first imported. A process
that has already imported jsonschema is left as it is.
"""

from __future__ import annotations

import sys

_UNUSED = "rfc3987_syntax"


def skip_unused_format_checkers() -> None:
    """Keep jsonschema from loading ``rfc3987_syntax`` (a no-op once jsonschema is loaded)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault(_UNUSED, None)  # type: ignore[arg-type]
