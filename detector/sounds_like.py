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
from itertools import accumulate

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
    words = _WORD.findall(text)  # where each word is, only once a medicine is found (rarely)
    edge = [w in _EDGE_WORDS for w in words]
    # letters[i]: letters in words[:i], so a join's length is known before it is built.
    letters = [0, *accumulate(map(len, words))]
    known = _known()
    edits: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []
    position = 0
    count = len(words)
    while position < count:
        if edge[position]:  # no join starts on one, and each is too short alone
            position += 1
            continue
        size = min(MAX_WORDS, count - position)
        while size:  # the longest join first: "amy trip to lean", not "amy"
            end = position + size
            if letters[end] - letters[position] < MIN_NAME_LETTERS - 1:
                size = 0  # a shorter join is shorter still
                break
            if size == 1 or not edge[end - 1]:
                joined = "".join(words[position:end])
                if not (size == 1 and joined in known):
                    name = _match(joined, size > 1)
                    if name is not None:
                        spans = spans or [m.span() for m in _WORD.finditer(text)]
                        edits.append((spans[position][0], spans[end - 1][1], name))
                        break
            size -= 1
        position += size or 1
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
