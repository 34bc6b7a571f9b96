"""Undo what people and speech-to-text do to text, keeping a map back to the original characters.

Every character of the normalised text remembers the span of original characters it came from, so a
match found on ``"kill myself"`` (normalised from ``"k1ll mys3lf"``) highlights the right characters on the
agent's screen. The replacement tables are data in ``config/normalize.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from config.files import load_yaml
from detector.sounds_like import misheard_medicines


@dataclass(frozen=True)
class MappedText:
    """Text plus, for each character, the half-open span ``[starts[i], ends[i])`` of original text."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of this text to the span of original text it was made from."""
        if not self.text:
            return 0, 0
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return self.starts[start], max(self.ends[start:end])

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> MappedText:
        """Like ``re.sub`` but every replacement character maps to the whole matched original span."""
        edits = [
            (m.start(), m.end(), new) for m in pattern.finditer(self.text) if (new := replace(m)) != m[0]
        ]
        return self.replace(edits)

    def replace(self, edits: list[tuple[int, int, str]]) -> MappedText:
        """Replace each ``[start, end)`` span (in order, not overlapping) with new text, keeping the map."""
        if not edits:
            return self  # the common case: nothing to change, so nothing to copy
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for a, b, new in edits:
            out.append(self.text[last:a])
            starts.extend(self.starts[last:a])
            ends.extend(self.ends[last:a])
            if new:
                # An empty match (an insertion) borrows the neighbouring character's span.
                anchor_start, anchor_end = (a, b) if b > a else (min(a, len(self.text) - 1),) * 2
                out.append(new)
                starts.extend([self.starts[anchor_start]] * len(new))
                ends.extend([max(self.ends[anchor_start : max(anchor_end, anchor_start + 1)])] * len(new))
            last = b
        out.append(self.text[last:])
        starts.extend(self.starts[last:])
        ends.extend(self.ends[last:])
        return MappedText("".join(out), tuple(starts), tuple(ends))


@dataclass(frozen=True)
class Tables:
    homoglyphs: dict[str, str]
    emoji: dict[str, str]
    leet: dict[str, str]
    slang: dict[str, str]
    first_person_slang: dict[str, tuple[str, str]]
    contractions: dict[str, str]
    fillers: frozenset[str]  # speech fillers and swearing intensifiers: dropped, they carry no risk
    replaceable: re.Pattern[str]  # any whole word that _replace_word would change


@lru_cache(maxsize=1)
def tables() -> Tables:
    data: dict[str, Any] = load_yaml("normalize.yaml")
    return Tables(
        homoglyphs=dict(data["homoglyphs"]),
        emoji=dict(data["emoji"]),
        leet=dict(data["leet"]),
        slang=dict(data["slang"]),
        first_person_slang={k: (v["self"], v["other"]) for k, v in data["first_person_slang"].items()},
        contractions=dict(data["contractions"]),
        fillers=frozenset([*data["fillers"], *data.get("intensifiers", [])]),
        replaceable=_whole_words(
            [
                *data["fillers"],
                *data.get("intensifiers", []),
                *data["slang"],
                *data["first_person_slang"],
                *data["contractions"],
            ]
        ),
    )


_ASCII_CONTROLS = {c: " " for c in range(32)} | {127: " "}


def _clean_characters(text: str, t: Tables) -> MappedText:
    """NFKC, strip accents, zero-width and control characters, map look-alikes, lowercase."""
    if text.isascii():  # the common case: one character in, one out, so the map is the identity
        return MappedText.identity(text.translate(_ASCII_CONTROLS).lower().replace("`", "'"))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, char in enumerate(text):
        if char in t.emoji:
            piece = f" {t.emoji[char]} "
        else:
            piece = unicodedata.normalize("NFKC", char)
            piece = "".join(c for c in unicodedata.normalize("NFKD", piece) if not unicodedata.combining(c))
            cleaned = []
            for c in piece:
                category = unicodedata.category(c)
                if category in ("Cf", "Cs", "Co", "Cn") or c == "\ufe0f":
                    continue  # zero-width joiners, BOMs, variation selectors, unpaired surrogates
                if category == "Cc" or category.startswith("Z"):
                    c = " "  # control characters and exotic spaces become a plain space
                cleaned.append(t.homoglyphs.get(c, c).lower())
            piece = "".join(cleaned)
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([i + 1] * len(piece))
    return MappedText("".join(out), tuple(starts), tuple(ends))


