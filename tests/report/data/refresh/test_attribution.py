"""Pool attribution by the public definitions, on real tag cases from the lists."""

from __future__ import annotations

import json

import pytest

from report.data.refresh.attribution import (
    UNKNOWN,
    address_agreement,
    load_definitions,
    slug,
    tag_agreement,
)
from tests.report.data.refresh.answers import MIRROR

OURS, MEMPOOL, ALIASES = load_definitions(MIRROR)
FOUNDRY_ADDRESS = "bc1qxhmdufsvnuaaaer4ynz88fspdsxq2h9e9cetdj"  # in mempool's Foundry USA entry


def test_slugs_follow_the_per_block_table() -> None:
    assert slug("Foundry USA") == "foundryusa"
    assert slug("OCEAN.XYZ") == "oceanxyz"
    assert slug("Mining-Dutch") == "miningdutch"


@pytest.mark.parametrize("rules", [OURS, MEMPOOL], ids=["bitcoin-data", "mempool"])
def test_a_real_tag_names_its_pool_in_both_lists(rules) -> None:  # type: ignore[no-untyped-def]
    assert rules.attribute("\x03\x1b\x0e\x0fFoundry USA Pool #dropgold/") == "foundryusa"


@pytest.mark.parametrize("rules", [OURS, MEMPOOL], ids=["bitcoin-data", "mempool"])
def test_a_coinbase_with_no_known_tag_is_unknown(rules) -> None:  # type: ignore[no-untyped-def]
    assert rules.attribute("/solo miner at home/") == UNKNOWN


def test_the_payout_address_comes_before_the_tag() -> None:
    assert MEMPOOL.attribute("/ViaBTC/Mined by someone/", FOUNDRY_ADDRESS) == "foundryusa"
    assert MEMPOOL.attribute("/ViaBTC/Mined by someone/") == "viabtc"


def test_overlapping_tags_go_to_the_first_pool_in_list_order() -> None:
    coinbase = "/ViaBTC/TATMAS Pool/"
    found = MEMPOOL.matches(coinbase)
    assert set(found) == {"viabtc", "tatmaspool"}
    pools = json.loads((MIRROR / "pool-tags-mempool" / "pools-v2.json").read_text("utf-8"))
    order = [slug(p["name"]) for p in pools]
    first = min(found, key=order.index)
    assert MEMPOOL.attribute(coinbase) == first


def test_agreement_counts_every_case_once() -> None:
    tags = tag_agreement(OURS, MEMPOOL, ALIASES)
    assert tags.cases == len(OURS.tags)
    assert tags.agree > len(tags.disagree) + len(tags.missing)
    assert all(UNKNOWN not in case for case in tags.disagree)
    addresses = address_agreement(OURS, MEMPOOL, ALIASES)
    assert addresses.cases == len(OURS.addresses)
    for address, ours, theirs in addresses.disagree:
        assert OURS.addresses[address] == ours and MEMPOOL.addresses[address] == theirs
