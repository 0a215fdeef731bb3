"""The editors' path end to end, through the command line: build, change one curated value
and re-pin it, build again; diff names the claim and its moved figures, review lists exactly
the claims whose fingerprint changed, publish refuses until they are approved and then
writes a site whose index lists both versions and whose feed is Atom with an entry each."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from report.review.fingerprint import fingerprints
from report.review.versions import Version
from tests.report.commands.conftest import EDITED_CLAIM, TwoVersions, run_cli
from tests.report.publish.test_feed import NS, check_atom


def test_diff_names_the_edited_claim_and_its_moved_figures(
    two_versions: TwoVersions, tmp_path: Path
) -> None:
    env = two_versions.env(tmp_path / "log.jsonl")
    run = run_cli(["diff", "--json"], env)
    assert run.status == 0, run.err
    document = json.loads(run.out)
    assert (document["old"], document["new"]) == (two_versions.first, two_versions.second)
    assert [c["id"] for c in document["claims"]] == [EDITED_CLAIM]
    figures = {f["name"]: f for f in document["claims"][0]["figures"]}
    assert figures, "the edited value moves at least one figure"
    old_claims = Version(two_versions.first, two_versions.output / two_versions.first).claims
    new_claims = Version(two_versions.second, two_versions.output / two_versions.second).claims
    for name, change in figures.items():  # each one against the two claims.json files
        assert change["old"] == old_claims[EDITED_CLAIM]["figures"].get(name)
        assert change["new"] == new_claims[EDITED_CLAIM]["figures"].get(name)
        assert change["old"] != change["new"]
    assert document["inputs"][0]["dataset"] == "curated-edge-ai-market"
    text = run_cli(["diff", two_versions.first[:6], two_versions.second[:6]], env)
    assert EDITED_CLAIM in text.out and "figure " in text.out


def test_review_lists_exactly_the_claims_whose_fingerprint_changed(
    two_versions: TwoVersions, tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    env = two_versions.env(log)
    assert (
        run_cli(["approve", "--all", "--by", "Ann", "--version", two_versions.first], env).status
        == 0
    )
    first = fingerprints(Version(two_versions.first, two_versions.output / two_versions.first))
    second = fingerprints(Version(two_versions.second, two_versions.output / two_versions.second))
    moved = sorted(c for c in second if first[c].digest != second[c].digest)
    assert moved == [EDITED_CLAIM]
    run = run_cli(["review"], env)
    listed = sorted(line.split(":")[0].strip() for line in run.out.splitlines()[1:])
    assert listed == moved
    assert "figures changed" in run.out and "inputs changed" in run.out


def test_publish_refuses_until_approved_then_writes_the_site(
    two_versions: TwoVersions, tmp_path: Path
) -> None:
    log, site = tmp_path / "log.jsonl", tmp_path / "site"
    env = two_versions.env(log)
    run_cli(["approve", "--all", "--by", "Ann", "--version", two_versions.first], env)
    refused = run_cli(["publish", "--to", str(site)], env)
    assert refused.status != 0 and EDITED_CLAIM in refused.err and "Traceback" not in refused.err
    assert not (site / "versions").exists()
    assert (
        run_cli(["approve", EDITED_CLAIM, "--by", "Bob", "--note", "checked row 5"], env).status
        == 0
    )
    done = run_cli(["publish", "--to", str(site)], env)
    assert done.status == 0, done.err
    index = (site / "versions" / "index.html").read_text(encoding="utf-8")
    assert two_versions.first in index and two_versions.second in index
    feed = check_atom((site / "feed.xml").read_bytes())
    ids = {e.findtext("a:id", namespaces=NS) for e in feed.findall("a:entry", NS)}
    assert ids == {
        f"urn:claimcheck-report:version:{v}" for v in (two_versions.first, two_versions.second)
    }
    exported = tmp_path / "qa-log.csv"
    assert run_cli(["review", "--export", str(exported)], env).status == 0
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    assert rows[-1]["checked_by"] == "Bob" and rows[-1]["version"] == two_versions.second


def test_a_path_for_a_version_and_a_site_inside_a_version_exit_2(
    two_versions: TwoVersions, tmp_path: Path
) -> None:
    env = two_versions.env(tmp_path / "log.jsonl")
    for args in (
        ["diff", "../../etc", "latest"],
        [
            "publish",
            "--to",
            str(two_versions.output / two_versions.first / "site"),
            "--force",
            "--reason",
            "x",
        ],
        ["publish", "--to", str(two_versions.output / "latest" / "site")],
        ["approve", "no-such-claim", "--by", "Ann"],
        ["review", "../../etc"],
    ):
        run = run_cli(args, env)
        assert run.status == 2, args
        assert run.err.startswith("error: ") and "Traceback" not in run.err, args
    assert not (two_versions.output / two_versions.first / "site").exists()
