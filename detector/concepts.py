"""Read means and amounts as classes as well as words (config/concepts.yaml).

The corpus can name only some of the medicines, weapons and places people mention. The model reads each
text twice: as words, and with every listed word replaced by its class ("took 30 sertraline" is also
"took _number_ _medicine_"), so a pattern learned from one medicine carries over to all of them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from config.files import load_yaml

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"

_DIGITS = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def classes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data: dict[str, list[str]] = load_yaml("concepts.yaml")
    compiled = []
    for name, words in data.items():
        # Longest first, so "sleeping pills" wins over "pills"; literal words only, so matching is linear.
        alternatives = "|".join(re.escape(str(w).lower()) for w in sorted(words, key=len, reverse=True))
        compiled.append((f"_{name}_", re.compile(r"\b(?:" + alternatives + r")\b")))
    return tuple(compiled)


@lru_cache(maxsize=1)
def _first_runs() -> tuple[frozenset[str], ...]:
    """Per class, the first run of word characters of each of its words ("sleeping" of "sleeping pills").

    A class's pattern can match only where the text has one of these as a whole run of word characters:
    the match starts at a word boundary and its first run ends at a non-word character or at the closing
    boundary. So a class none of whose first runs is in the text is skipped without scanning it (scanning
    an alternation of 150 words at every word boundary is most of what ``abstract`` costs).
    """
    data: dict[str, list[str]] = load_yaml("concepts.yaml")
    runs = []
    for words in data.values():
        starts = [_RUN.match(str(word).lower()) for word in words]
        # A word that starts with punctuation gives nothing to test: the class is always scanned (empty set).
        ok = all(run is not None and run.start() == 0 for run in starts)
        runs.append(frozenset(run.group(0) for run in starts if run is not None) if ok else frozenset())
    return tuple(runs)


# Medicines no list names yet, by their international nonproprietary name stems (the WHO's INN stem
# book): -azepam and -azolam are benzodiazepines, -olol beta blockers, -apine and -idone antipsychotics.
# Seven letters or more, so "april" is not an ACE inhibitor.
_INN_STEMS = re.compile(
    r"\b[a-z]{2,}(?:azepam|azolam|oxetine|triptyline|pramine|olol|pril|sartan|statin|dipine|prazole|codone|"
    r"morphone|barbital|apine|idone|peridol|mazine|profen|fenac|semide|thiazide|gliptin|cycline|cillin|"
    r"floxacin|tidine|tadine|xaban|[iy]zine)\b"
)


def abstract(normalized_text: str) -> str:
    """The text with each listed word (and each written number) replaced by its class token. An amount far
    above a dose (ten or more) is its own class, ``_many_``: "I've taken two already" is how a dose is
    talked about, "I've taken forty" is not, and one ``_number_`` class taught the model they were alike."""
    text = _DIGITS.sub(_digits_class, normalized_text)
    text = _MANY_WORDS.sub(" _many_ ", text)
    # Substitutions only replace whole runs by class tokens, so the runs of the text as it was are enough
    # to rule a class out.
    runs = set(_RUN.findall(text))
    for (token, pattern), firsts in zip(classes(), _first_runs(), strict=True):
        if firsts and firsts.isdisjoint(runs):
            continue
        text = pattern.sub(f" {token} ", text)
    text = _INN_STEMS.sub(_medicine_by_stem, text)
    words = text.split()
    for index in unlisted_medicines(words):
        words[index] = "_medicine_"
    return " ".join(words)


def _digits_class(match: re.Match[str]) -> str:
    digits = match.group(0).replace(",", "").split(".")[0]
    return " _many_ " if len(digits) > 6 or int(digits or 0) >= _LARGE else " _number_ "


def _medicine_by_stem(match: re.Match[str]) -> str:
    return " _medicine_ " if len(match.group(0)) >= 7 else match.group(0)


def names_a_medicine_by_stem(text: str) -> bool:
    """Does any word of ``text`` look like a medicine by its INN stem? One regex pass: the cheap test."""
    return any(len(m.group(0)) >= 7 for m in _INN_STEMS.finditer(text.lower()))


def medicine_by_stem(word: str) -> bool:
    """Is this one lower-case word a medicine by its INN stem (``chlorpromazine``, ``risperidone``)?"""
    return len(word) >= 7 and _INN_STEMS.fullmatch(word) is not None


# Amounts no one takes as a dose: "forty of my sertraline" or "a packet of paracetamol" read as an overdose
# whatever was said before; "two paracetamol", "my tablets at 10" and "12 units of insulin" do not.
_WORD_VALUES = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
}  # fmt: skip
_UNITS = frozenset(
    "mg mgs ml mcg g gram grams milligram milligrams microgram micrograms unit units am pm o'clock oclock "
    "percent".split()
)
_BETWEEN = frozenset(
    "of my the his her their those these them all about around like doses dose lots loads".split()
)  # words that may stand between an amount and the medicine it counts
_LARGE = 10
_MANY_WORDS = re.compile(r"\b(?:" + "|".join(_WORD_VALUES) + r")\b")


# --- a medicine no list names, by where it stands ------------------------------------------------------
# People name medicines by brands and nicknames no list can hold. A word the project has never met, counted
# in an amount no one takes as a dose ("thirteen <brand> an hour ago", "100 <brand>", "a packet of
# <brand>"), is read as a medicine: the amount says what it is. A familiar word there ("forty calls",
# "twelve pints") is left alone, and so is any word after a small amount.
_LETTERS = re.compile(r"[a-z]+")
_AMOUNT_TOKENS = frozenset({"_many_", "_container_"})
_SLOT_GAP = 3  # words that may stand between the amount and the word it counts (of, my, the ...)


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """Every word of the training corpus and of the concept lists: the words the project has met."""
    words: set[str] = set()
    for path in sorted(CORPUS_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    words.update(_LETTERS.findall(str(json.loads(line).get("text", "")).lower()))
    for values in load_yaml("concepts.yaml").values():
        for value in values:
            words.update(_LETTERS.findall(str(value).lower()))
    return frozenset(words)


def unfamiliar(word: str) -> bool:
    """A word of four letters or more the project has never met, in neither its plural nor its singular."""
    if len(word) < 4 or not word.isalpha() or not word.isascii():
        return False
    known = familiar_words()
    forms = [word]
    if word.endswith("s"):  # a plural whose singular the project has met: calls, pints, boxes, parties
        forms += [word[:-1], word[:-2], word[:-3] + "y"]
    return not any(form in known for form in forms)


def _large_amount_token(word: str) -> bool:
    if word in _AMOUNT_TOKENS or word in _WORD_VALUES or word in _containers():
        return True
    return word.isascii() and word.isdigit() and (len(word) > 6 or int(word) >= _LARGE)


@lru_cache(maxsize=1)
def _containers() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("concepts.yaml").get("container", []))


def unlisted_medicines(words: list[str]) -> list[int]:
    """Positions of lower-case ``words`` that stand where a medicine would, after an amount far above a
    dose, and that the project has never met."""
    found = []
    for index, word in enumerate(words):
        if not _large_amount_token(word):
            continue
        for after in range(index + 1, min(len(words), index + 2 + _SLOT_GAP)):
            candidate = words[after]
            if unfamiliar(candidate):
                found.append(after)
                break
            passable = candidate in _BETWEEN or candidate in _AMOUNT_TOKENS or candidate in _WORD_VALUES
            if not passable:
                break
    return found


def large_amount_of_medicine(normalized_text: str) -> bool:
    """Does the text name a medicine right after an amount far above a dose?"""
    tokens = _abstract_words(normalized_text).split()
    for index, token in enumerate(tokens):
        if not _above_a_dose(token):
            continue
        following = tokens[index + 1 : index + 5]
        if following and following[0] in _UNITS:
            continue
        # "sertraline, 48 of them": the medicine named first, then how many of it.
        if following[:2] == ["of", "them"] and "_medicine_" in tokens[max(0, index - 4) : index]:
            return True
        for word in following:
            if word == "_medicine_" or unfamiliar(word):
                return True
            if word not in _BETWEEN and word != "_container_":
                break
    return False


def amount_far_above_a_dose(normalized_text: str) -> bool:
    """Does the text give an amount no one takes as a dose (ten or more, a box, a packet), whatever it
    counts? "about twenty", "the whole packet"; not "two fifty milligram ones" or "10 ml"."""
    tokens = _abstract_words(normalized_text).split()
    for index, token in enumerate(tokens):
        unit = tokens[index + 1] if index + 1 < len(tokens) else ""
        if _above_a_dose(token) and unit not in _UNITS:
            return True
    return False


def _above_a_dose(token: str) -> bool:
    """A count of ten or more (in digits or words), or a container (a box, a packet, a bottle)."""
    # ASCII digits only, and few of them: int() refuses some Unicode digits and very long numbers.
    written = token.isascii() and token.isdigit() and len(token) <= 6
    value = int(token) if written else _WORD_VALUES.get(token, 0)
    return value >= _LARGE or token == "_container_"


def _abstract_words(normalized_text: str) -> str:
    """Like ``abstract`` but numbers keep their value: the amount matters here."""
    text = normalized_text
    for token, pattern in classes():
        if token != "_number_":
            text = pattern.sub(f" {token} ", text)
    text = _INN_STEMS.sub(_medicine_by_stem, text)
    return " ".join(re.sub(r"[^\w' ]", " ", text).split())
