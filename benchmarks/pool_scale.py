"""Time and peak memory of the pool measures over synthetic per-block data.

    .venv/bin/python benchmarks/pool_scale.py --blocks 10000000

Makes ``N`` blocks of the schema of the ``blocks`` table in
``data/datasets/pool-blocks-sorukumar.toml`` as validation hands it to the measures
(``height`` int64, ``pool_slug`` string, ``date`` naive UTC ``datetime64[ns]``) spread over the real table's span, 2 January 2021
to 22 April 2026, so there are as many years and quarters as in the real data but more
blocks in each. Pools are the curated template-group slugs and synthetic names with
Zipf-like weights, and about three blocks in a hundred are 'unknown', as in the real
table. The data exist only in this process: nothing is written or shipped.

Then it runs the pool family's named measures in the order a build does
(``analysis/pools/block_counts.py``, ``analysis/pools/concentration_tables.py``, over
``analysis/measures/``) and prints one JSON line: ``{"blocks": N, "seconds": ...,
"peak_mib": ...}`` (with ``cpu_seconds``, less moved by a loaded machine), where seconds
are those of the measures (not of making the data) and peak MiB the process's peak resident memory, data included. Run one process per size: the
peak is per process.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.pools.block_counts import (  # noqa: E402
    blocks_with_periods,
    first_block_time,
    last_block_time,
    quarterly_pool_counts,
    yearly_pool_counts,
)
from analysis.pools.concentration_tables import (  # noqa: E402
    quarterly_pool_concentration,
    quarterly_pool_indices,
    yearly_pool_scenarios,
)

FIRST = pd.Timestamp("2021-01-02T00:00:00")
LAST = pd.Timestamp("2026-04-22T00:00:00")
SYNTHETIC_POOLS = 60
UNKNOWN_SHARE = 0.03
MAJORITY_SHARE_PCT = 50.0


def template_groups() -> pd.DataFrame:
    """The curated template groups, as the measures read them (slug, group, evidence)."""
    table = pd.read_csv(ROOT / "data" / "curated" / "pool_template_groups.csv", dtype=str)
    return table[["pool_slug", "template_group", "evidence"]]


def synthetic_blocks(count: int, slugs: list[str], seed: int = 11) -> pd.DataFrame:
    """``count`` blocks of the real schema: heights in order, times spread evenly with jitter
    over the real span, pools drawn with Zipf-like weights, 'unknown' about 3 in 100."""
    rng = np.random.default_rng(seed)
    pools = [*slugs, *(f"synthetic-pool-{i:02d}" for i in range(SYNTHETIC_POOLS - len(slugs)))]
    weights = 1.0 / np.arange(1, len(pools) + 1) ** 1.1
    weights = (1 - UNKNOWN_SHARE) * weights / weights.sum()
    names = np.array([*pools, "unknown"], dtype=object)
    codes = rng.choice(len(names), size=count, p=[*weights, UNKNOWN_SHARE])
    span_us = (LAST - FIRST) // pd.Timedelta(microseconds=1)
    step = span_us / count
    offsets = (np.arange(count) * step + rng.uniform(0, step, count)).astype("int64")
    start_us = FIRST.value // 1000
    # as validation hands the table to the measures: naive UTC, in nanoseconds
    dates = (start_us + offsets).astype("datetime64[us]").astype("datetime64[ns]")
    return pd.DataFrame(
        {
            "height": np.arange(664_063, 664_063 + count, dtype="int64"),
            "pool_slug": pd.array(names[codes], dtype="string"),
            "date": dates,
        }
    )


def pool_measures(blocks: pd.DataFrame, groups: pd.DataFrame) -> dict[str, object]:
    """Every named measure of the pool family over ``blocks``, as a build computes them."""
    framed = blocks_with_periods(blocks)
    last = last_block_time(blocks)
    yearly = yearly_pool_counts(framed)
    quarterly = quarterly_pool_counts(framed)
    concentration = quarterly_pool_concentration(quarterly, last, MAJORITY_SHARE_PCT)
    return {
        "first_block_time": first_block_time(blocks),
        "yearly_pool_scenarios": yearly_pool_scenarios(yearly, groups, last, MAJORITY_SHARE_PCT),
        "quarterly_pool_concentration": concentration,
        "quarterly_pool_indices": quarterly_pool_indices(concentration, quarterly, groups, last),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, required=True, help="number of synthetic blocks")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if args.blocks < 1000:
        parser.error("--blocks must be at least 1000 (the table's min_rows)")
    groups = template_groups()
    blocks = synthetic_blocks(args.blocks, sorted(set(groups["pool_slug"])), args.seed)
    start, cpu_start = time.perf_counter(), time.process_time()
    results = pool_measures(blocks, groups)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    periods = len(results["quarterly_pool_concentration"])  # type: ignore[arg-type]
    line = {
        "blocks": args.blocks,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "peak_mib": round(peak_mib, 1),
        "complete_quarters": periods,
    }
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
