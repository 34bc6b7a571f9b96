"""Medicine names as speech-to-text and hurried typing spell them: "amy trip to lean", "zoppy clone".

A transcript splits a long, unfamiliar word into familiar short ones. Joining up to four neighbouring
words and comparing how they *sound* (Metaphone codes, via ``jellyfish``: a small, maintained library with
the classic phonetic algorithms in Rust) to the medicine names in ``config/concepts.yaml`` finds them. A
candidate must also be spelled much like the name (Jaro-Winkler), so a sentence is not turned into a
medicine by its sound alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish

from config.files import load_yaml

MIN_NAME_LETTERS = 7  # short names ("oxy", "xanax") sound like too many everyday words to guess at
MAX_WORDS = 4
MIN_SPELLING_SIMILARITY = 0.75
_WORD = re.compile(r"[a-z]+")
# A join never starts or ends on these: "my zoppy clone" is "my" and a medicine, not a longer medicine.
_EDGE_WORDS = frozenset(
    "a an the my your his her their our i and or all of some any in on at to for with".split()
)


@lru_cache(maxsize=1)
def _sounds() -> dict[str, list[str]]:
    """Each medicine's Metaphone code, and each code with one letter left out, -> the names."""
    names = load_yaml("concepts.yaml").get("medicine", [])
    index: dict[str, list[str]] = {}
    for name in sorted({str(n).lower() for n in names}):  # sorted: the same index in every process
        if not name.isalpha() or len(name) < MIN_NAME_LETTERS:
            continue
        code = jellyfish.metaphone(name)
        for variant in {code, *_one_letter_less(code)}:
            index.setdefault(variant, []).append(name)
    return index


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(str(n).lower() for n in load_yaml("concepts.yaml").get("medicine", []))


def _one_letter_less(code: str) -> set[str]:
    return {code[:i] + code[i + 1 :] for i in range(len(code))}


def misheard_medicines(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` (normalised: lower case) that sound like a medicine, with the name to read."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    known = _known()
    edits: list[tuple[int, int, str]] = []
    position = 0
    while position < len(words):
        if words[position][2] in _EDGE_WORDS:  # no join starts on one, and each is too short alone
            position += 1
            continue
        found = None
        for size in range(MAX_WORDS, 0, -1):  # the longest join first: "amy trip to lean", not "amy"
            group = words[position : position + size]
            if len(group) < size:
                continue
            if size > 1 and (group[0][2] in _EDGE_WORDS or group[-1][2] in _EDGE_WORDS):
                continue
            joined = "".join(w for _, _, w in group)
            if len(joined) < MIN_NAME_LETTERS - 1 or (size == 1 and joined in known):
                continue
            name = _match(joined, exact_sound=size > 1)
            if name is not None:
                found = (group[0][0], group[-1][1], name, size)
                break
        if found is None:
            position += 1
            continue
        start, end, name, size = found
        edits.append((start, end, name))
        position += size
    return edits


@lru_cache(maxsize=100_000)  # conversations repeat their words; most joins are seen many times
def _match(joined: str, exact_sound: bool) -> str | None:
    index = _sounds()
    code = jellyfish.metaphone(joined)
    variants = {code} if exact_sound else {code, *_one_letter_less(code)}
    candidates = {
        name
        for variant in variants
        for name in index.get(variant, [])
        # The index also holds names' codes with a letter left out: keep only one sound of difference.
        if jellyfish.levenshtein_distance(code, jellyfish.metaphone(name)) <= (0 if exact_sound else 1)
    }
    # Sorted first, so a tie is broken the same way in every process (set order is not).
    best = max(sorted(candidates), key=lambda n: jellyfish.jaro_winkler_similarity(joined, n), default=None)
    if best is None or jellyfish.jaro_winkler_similarity(joined, best) < MIN_SPELLING_SIMILARITY:
        return None
    return best
