"""Plain source lines for charts: the publisher and the dataset, as OWID writes them.

A registry's ``source`` says where the file was read from, often a GitHub mirror
("CCAF CBECI, as stored in dataalways/energy-adjusted-cbeci (GitHub)"). A reader needs
the publisher ("CCAF CBECI"); the mirror stays in the data appendix. Curated tables are
the project's transcriptions of published pages, so their publisher is the citations of
the claim, listed under its sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from report.data.registry import DatasetSpec

# Where a mirror's description starts: ", as stored in …", " (GitHub)", "; blocks to …".
_REPO = r"[\w.-]+/[\w.-]+"
_MIRROR = re.compile(
    r",?\s+as\s+(stored|exported|captured|compiled)\b.*$"  # ", as stored in owner/repo"
    r"|\s*\(GitHub\)|;.*$|\s*\(see each row\)"
    rf"|,\s*{_REPO}.*$|\s*\({_REPO}[^)]*\)",  # ", owner/repo path" or "(owner/repo, …)"
    re.I,
)
_CURATED = re.compile(r"^Team transcription\b", re.I)
_TITLE_NOTE = re.compile(r"\s*\((curated|Our World in Data|EIA|blockchain\.com charts)\)$")
TRANSCRIBED = "published figures transcribed for this report (listed under sources)"


@dataclass(frozen=True)
class SourceLine:
    """One dataset as a chart's source line shows it."""

    publisher: str
    dataset: str

    @property
    def text(self) -> str:
        """``Publisher, dataset`` (or the dataset alone when the publisher is in its name)."""
        if not self.publisher or self.publisher.lower() in self.dataset.lower():
            return self.dataset
        return f"{self.publisher}, {self.dataset}"


def publisher(source: str) -> str:
    """The publisher named in a registry ``source``, without the mirror it was read from."""
    if _CURATED.match(source):
        return TRANSCRIBED
    name = source
    for _ in range(3):  # a source may chain a mirror, a note and a file commit
        shorter = _MIRROR.sub("", name).strip().rstrip(",")
        if shorter == name:
            break
        name = shorter
    return name or source


def source_line(dataset: DatasetSpec) -> SourceLine:
    """The source line of ``dataset``."""
    title = _TITLE_NOTE.sub("", dataset.title)
    return SourceLine(publisher(dataset.source), title)
