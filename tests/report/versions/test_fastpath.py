"""With nothing changed, build confirms the latest version before importing pandas."""

from __future__ import annotations

import json
import subprocess
import sys

from report.settings import PROJECT_ROOT
from tests.report.versions.conftest import MirrorBuild

PROBE = (
    "import sys; from report.cli import main; status = main(['build', '--quiet']); "
    "print(status, sorted(m for m in ('pandas', 'altair', 'vl_convert', 'typst', 'jinja2') "
    "if m in sys.modules))"
)


def _probe(build: MirrorBuild) -> tuple[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=PROJECT_ROOT,
        env=build.env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    *lines, last = done.stdout.strip().splitlines()
    return "\n".join(lines), last


def test_no_change_build_imports_no_heavy_library(mirror_build: MirrorBuild) -> None:
    out, last = _probe(mirror_build)
    assert f"reused version {mirror_build.version}" in out
    assert last == "0 []"


def test_a_changed_manifest_hands_over_to_the_full_build(mirror_build: MirrorBuild) -> None:
    manifest = mirror_build.output / mirror_build.version / "manifest.json"
    original = manifest.read_text(encoding="utf-8")
    document = json.loads(original)
    document["code"]["sha256"] = "0" * 64  # as if the code had changed since
    manifest.write_text(json.dumps(document), encoding="utf-8")
    try:
        out, last = _probe(mirror_build)
        assert "pandas" in last  # the full build ran, and found the version
        assert f"reused version {mirror_build.version}" in out
    finally:
        manifest.write_text(original, encoding="utf-8")
