"""Rule evidence: spaCy Matcher patterns kept as data under ``config/patterns/``.

Patterns are written in a compact phrase syntax so that a clinician can read and review them:

    "$WANT to $DIE"          ``$NAME`` is a word set from ``lexicon.yaml`` (inflections listed there)
    "end|ending my life"     ``a|b`` is one token that is any of the alternatives
    "really? $KILL myself"   a trailing ``?`` makes a token optional
    "$I *3 $OVERDOSE"        ``*N`` skips up to N tokens
    "i've"                   a plain word is split by the tokenizer like the text is ("i", "'ve")

Each pattern names a signal kind and the level it implies on its own (before context and fusion).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from config.files import load_yaml
from detector.concepts import medicine_by_stem, names_a_medicine_by_stem, unlisted_medicines
from detector.signals import Category, RiskLevel, SignalKind

PATTERN_FILES = (
    "suicide.yaml",
    "self_harm.yaml",
    "others.yaml",
)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: SignalKind
    level: RiskLevel
    category: Category | None = None  # overrides the kind's usual category ("cut too deep" is self-harm)


@dataclass(frozen=True)
class RuleMatch:
    rule: Rule
    start: int  # token index
    end: int
    # A negation skipped over by a ``*N`` gap: "I'm not suicidal" matched "$I *2 suicidal". A negation the
    # pattern itself spells ("can't go on", "not wake up") is part of what it says and sets nothing.
    negated_in_gap: bool = False


class PatternError(ValueError):
    pass


def compile_phrase(phrase: str, lexicon: dict[str, list[str]], nlp: Language) -> list[dict[str, Any]]:
    tokens: list[dict[str, Any]] = []
    for word in phrase.split():
        optional = word.endswith("?") and len(word) > 1
        word = word.removesuffix("?") if optional else word
        if word.startswith("*"):
            tokens.append({"OP": f"{{0,{int(word[1:] or 1)}}}"})
            continue
        spec: list[dict[str, Any]]
        if _is_set(word):
            spec = [{"LOWER": {"IN": _alternatives(word, phrase, lexicon, nlp)}}]
        elif _is_clitic(word):
            spec = [{"LOWER": word}]
        else:
            spec = [{"LOWER": t.lower_} for t in nlp.make_doc(word)]
        if optional:
            for token in spec:
                token["OP"] = "?"
        tokens.extend(spec)
    if not tokens or all(t.get("OP") for t in tokens):
        raise PatternError(f"pattern {phrase!r} matches nothing concrete")
    return tokens


def _is_set(word: str) -> bool:
    return word.startswith("$") or "|" in word


def _alternatives(word: str, phrase: str, lexicon: dict[str, list[str]], nlp: Language) -> list[str]:
    """``a|$SET|b`` -> every word it allows. Each alternative must be exactly one token."""
    allowed: list[str] = []
    for part in word.split("|"):
        if part.startswith("$"):
            if part[1:] not in lexicon:
                raise PatternError(f"unknown word set {part} in pattern {phrase!r}")
            allowed.extend(lexicon[part[1:]])
        elif len(nlp.make_doc(part)) != 1 and not _is_clitic(part):
            raise PatternError(f"alternative {part!r} in {phrase!r} is several tokens; write two patterns")
        else:
            allowed.append(part.lower())
    return sorted(set(allowed))


def _is_clitic(part: str) -> bool:
    """ "'m", "'ll", "n't" are tokens of their own in text even though they do not tokenize alone."""
    return part.startswith("'") or part == "n't"


def load_lexicon(nlp: Language) -> dict[str, list[str]]:
    raw: dict[str, list[str]] = load_yaml("patterns/lexicon.yaml")
    # Sets hold single tokens; contractions are split like the tokenizer splits the text. "@medicine" adds
    # a class of config/concepts.yaml, so the rules and the model know the same medicines and amounts.
    return {
        name: sorted({w for word in words for w in _expand(str(word).lower())}) for name, words in raw.items()
    }


def _expand(word: str) -> list[str]:
    if not word.startswith("@"):
        return [word]
    name = word[1:]
    if name == "year":  # a calendar year, as "back in 2011" says when something happened
        return [str(year) for year in range(1940, 2040)]
    classes: dict[str, list[str]] = load_yaml("concepts.yaml")
    if name not in classes:
        raise ValueError(f"lexicon.yaml: {word!r} names no class of concepts.yaml")
    single = [str(w).lower() for w in classes[name] if str(w).isalpha()]
    # Written amounts too: "took 30 of them" is an amount as "took thirty of them" is.
    return single + [str(n) for n in range(2, 201)] if name == "number" else single


# A cheap first look for an amount far above a dose (two digits or more, a number word of ten or more, a
# container): only then is a text read word by word for a medicine no list names (concepts.py).
_AMOUNT_HINT = re.compile(
    r"\d\d|\b(?:ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|"
    r"bottles?|packets?|packs?|box(?:es)?|strips?|blisters?|handfuls?|tub|jar)\b"
)
STAND_IN_MEDICINE = "paracetamol"  # any medicine the word lists name: what an unlisted one is read as

# Words too common to tell whether a pattern could match (used only to pick each pattern's anchor).
_COMMON = frozenset(
    "i to the a my me and of is 's 'm it n't not in on at be you he she they will 'll do have 've for with "
    "this that was am are so just all up out".split()
)


@dataclass(frozen=True)
class _Phrase:
    rule: Rule
    required: tuple[frozenset[str], ...]  # each required token must be one of these words
    matcher: Matcher
    gaps: tuple[bool, ...]  # per pattern token: a ``*N`` gap, which any word may fill


# Words that, skipped over by a gap, turn the evidence into its denial.
_GAP_NEGATIONS = frozenset({"not", "n't", "never", "no", "nor"})


class RuleMatcher:
    """All patterns, with a cheap pre-check: a phrase runs only on texts holding every word it needs.

    Running one big Matcher over every token costs ~100 us per token because ``*N`` gaps keep many
    partial matches alive; almost every text can rule almost every phrase out from its vocabulary.
    """

    def __init__(self, nlp: Language) -> None:
        self.lexicon = load_lexicon(nlp)
        self.medicines = frozenset(self.lexicon["PILLS"])
        self.rules: dict[str, Rule] = {}
        self.phrases: list[_Phrase] = []
        self.by_anchor: dict[str, list[int]] = {}
        for filename in PATTERN_FILES:
            for entry in load_yaml(f"patterns/{filename}")["patterns"]:
                self._add(entry, filename, nlp)

    def _add(self, entry: dict[str, Any], filename: str, nlp: Language) -> None:
        name = str(entry["id"])
        if name in self.rules:
            raise PatternError(f"{filename}: duplicate pattern id {name}")
        category = Category(entry["category"]) if "category" in entry else None
        rule = Rule(name, SignalKind(entry["kind"]), RiskLevel.parse(entry["level"]), category)
        self.rules[name] = rule
        for phrase in entry["p"] if isinstance(entry["p"], list) else [entry["p"]]:
            tokens = compile_phrase(phrase, self.lexicon, nlp)
            matcher = Matcher(nlp.vocab)
            matcher.add(name, [tokens])
            required = tuple(_allowed(t) for t in tokens if "OP" not in t)
            gaps = tuple("LOWER" not in t for t in tokens)
            self.phrases.append(_Phrase(rule, required, matcher, gaps))
            anchor = min(required, key=lambda words: (len(words & _COMMON), len(words)))
            for word in anchor:
                self.by_anchor.setdefault(word, []).append(len(self.phrases) - 1)

    def __call__(self, doc: Doc, text: str | None = None) -> list[RuleMatch]:
        """``text``, when given, is ``doc.text`` (which spaCy rebuilds from the tokens at every call)."""
        doc = self._medicines_named(doc, doc.text if text is None else text)
        # The distinct lower-case words, read from the token array: iterating Token objects costs ten times
        # as much, and this runs on every window of every message.
        strings = doc.vocab.strings
        words = {strings[h] for h in set(doc.to_array(LOWER).tolist())}
        candidates = sorted({i for w in words for i in self.by_anchor.get(w, ())})
        found: list[RuleMatch] = []
        for index in candidates:
            phrase = self.phrases[index]
            if not all(allowed & words for allowed in phrase.required):
                continue
            if not (_GAP_NEGATIONS & words and any(phrase.gaps)):
                found.extend(RuleMatch(phrase.rule, s, e) for _, s, e in phrase.matcher(doc))
                continue
            # (match id, start, end, the pattern token each matched token filled): typed as 3-tuples
            aligned_matches: list[Any] = phrase.matcher(doc, with_alignments=True)
            for _, start, end, aligned in aligned_matches:
                negated = any(
                    phrase.gaps[token] and doc[start + offset].lower_ in _GAP_NEGATIONS
                    for offset, token in enumerate(aligned)
                )
                found.append(RuleMatch(phrase.rule, start, end, negated))
        return _drop_contained(found)

    def _medicines_named(self, doc: Doc, text: str) -> Doc:
        """The doc as the patterns read it: a medicine no list names but its INN stem gives away
        ("chlorpromazine") reads as one the lists do, so "$PILLS" covers it. Word for word, so the matches'
        token positions are the original doc's."""
        by_stem = names_a_medicine_by_stem(text)
        by_place = _AMOUNT_HINT.search(text) is not None
        if not (by_stem or by_place):
            return doc  # most texts: no token needs looking at
        known = self.medicines
        words = [t.text for t in doc]
        changed = False
        if by_stem:
            for index, token in enumerate(doc):
                lower = token.lower_
                if lower not in known and medicine_by_stem(lower):
                    words[index] = STAND_IN_MEDICINE
                    changed = True
        if by_place:
            for index in unlisted_medicines([t.lower_ for t in doc]):
                words[index] = STAND_IN_MEDICINE
                changed = True
        if not changed:
            return doc
        return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


def _allowed(token: dict[str, Any]) -> frozenset[str]:
    value = token["LOWER"]
    return frozenset(value["IN"]) if isinstance(value, dict) else frozenset([value])


def _drop_contained(matches: list[RuleMatch]) -> list[RuleMatch]:
    """Keep the longest match of each kind; a span inside another of the same kind adds nothing."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[RuleMatch] = []
    for match in matches:
        if any(
            k.rule.kind == match.rule.kind and k.start <= match.start and match.end <= k.end for k in kept
        ):
            continue
        kept.append(match)
    return kept
