"""Matching the agent's words against phrase lists kept in YAML.

Chat agents type "don't", "dont" or "do not"; speech-to-text gives "do not" with no punctuation at all.
Both the text and every phrase go through the same ``normalise`` so that all of these meet: lower case,
punctuation dropped, contractions expanded, and common chat spellings mapped to their full form.
In a phrase, ``*`` stands for up to three words ("are you thinking * suicide").

Typed text keeps its sentence ends (. ! ? ;) as a barrier token, so a wildcard or an ``unless`` mask never
reaches into the next sentence; transcripts have none, and phrases are compiled without them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

WILDCARD = "*"
# Up to three words: enough for "about", "of ending", "at all about" without matching across sentences.
_GAP = r"(?:[a-z0-9]+ ){0,3}"
# A token that no phrase can contain; masked text gets it so a phrase cannot bridge the masked span.
_BARRIER = "|"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_TOKEN = re.compile(r"[a-z0-9']+|[.!?;]")
_IRREGULAR = {
    "won't": "will not",
    "can't": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "let's": "let us",
}
_SUFFIXES = (
    ("n't", " not"),
    ("'ll", " will"),
    ("'re", " are"),
    ("'m", " am"),
    ("'ve", " have"),
    ("'d", " would"),
    # Possessives become "is" too; harmless, because phrases are normalised the same way.
    ("'s", " is"),
)

Spellings = tuple[tuple[str, str], ...]


def spellings_key(spellings: Mapping[str, str]) -> Spellings:
    """A hashable form of a spellings table, so compiled patterns can be cached per table."""
    return tuple(sorted((key.lower(), value.lower()) for key, value in spellings.items()))


def normalise(text: str, spellings: Mapping[str, str] | Spellings = (), breaks: bool = True) -> str:
    """Lower-case words separated by single spaces, with contractions and chat spellings expanded.

    With ``breaks``, each run of sentence-ending punctuation becomes one barrier token.
    """
    table = dict(spellings) if not isinstance(spellings, Mapping) else spellings
    lowered = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    words: list[str] = []
    for raw in _TOKEN.findall(lowered):
        if raw in ".!?;":
            if breaks and words and words[-1] != _BARRIER:
                words.append(_BARRIER)
            continue
        token = raw.strip("'")
        if not token:
            continue
        for word in _expand(token).split():
            words.extend(table.get(word, word).split())
    if words and words[-1] == _BARRIER:
        words.pop()
    return " ".join(words)


def _expand(token: str) -> str:
    if token in _IRREGULAR:
        return _IRREGULAR[token]
    for suffix, replacement in _SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)] + replacement
    return token.replace("'", "")


@lru_cache(maxsize=4096)
def _compile(phrase: str, spellings: Spellings) -> re.Pattern[str] | None:
    parts = [normalise(part, spellings, breaks=False) for part in phrase.split(WILDCARD)]
    words = [re.escape(part) for part in parts]
    if not any(words):
        return None
    body = ""
    for index, part in enumerate(words):
        if index:
            body += _GAP
        body += f"{part} " if part else ""
    # Match on whole words: the text is wrapped in spaces, so "calm down" never matches "becalm downs".
    return re.compile(" " + body)


@dataclass(frozen=True)
class PhraseSet:
    """Phrases (as written in the YAML) plus the spellings table they are normalised with."""

    phrases: tuple[str, ...]
    spellings: Spellings = ()

    @classmethod
    def of(cls, phrases: Iterable[str], spellings: Mapping[str, str] | Spellings = ()) -> PhraseSet:
        key = spellings_key(spellings) if isinstance(spellings, Mapping) else spellings
        return cls(tuple(phrases), key)

    def find(self, normalised: str) -> str | None:
        """The first phrase found in already-normalised text, as written in the YAML; None if none is."""
        padded = f" {normalised} "
        for phrase in self.phrases:
            pattern = _compile(phrase, self.spellings)
            if pattern is not None and pattern.search(padded):
                return phrase
        return None

    def mask(self, normalised: str) -> str:
        """The text with every occurrence of these phrases replaced by a barrier token."""
        padded = f" {normalised} "
        for phrase in self.phrases:
            pattern = _compile(phrase, self.spellings)
            if pattern is not None:
                padded = pattern.sub(f" {_BARRIER} ", padded)
        return " ".join(padded.split())


def find_unless(phrases: PhraseSet, unless: PhraseSet, normalised: str) -> str | None:
    """A phrase found once the ``unless`` phrases are masked out.

    Masking (rather than "skip the whole message") keeps "I can't promise to keep this secret" from
    firing the secrecy correction while a later "I won't tell anyone" in the same message still does.
    """
    return phrases.find(unless.mask(normalised)) if unless.phrases else phrases.find(normalised)
