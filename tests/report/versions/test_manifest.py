"""The version covers everything a build's bytes depend on (class 6)."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import sys
import textwrap

import pytest

from report.settings import PROJECT_ROOT
from report.versions.buildinfo import BuildInfo, InputFile
from report.versions.manifest import version_id

INFO = BuildInfo(
    version="",
    code_commit="a" * 40,
    code_dirty=False,
    code_sha256="c" * 64,
    python="CPython 3.11.7",
    packages={"pandas": "2.2.0"},
    inputs=(InputFile("d", "f.csv", "0" * 64, "https://example.org/f.csv"),),
    article_sha256="b" * 64,
    settings={"timestamp": "false", "allow_download": "true"},
    built_at=None,
    platform="Linux x86_64",
)

CHANGED: dict[str, object] = {
    "code_commit": "e" * 40,
    "code_dirty": True,
    "code_sha256": "d" * 64,
    "python": "CPython 3.12.1",
    "packages": {"pandas": "2.2.1"},
    "inputs": (InputFile("d", "f.csv", "1" * 64, "https://example.org/f.csv"),),
    "article_sha256": "f" * 64,
    "settings": {"timestamp": "false", "allow_download": "false"},
    "built_at": "2026-01-01T00:00:00+00:00",
    "platform": "Linux aarch64",
}


def test_every_field_of_the_build_info_is_listed_here() -> None:
    names = {f.name for f in dataclasses.fields(BuildInfo)} - {"version"}
    assert names == set(CHANGED), "a new BuildInfo field needs a case here"


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_changing_any_field_changes_the_version(name: str) -> None:
    assert version_id(dataclasses.replace(INFO, **{name: CHANGED[name]})) != version_id(INFO)


def test_an_input_moved_to_another_address_is_another_version() -> None:
    moved = (InputFile("d", "f.csv", "0" * 64, "https://mirror.example/f.csv"),)
    assert version_id(dataclasses.replace(INFO, inputs=moved)) != version_id(INFO)


def test_the_version_ignores_the_order_of_inputs_and_its_own_field() -> None:
    two = (InputFile("a", "x", "1" * 64, None), InputFile("b", "y", "2" * 64, None))
    first = dataclasses.replace(INFO, inputs=two)
    assert version_id(first) == version_id(dataclasses.replace(first, inputs=two[::-1]))
    assert version_id(first) == version_id(dataclasses.replace(first, version="anything"))


_DRAW = textwrap.dedent(
    """
    import hashlib
    from report.render.charts.style import apply_config
    from report.render.svg import vega_svg
    import altair as alt, pandas as pd
    frame = pd.DataFrame({"date": pd.to_datetime(["2021-01-01 00:00", "2021-03-28 00:30",
                          "2021-10-31 01:30", "2024-07-01 12:00"]), "v": [1, 2, 3, 4]})
    chart = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("date:T", axis=alt.Axis(format="%Y-%m-%d %H:%M")), y="v:Q",
        tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d %H:%M")])
    print(hashlib.sha256(vega_svg(apply_config(chart)).encode()).hexdigest())
    """
)


def test_charts_are_the_same_bytes_in_every_time_zone() -> None:
    digests = set()
    for zone in (
        "UTC",
        "Europe/London",
        "America/St_Johns",
        "Asia/Kathmandu",
        "Pacific/Kiritimati",
    ):
        done = subprocess.run(
            [sys.executable, "-c", _DRAW],
            cwd=PROJECT_ROOT,
            env={"TZ": zone, "PATH": "/usr/bin:/bin", "HOME": str(PROJECT_ROOT)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        digests.add(done.stdout.strip())
    assert len(digests) == 1
    assert len(hashlib.sha256().hexdigest()) == len(digests.pop())
