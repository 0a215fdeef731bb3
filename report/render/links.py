"""Source addresses as links: only web addresses become links, anything after the address
(a transcriber's note such as "(cited; original page not in corpus)") stays text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def split_address(address: str) -> tuple[str | None, str]:
    """``(url, rest)``: the leading web address (or None) and the text after it."""
    head, _, rest = address.strip().partition(" ")
    parts = urlsplit(head)
    if parts.scheme in WEB_SCHEMES and parts.netloc:
        return head, rest.strip()
    return None, address.strip()