_SPACED_LETTERS = re.compile(r"(?<![a-z0-9])(?:[a-z] ){2,}[a-z](?![a-z0-9])")
# A run of letters and leet characters that holds at least one digit or symbol: ``_undo_leet`` decides
# whether it is a leet word (a run of letters alone never is, and is most of any text, so it is not even
# matched). The lookbehind starts a match only where a run starts and no quantifier is nested, so a
# match costs time linear in the run: nested quantifiers here backtracked in cubic time on one long word
# (2,000 letters took 46 s and held the GIL).
_LEET_WORD = re.compile(r"(?<![a-z0-9@!$|+])[a-z0-9@!$|+]*[0-9@!$|+][a-z0-9@!$|+]*")
# No word is this long. spaCy's tokenizer splits affixes off a run of punctuation in quadratic time
# (21,000 characters of "!?." took 12 s), so long runs are cut into pieces first.
_LONG_RUN = re.compile(r"\S{64,}")
_PIECE = 32
_UNIT = re.compile(r"\d+(?:am|pm|st|nd|rd|th|s|k|m|mg|ml|g|kg|gb|mb|x|h|hrs?|mins?|yo)")


def _whole_words(words: list[str]) -> re.Pattern[str]:
    # Longest first, so "od'd" wins over "od"; the lookarounds keep "sh" out of "shop", and "r" out of a
    # leetspeak word ("r@00a"): expanded there, it became a word the leet pass would decode on a second
    # normalisation, so normalising was not idempotent. "u!" and "!u" are still words.
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    leet = "@!$|+"
    return re.compile(
        rf"(?<![a-z0-9'])(?<![a-z0-9][{leet}])(?:{alternatives})(?![a-z0-9']|[{leet}]+[a-z0-9])"
    )


_STUTTER = re.compile(r"\b([a-z]+)(?:[\s,.-]+\1\b)+")
_HYPHEN_STUTTER = re.compile(r"\b([a-z]{1,3})-(?=\1)")
_SPACES = re.compile(r"[ \t]{2,}")
_FIRST_PERSON = re.compile(r"(?:^|\b)(?:i|im|i'm|ima|imma|i'll|gonna|wanna|should|just|to|will|gotta)\s+$")


def _undo_leet(match: re.Match[str], leet: dict[str, str]) -> str:
    """k1ll -> kill, su1c1de -> suicide, d!e -> die; leaves 4am, 2nd, order ab12345 and "hello!" alone."""
    word = match.group(0)
    if word.isalpha() or word.isdigit():
        return word  # the common case: a plain word or a plain number
    letters = sum(c.isalpha() for c in word)
    if letters < 2 or letters * 2 < len(word) or _UNIT.fullmatch(word) or not any(c in leet for c in word):
        return word
    # Repeat until stable: each swap can make a neighbour a letter ("a|0a" -> "a|oa" -> "aloa").
    while True:
        swapped = _swap_leet_once(word, leet)
        if swapped == word:
            return word
        word = swapped


def _swap_leet_once(word: str, leet: dict[str, str]) -> str:
    chars = list(word)
    for i, char in enumerate(word):
        if char not in leet:
            continue
        before = word[i - 1].isalpha() if i > 0 else False
        after = word[i + 1].isalpha() if i + 1 < len(word) else False
        # Symbols only count between letters ("d!e"); digits next to any letter ("di3", "5uicide").
        if (before and after) or (char.isdigit() and (before or after)):
            chars[i] = leet[char]
    return "".join(chars)


@lru_cache(maxsize=256)
def normalized_text(text: str) -> str:
    """The normalised text alone, remembered for the few calls of one fold: a turn is read by several parts
    (the story frame, the answer to the agent's question). Small: it holds customers' words in memory."""
    return normalize(text).text


def normalize(text: str) -> MappedText:
    t = tables()
    mapped = _clean_characters(text, t).sub(_SPACES, lambda m: " ")
    mapped = mapped.sub(_LONG_RUN, _cut_long_run)
    mapped = mapped.sub(_LEET_WORD, lambda m: _undo_leet(m, t.leet))
    mapped = mapped.sub(_SPACED_LETTERS, lambda m: m.group(0).replace(" ", ""))
    mapped = mapped.sub(_HYPHEN_STUTTER, lambda m: "")
    mapped = mapped.sub(t.replaceable, lambda m: _replace_word(m, t))
    mapped = mapped.sub(_STUTTER, lambda m: m.group(1))
    mapped = mapped.sub(_SPACES, lambda m: " ")
    # Again: a dropped filler can leave letters spelled out ("a b um a" -> "a b a"), and normalising
    # must give the same text when run on its own output.
    mapped = mapped.sub(_SPACED_LETTERS, lambda m: m.group(0).replace(" ", ""))
    return mapped.replace(misheard_medicines(mapped.text))


def _cut_long_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return " ".join(run[i : i + _PIECE] for i in range(0, len(run), _PIECE))


def _replace_word(match: re.Match[str], t: Tables) -> str:
    word = match.group(0)
    if word in t.fillers:
        return ""
    if word in t.first_person_slang:
        about_self, about_other = t.first_person_slang[word]
        before = match.string[max(0, match.start() - 24) : match.start()]
        return about_self if _FIRST_PERSON.search(before) else about_other
    if word in t.slang:
        return t.slang[word]
    return t.contractions.get(word, word)
