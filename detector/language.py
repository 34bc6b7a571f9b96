"""A cheap check that a text is English, so that a non-English message is flagged as not yet supported
instead of silently scored as "none"."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    """the a an and or but if i me my you your he she it we they them is are was were be been am do does did
    not no to of in on at for with this that what when why how so just can will would want have has had
    there here all im dont cant please thanks hi hello yes ok okay about from up out get got know like need
    order account help call phone back now one time day today tonight go going really still don't i'm it's
    can't won't anymore myself life die kill""".split()
)


def looks_english(normalized_text: str) -> bool:
    words = _WORD.findall(normalized_text)
    if len(words) < 4:
        return True  # too short to tell; short lines are mostly "ok", names, numbers
    latin = sum(w.isascii() for w in words)
    if latin / len(words) < 0.5:
        return False
    common = sum(w in _ENGLISH for w in words)
    return common / len(words) >= 0.12
