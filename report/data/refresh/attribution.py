"""Pool attribution by the public pool definitions, and how far two definition lists agree.

A block is attributed as both lists' users do: its coinbase payout address first, then
the first coinbase tag found in its coinbase text, in list order. bitcoin-data's
``pools.json`` (the list the per-block table was attributed with) matches tags as
substrings; mempool.space's ``pools-v2.json`` matches them as regular expressions.
Pool names are compared by slug, the per-block table's convention (lower case, without
spaces, dots or hyphens).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

UNKNOWN = "unknown"


def slug(name: str) -> str:
    """A pool name as the per-block table writes it: ``Foundry USA`` -> ``foundryusa``."""
    return re.sub(r"[\s.\-]", "", name.lower())


@dataclass(frozen=True)
class PoolRules:
    """Payout addresses and coinbase tags, each naming a pool, in the list's order."""

    addresses: Mapping[str, str]
    tags: tuple[tuple[str, str], ...]
    regex: bool  # tags are regular expressions (mempool) rather than substrings

    def matches(self, coinbase: str) -> list[str]:
        """Every pool whose tag occurs in ``coinbase``, in list order (repeats once)."""
        found: list[str] = []
        for tag, pool in self.tags:
            hit = _search(tag, coinbase) if self.regex else tag in coinbase
            if hit and pool not in found:
                found.append(pool)
        return found

    def attribute(self, coinbase: str, address: str | None = None) -> str:
        """The pool that mined a block, or ``unknown``."""
        if address is not None and address in self.addresses:
            return self.addresses[address]
        found = self.matches(coinbase)
        return found[0] if found else UNKNOWN


def _search(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return pattern in text


def mempool_rules(pools: Iterable[Mapping[str, Any]]) -> PoolRules:
    """Rules from mempool.space's ``pools-v2.json`` (a list of pools)."""
    addresses: dict[str, str] = {}
    tags: list[tuple[str, str]] = []
    for pool in pools:
        name = slug(str(pool["name"]))
        addresses.update((str(a), name) for a in pool.get("addresses", ()))
        tags.extend((str(t), name) for t in pool.get("tags", ()))
    return PoolRules(addresses, tuple(tags), regex=True)


def bitcoin_data_rules(*documents: Mapping[str, Any]) -> PoolRules:
    """Rules from bitcoin-data's ``pools.json`` (then any supplements, in order)."""
    addresses: dict[str, str] = {}
    tags: list[tuple[str, str]] = []
    for doc in documents:
        for address, pool in doc.get("payout_addresses", {}).items():
            addresses.setdefault(address, slug(pool["name"]))
        tags.extend((t, slug(p["name"])) for t, p in doc.get("coinbase_tags", {}).items())
    return PoolRules(addresses, tuple(tags), regex=False)


@dataclass
class Agreement:
    """How one list's cases are attributed by another list."""

    agree: int = 0
    disagree: list[tuple[str, str, str]] = field(default_factory=list)  # case, ours, theirs
    missing: list[str] = field(default_factory=list)  # cases the other list cannot attribute
    overlapping: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def cases(self) -> int:
        return self.agree + len(self.disagree) + len(self.missing)


def tag_agreement(source: PoolRules, other: PoolRules, aliases: Mapping[str, str]) -> Agreement:
    """Each of ``source``'s tags taken as a coinbase text and attributed by ``other``."""
    result = Agreement()
    for tag, pool in source.tags:
        found = other.matches(tag)
        if len(found) > 1:
            result.overlapping.append((tag, found))
        theirs = aliases.get(found[0], found[0]) if found else UNKNOWN
        if theirs == UNKNOWN:
            result.missing.append(tag)
        elif theirs == aliases.get(pool, pool):
            result.agree += 1
        else:
            result.disagree.append((tag, pool, theirs))
    return result


def address_agreement(source: PoolRules, other: PoolRules, aliases: Mapping[str, str]) -> Agreement:
    """Each of ``source``'s payout addresses looked up in ``other``."""
    result = Agreement()
    for address, pool in source.addresses.items():
        theirs = other.addresses.get(address)
        if theirs is None:
            result.missing.append(address)
        elif aliases.get(theirs, theirs) == aliases.get(pool, pool):
            result.agree += 1
        else:
            result.disagree.append((address, pool, theirs))
    return result


def load_definitions(mirror: Path) -> tuple[PoolRules, PoolRules, dict[str, str]]:
    """The per-block table's rules (bitcoin-data plus its supplement), mempool's, and the
    table's slug aliases, from the mirror."""

    def read(relative: str) -> Any:
        return json.loads((mirror / relative).read_text(encoding="utf-8"))

    supplement = read("pool-blocks-sorukumar/pools_supplement.json")
    aliases = {k: v for k, v in supplement.get("slug_aliases", {}).items() if k != "_comment"}
    ours = bitcoin_data_rules(read("pool-blocks-sorukumar/pools.json"), supplement)
    return ours, mempool_rules(read("pool-tags-mempool/pools-v2.json")), aliases
