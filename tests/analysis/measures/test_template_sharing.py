import pandas as pd

from analysis.measures.template_sharing import grouped_blocks, grouped_counts, template_citations
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


def test_grouped_counts_add_up_the_pools_of_a_group() -> None:
    counts = pd.DataFrame(
        {
            "period": [2021, 2021, 2021, 2021, 2022],
            "pool_slug": ["big", "proxy", "maybe", "other", "proxy"],
            "count": [5, 3, 2, 1, 4],
        }
    )
    wide = grouped_counts(counts, GROUPS)
    assert {(p, s): c for p, s, c in wide.itertuples(index=False)} == {
        (2021, "big template"): 10,
        (2021, "other"): 1,
        (2022, "big template"): 4,
    }
    exact = grouped_counts(counts, GROUPS, ("template owner", "same template"))
    assert {(p, s): c for p, s, c in exact.itertuples(index=False)} == {
        (2021, "big template"): 8,
        (2021, "maybe"): 2,
        (2021, "other"): 1,
        (2022, "big template"): 4,
    }
    assert int(exact["count"].sum()) == int(counts["count"].sum())  # no block lost or doubled


def test_grouped_counts_agree_with_counting_the_grouped_blocks() -> None:
    blocks = pd.DataFrame(
        {"year": [2021] * 6 + [2022] * 3, "pool_slug": list("xyz") + ["big", "proxy", "maybe"] * 2}
    )
    counts = blocks.groupby(["year", "pool_slug"]).size().rename("count").reset_index()
    counts = counts.rename(columns={"year": "period"})
    from_counts = grouped_counts(counts, GROUPS).set_index(["period", "pool_slug"])["count"]
    grouped = grouped_blocks(blocks, GROUPS)
    from_blocks = grouped.value_counts(["year", "pool_slug"])
    assert from_counts.to_dict() == from_blocks.to_dict()
