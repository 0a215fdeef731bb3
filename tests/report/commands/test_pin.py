"""``pin`` re-pins the article after an edit that keeps every quote, and refuses one that
breaks a quote."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from report.settings import load_settings
from tests.report.commands.conftest import make_scratch


def _article() -> bytes:
    mirror = load_settings().mirror_dir
    assert mirror is not None
    return (mirror.parent / "source" / "article.txt").read_bytes()


def test_an_edit_outside_the_quotes_is_pinned_into_the_lock(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(_article() + b"\nA note added by the editor.\n")
    scratch = make_scratch(tmp_path, REPORT_ARTICLE=str(article))
    refused = scratch.run("claims")
    assert refused.returncode == 2 and "sha256 is" in refused.stderr
    done = scratch.run("pin", str(article))
    assert done.returncode == 0, done.stderr
    new = hashlib.sha256(article.read_bytes()).hexdigest()
    assert f"-> {new}" in done.stdout
    lock = json.loads((scratch.data / "snapshots.lock").read_text(encoding="utf-8"))
    assert lock["article"]["sha256"] == new
    assert scratch.run("claims", "--width", "200").returncode == 0


def test_an_edit_that_breaks_a_quote_is_refused(tmp_path: Path) -> None:
    text = _article().decode("utf-8")
    article = tmp_path / "article.txt"
    article.write_text(text.replace("Bitcoin", "Bitcorn"), encoding="utf-8")
    scratch = make_scratch(tmp_path, REPORT_ARTICLE=str(article))
    lock = (scratch.data / "snapshots.lock").read_bytes()
    done = scratch.run("pin", str(article))
    assert done.returncode == 2, done.stdout + done.stderr
    assert (scratch.data / "snapshots.lock").read_bytes() == lock
