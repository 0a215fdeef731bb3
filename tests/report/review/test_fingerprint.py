"""A claim's fingerprint covers what the editor saw, and only that."""

from __future__ import annotations

from pathlib import Path

from report.review.fingerprint import fingerprint, words
from report.review.versions import Version
from tests.report.review.fakes import claim, make_version


def _print(tmp: Path, name: str, **changes: object) -> dict[str, str]:
    spec = claim("c", **changes)  # type: ignore[arg-type]
    folder = make_version(tmp, name, [spec])
    return fingerprint(Version(name, folder), "c").parts


def test_each_seen_part_moves_its_own_hash(tmp_path: Path) -> None:
    base = _print(tmp_path, "aaaa0000")
    assert _print(tmp_path, "aaaa0001") == base  # same content, another version: same print
    cases = {
        "figures": {"figures": {"share": 41.0}},
        "verdict": {"verdict": "contradicted"},
        "quote": {"quote": "Another quote."},
        "inputs": {"sources": ("ds", "more")},
    }
    for i, (part, change) in enumerate(cases.items(), start=2):
        changed = _print(tmp_path, f"aaaa000{i}", **change)
        assert changed[part] != base[part], part
        assert [p for p in base if base[p] != changed[p]] in ([part], [part, "wording"]), part


def test_the_chart_svg_and_spec_are_part_of_it(tmp_path: Path) -> None:
    folder = make_version(tmp_path, "aaaa0000", [claim("c")])
    before = fingerprint(Version("aaaa0000", folder), "c").parts["chart"]
    (folder / "charts" / "c.svg").write_text("<svg/>", encoding="utf-8")
    drawn = fingerprint(Version("aaaa0000", folder), "c").parts["chart"]
    page = (folder / "report.html").read_text(encoding="utf-8")
    spec = '<script type="application/json" class="chart-spec">{"mark":"bar"}</script></article>'
    (folder / "report.html").write_text(page.replace("</article>", spec, 1), encoding="utf-8")
    specified = fingerprint(Version("aaaa0000", folder), "c").parts["chart"]
    assert len({before, drawn, specified}) == 3


def test_words_ignores_numbers_only() -> None:
    assert words("Share was 40.5% in 2021, −3 since") == words("Share was 1,234% in 1999, +7 since")
    assert words("Share was 40%") != words("Shares were 40%")
