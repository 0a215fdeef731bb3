"""When a claim's quote is not verbatim in the article: find the closest passage and mark
how the two differ, so the message says what to change.

Both texts are compared word by word with whitespace collapsed, as the inventory compares
them. The differences are marked ``[-quote's words-]{+article's words+}``, as ``git diff
--word-diff`` does.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

_PUNCTUATION = ".,;:!?\"'()[]“”‘’«»—–-"


@dataclass(frozen=True)
class Passage:
    """The article's words closest to a quote, and how alike the two are (0 to 1)."""

    words: tuple[str, ...]
    similarity: float


def _key(word: str) -> str:
    return word.strip(_PUNCTUATION).casefold()


def _best_window(wanted: list[str], words: list[str], size: int) -> tuple[float, int]:
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best, best_start = -1.0, 0
    for start in range(max(len(words) - size, 0) + 1):
        matcher.set_seq1(words[start : start + size])
        if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
            continue
        score = matcher.ratio()
        if score > best:
            best, best_start = score, start
    return best, best_start


def closest_passage(quote: str, article: str) -> Passage:
    """The run of the article's words, about as long as the quote, most like the quote."""
    exact_quote, exact_words = quote.split(), article.split()
    if not exact_quote or not exact_words:
        return Passage((), 0.0)
    size = len(exact_quote)
    keys = [_key(w) for w in exact_words]
    _, start = _best_window([_key(w) for w in exact_quote], keys, size)
    # move each end by up to three words where the passage then matches better
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2([_key(w) for w in exact_quote])
    best = (-1.0, start, start + size)
    for first in range(max(start - 3, 0), start + 4):
        for end in range(max(first + 1, start + size - 3), start + size + 4):
            matcher.set_seq1(keys[first:end])
            if matcher.ratio() > best[0]:
                best = (matcher.ratio(), first, end)
    return Passage(tuple(exact_words[best[1] : best[2]]), best[0])


def marked_difference(quote: str, passage: Passage) -> str:
    """The passage with the quote's differing words marked ``[-quote-]{+article+}``."""
    wanted = quote.split()
    found = list(passage.words)
    pieces: list[str] = []
    opcodes = difflib.SequenceMatcher(None, wanted, found, autojunk=False).get_opcodes()
    for op, q1, q2, a1, a2 in opcodes:
        if op == "equal":
            pieces.append(" ".join(found[a1:a2]))
            continue
        if q2 > q1:
            pieces.append("[-" + " ".join(wanted[q1:q2]) + "-]")
        if a2 > a1:
            pieces.append("{+" + " ".join(found[a1:a2]) + "+}")
    return " ".join(pieces)


def quote_mismatch(where: str, quote: str, article: str, article_name: str) -> str:
    """The message for a quote that is not verbatim: where, the closest passage, the fix."""
    passage = closest_passage(quote, article)
    lines = [f"{where}: the quote is not verbatim in the article"]
    if passage.similarity >= 0.5:
        lines += [
            f"  closest passage of {article_name} ({passage.similarity:.0%} alike), "
            "with the quote's words in [-…-] and the article's in {+…+}:",
            "    " + marked_difference(quote, passage),
            "  hint: copy the passage from the article into the claim's quote, "
            "or correct the marked words",
        ]
    else:
        lines.append(
            f"  hint: no passage of {article_name} is close; check that the quote comes from "
            "this article, and copy it exactly (curly quotes and dashes included)"
        )
    return "\n".join(lines)
