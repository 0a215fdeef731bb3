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


def grouped_blocks(
    blocks: pd.DataFrame, template_groups: pd.DataFrame, evidence: Sequence[str] = ALL_EVIDENCE
) -> pd.DataFrame:
    """``blocks`` with each pool of a template group (of the given evidence) renamed to the group."""
    rows = template_groups[template_groups["evidence"].isin(evidence)]
    mapping = dict(
        zip(rows["pool_slug"].astype(str), rows["template_group"].astype(str), strict=True)
    )
    return blocks.assign(pool_slug=blocks["pool_slug"].astype(str).replace(mapping))


def template_citations(template_groups: pd.DataFrame) -> tuple[Citation, ...]:
    """One citation per passage of the template observations."""
    seen: dict[tuple[str, str], Citation] = {}
    for row in template_groups.itertuples():
        key = (text_of(row.source_address), text_of(row.excerpt))
        seen.setdefault(key, Citation(text_of(row.source_title), *key))
    return tuple(seen.values())
