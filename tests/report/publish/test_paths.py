"""A site is never written into a version folder, and a URL never serves a file outside
the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.publish.paths import check_site_target, file_in_site
from report.review.errors import ReviewError
from tests.report.review.fakes import claim, make_version


@pytest.fixture()
def output(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    make_version(out, "aaaa0001", [claim("c")])
    return out


@pytest.mark.parametrize("target", ["aaaa0001", "aaaa0001/site", "latest/site", "latest", "."])
def test_a_site_inside_a_version_or_over_the_output_is_refused(output: Path, target: str) -> None:
    with pytest.raises(ReviewError):
        check_site_target(output, output / target)


def test_a_folder_that_is_not_a_site_is_refused_but_a_site_or_new_folder_is_not(
    output: Path, tmp_path: Path
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "thesis.tex").write_text("mine", encoding="utf-8")
    with pytest.raises(ReviewError, match="not a published site"):
        check_site_target(output, busy)
    (busy / "site.json").write_text("{}", encoding="utf-8")
    assert check_site_target(output, busy) == busy.resolve()
    assert check_site_target(output, output / "site") == (output / "site").resolve()


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "versions" / "v1").mkdir(parents=True)
    (root / "index.html").write_text("root", encoding="utf-8")
    (root / "versions" / "v1" / "index.html").write_text("v1", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "escape").symlink_to(tmp_path / "secret.txt")
    return root


def test_urls_inside_the_site_resolve_to_their_files(site: Path) -> None:
    assert file_in_site(site, "/") == (site / "index.html").resolve()
    assert (
        file_in_site(site, "/versions/v1/") == (site / "versions" / "v1" / "index.html").resolve()
    )
    assert file_in_site(site, "/versions/v1/index.html?x=1#top") is not None


@pytest.mark.parametrize(
    "url",
    [
        "/../secret.txt",
        "/versions/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/escape",
        "/..%2fsecret.txt",
        "/versions/v1/..\\..\\..\\secret.txt",
        "/missing.html",
        "/a%00b",
    ],
)
def test_urls_that_leave_the_site_or_miss_serve_nothing(site: Path, url: str) -> None:
    assert file_in_site(site, url) is None
