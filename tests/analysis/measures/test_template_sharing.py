import pandas as pd

from analysis.measures.template_sharing import grouped_blocks, template_citations
from tests.analysis.pool_frames import GROUPS


def test_grouping_follows_the_evidence_asked_for() -> None:
    blocks = pd.DataFrame({"pool_slug": ["big", "proxy", "maybe", "other"]})
    exact = grouped_blocks(blocks, GROUPS, ("template owner", "same template"))
    assert exact["pool_slug"].tolist() == ["big template", "big template", "maybe", "other"]
    wide = grouped_blocks(blocks, GROUPS)
    assert wide["pool_slug"].tolist() == ["big template"] * 3 + ["other"]


def test_template_groups_name_pools_of_the_block_table(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    groups = real_tables["pool_template_groups"]
    present = set(real_tables["blocks"]["pool_slug"].unique())
    missing = set(groups["pool_slug"]) - present
    assert missing == {"rawpool"}  # the note says no block since 2021 is attributed to it
    assert set(groups.loc[groups["pool_slug"] == "rawpool", "note"].str.contains("no block"))


def test_one_citation_per_passage() -> None:
    # GROUPS: two rows quote the same passage of one source, the third another source
    citations = template_citations(GROUPS)
    assert [c.address for c in citations] == ["https://a.example", "https://b.example"]
    assert [c.excerpt for c in citations] == ["e", "f"]
