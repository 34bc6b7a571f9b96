"""Read means and amounts as classes as well as words (config/concepts.yaml).

The corpus can name only some of the medicines, weapons and places people mention. The model reads each
text twice: as words, and with every listed word replaced by its class ("took 30 sertraline" is also
"took _number_ _medicine_"), so a pattern learned from one medicine carries over to all of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from config.files import load_yaml

_DIGITS = re.compile(r"\b\d+(?:[.,]\d+)?\b")


@lru_cache(maxsize=1)
def classes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data: dict[str, list[str]] = load_yaml("concepts.yaml")
    compiled = []
    for name, words in data.items():
        # Longest first, so "sleeping pills" wins over "pills"; literal words only, so matching is linear.
        alternatives = "|".join(re.escape(str(w).lower()) for w in sorted(words, key=len, reverse=True))
        compiled.append((f"_{name}_", re.compile(r"\b(?:" + alternatives + r")\b")))
    return tuple(compiled)


def abstract(normalized_text: str) -> str:
    """The text with each listed word (and each written number) replaced by its class token."""
    text = _DIGITS.sub(" _number_ ", normalized_text)
    for token, pattern in classes():
        text = pattern.sub(f" {token} ", text)
    return " ".join(text.split())


# Amounts no one takes as a dose: a reason to read "forty of my sertraline" as an overdose whatever was
# said before it (two paracetamol is a dose; a packet, the lot or twenty is not).
_LARGE_WORDS = re.compile(
    r"\b(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|dozens|all|whole|entire|lot|lots|loads|handful|"
    r"bottle|packet|pack|box|strip|tub|jar|everything)\b"
)
_NUMBER = re.compile(r"\b\d{1,4}\b")
_MEDICINE = re.compile(r"\b_medicine_\b")


def large_amount_of_medicine(normalized_text: str) -> bool:
    """Does the text name a medicine with an amount far above a dose ("20 of my tablets", "the lot")?"""
    if not _MEDICINE.search(abstract(normalized_text)):
        return False
    if _LARGE_WORDS.search(normalized_text):
        return True
    return any(int(n) >= 10 for n in _NUMBER.findall(normalized_text))
