"""Where each dataset is refreshed from: the live addresses named in each dataset's
``PROVENANCE.txt``, and the shape that turns each answer into the file the registry reads.

Datasets without a live source (curated tables, one-off snapshots of pages that no
longer update) are re-pinned with ``python -m report pin`` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from report.data.refresh.blocks import MEMPOOL_API, Fetch, extend_blocks
from report.data.refresh.shapes import Shape, blockchain_chart, csv_rows, eia_wide, passthrough

BLOCKCHAIN_CHARTS = "https://api.blockchain.info/charts/{metric}?timespan=all&rollingAverage=7days&sampled=true&format=json"
EIA_RETAIL = (
    "https://api.eia.gov/v2/electricity/retail-sales/data/?frequency=monthly&data[]=price"
    "&facets[sectorid][]=IND&facets[stateid][]=US&start=2001-01"
    "&sort[0][column]=period&sort[0][direction]=asc&length=5000"
)
OWID_ENERGY = "https://nyc3.digitaloceanspaces.com/owid-public/data/energy/owid-energy-data.csv"
CBECI_MINING_MAP = "https://ccaf.io/cbeci/api/v1.2.0/download/mining_countries"
EPOCH_DATA = "https://raw.githubusercontent.com/epoch-research/open-model-trends/main/data/"


@dataclass(frozen=True)
class FileSource:
    """One file of a dataset: its live address and how its answer becomes the file."""

    file: str
    address: str
    shape: Shape = passthrough
    max_bytes: int | None = None  # cap on the answer; default from the locked size
    key_env: str | None = None  # environment variable holding an API key, if one is needed
    headers: Mapping[str, str] = field(default_factory=dict)
    # builds the new file from the locked one and any number of requests (instead of shape)
    extend: Callable[[bytes, Fetch], bytes] | None = None


def _chart(metric: str) -> FileSource:
    return FileSource(
        f"{metric}.json", BLOCKCHAIN_CHARTS.format(metric=metric), blockchain_chart(metric)
    )


SOURCES: dict[str, tuple[FileSource, ...]] = {
    "blockchaincom-charts-2026": (
        _chart("hash-rate"),
        _chart("difficulty"),
        _chart("market-price"),
    ),
    "blockchaincom-miners-revenue-2024": (_chart("miners-revenue"),),
    "cbeci-mining-map-2019-2022": (FileSource("global_hash_rates.csv", CBECI_MINING_MAP),),
    "pool-blocks-sorukumar": (
        FileSource("blocks_post_2021.parquet", f"{MEMPOOL_API}/v1/blocks", extend=extend_blocks),
    ),
    "owid-energy-eth-pry": (
        FileSource(
            "owid-energy-data_ETH_PRY_2000-2025.csv",
            OWID_ENERGY,
            csv_rows(
                {
                    "country": lambda text: text in {"Ethiopia", "Paraguay"},
                    "year": lambda text: text.isdigit() and int(text) >= 2000,
                }
            ),
            max_bytes=64 << 20,
        ),
    ),
    "eia-us-industrial-price": (
        FileSource(
            "Average_retail_price_of_electricity.csv",
            EIA_RETAIL,
            eia_wide("United States : industrial", "ELEC.PRICE.US-IND.M", EIA_RETAIL),
            key_env="EIA_API_KEY",
        ),
    ),
    "epoch-open-model-trends": (
        FileSource(
            "benchmarks_with_model_accessibility.csv",
            EPOCH_DATA + "benchmarks_with_model_accessibility.csv",
        ),
        FileSource(
            "All ML Systems - full view.csv",
            EPOCH_DATA + "All%20ML%20Systems%20-%20full%20view.csv",
        ),
    ),
}
