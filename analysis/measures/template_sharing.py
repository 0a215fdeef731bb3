"""Pools seen sending their miners the same block template: the grouping as a sensitivity.

Block-template observations (stratum jobs compared across pools) suggest that some pools
that look independent work from one template, so they may act as one. The cited table
``pool_template_groups`` maps pool slugs to a group with the strength of the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.result import Citation, text_of

EXACT_EVIDENCE = ("template owner", "same template")
ALL_EVIDENCE = (*EXACT_EVIDENCE, "possibly same template")


def _group_of(template_groups: pd.DataFrame, evidence: Sequence[str]) -> dict[str, str]:
    """Each pool slug of a template group (of the given evidence) and the group's name."""
    rows = template_groups[template_groups["evidence"].isin(evidence)]
    return dict(zip(rows["pool_slug"].astype(str), rows["template_group"].astype(str), strict=True))


def grouped_blocks(
    blocks: pd.DataFrame, template_groups: pd.DataFrame, evidence: Sequence[str] = ALL_EVIDENCE
) -> pd.DataFrame:
    """``blocks`` with each pool of a template group (of the given evidence) renamed to the group."""
    mapping = _group_of(template_groups, evidence)
    return blocks.assign(pool_slug=blocks["pool_slug"].astype(str).replace(mapping))


def grouped_counts(
    counts: pd.DataFrame, template_groups: pd.DataFrame, evidence: Sequence[str] = ALL_EVIDENCE
) -> pd.DataFrame:
    """Blocks per period and pool (``period``, ``pool_slug``, ``count``, as
    :func:`analysis.measures.pool_shares.block_counts` makes them) with the pools of a template
    group counted together under the group's name: the counts of :func:`grouped_blocks`,
    made from the counts instead of renaming every block."""
    renamed = counts["pool_slug"].astype(str).replace(_group_of(template_groups, evidence))
    together = counts.assign(pool_slug=renamed).groupby(["period", "pool_slug"], as_index=False)
    summed: pd.DataFrame = together[["count"]].sum()
    return summed


def template_citations(template_groups: pd.DataFrame) -> tuple[Citation, ...]:
    """One citation per passage of the template observations."""
    seen: dict[tuple[str, str], Citation] = {}
    for row in template_groups.itertuples():
        key = (text_of(row.source_address), text_of(row.excerpt))
        seen.setdefault(key, Citation(text_of(row.source_title), *key))
    return tuple(seen.values())
