"""How a figure relates to the words around it: shares, changes, gapped list members.

    share_whole("58% of them worked in ...", 3)             -> "them"
    is_change("down 7% fewer than a year earlier", 6, 8)     -> True
    gapped("registered 19 in Shymkent, 17 – in Aktobe", 30, 32) -> True

- `share_whole(text, pos)`: after a percentage ending at `pos`, the whole it is a share of
  ("of all convictions" -> "all convictions", "of them" -> "them", "of the total").
- `is_change(text, start, end)`: the percentage at text[start:end] states a change of a figure
  ("7% fewer than", "a 4% rise in", "fell by 9 percent"), not a share of something.
- `gapped(text, start, end)`: the number at text[start:end] stands in a gapped conjunct whose
  noun and verb are left out because the clause before states them ("19 offences were
  registered in Shymkent, 19 – in Almaty region"; "Almaty accounts for 2,118 cases,
  Shymkent for 214"; "41 came from state firms and 156 from other bodies"). Such a number
  counts what the figure before it in the sentence counted.
- `place_phrase(text, start, end)`: the span of "in|at|from <Name>" words right after a number
  in its own conjunct (up to the next comma, number or clause end), for the caller's gazetteer.

Lists of coordinated numbers and names and their pairing by "respectively" are
kzwatch.text.coordination (`number_list_end`, `coordinated_names`, `respectively_pairs`).

Patterns are compiled once and only look a bounded distance around the number.
"""
from __future__ import annotations

import re

from kzwatch.text.patterns import guarded

_PERCENT_SIGN = re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
_WHOLE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+)?(?P<whole>(?:all\s+|these\s+|those\s+)?(?:total|them|those|"
    r"these|whom|which|[\w-]+(?:\s+[\w-]+){0,2}))", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent)\s*(?:fewer|more|less|lower|higher|up|down|rise|increase|"
    r"decrease|drop|fall|growth|decline|jump|reduction)\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|fell|grew|dropped|decreased|increased|declined|jumped|climbed|went (?:up|"
    r"down)|is (?:up|down)|was (?:up|down)|were (?:up|down)|up|down)(?:\s+by)?\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|over\s+|more than\s+)?$",
    re.IGNORECASE)
# a conjunct opener left before a gapped number: ",", "and", "while", "Shymkent for", "– "
_GAP_BEFORE = guarded(re.compile(
    r"(?:[,;]|\band|\bwhile|\bwhereas|\bbut)\s+(?:(?:only|just|another|a further|some|about|"
    r"around|nearly|almost|roughly)\s+)?(?:(?:[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2}(?:\s+(?:city|"
    r"region|oblast))?\s+(?:for|with|had|has|saw|logged|recorded|registered)|"
    r"(?:[\w'-]+\s+){1,5}for)\s+)?$"))
_GAP_AFTER = re.compile(
    r"\s*(?:[–—-]\s*)?(?:(?:more|each|apiece)\b\s*)?(?:(?:in|at|from|for|among|by|to)\b|"
    r"came\s+from\b|were\s+from\b|and\b|[,;.]|$)")
# a conjunct whose counted noun is left out: "9 the hijacking of vehicles", "27 robbery"; a
# plural noun of its own ("88 episodes") counts something else
_LOOSE_AFTER = re.compile(r"\s+(?!(?:more|other|further|additional)\b)"
                          r"(?:(?:the|an?)\s+[a-z][a-z-]+|[a-z][a-z-]*(?:[^s\W-]|ss))\b"
                          r"(?!\s+(?:years?|months?|days?|weeks?)\b)")
_PLACE_LEAD = re.compile(r"\s*(?:[–—-]\s*)?(?:[\w-]+\s+){0,4}?(?:in|at|from)\s+(?:the\s+)?",
                         re.IGNORECASE)
_CONJUNCT_END = re.compile(r"[,;:()]|\d|\.(?:\s|$)|\band\b")


def share_whole(text: str, pos: int) -> str | None:
    """The whole a percentage (ending at `pos`, sign included or not) is a share of."""
    sign = _PERCENT_SIGN.match(text, pos)
    at = sign.end() if sign else pos
    m = _WHOLE.match(text, at, min(len(text), at + 60))
    return " ".join(m.group("whole").split()) if m else None


def is_change(text: str, start: int, end: int) -> bool:
    """The percentage at text[start:end] states how much a figure changed."""
    if _CHANGE_AFTER.match(text, end, min(len(text), end + 40)):
        return True
    before = text[max(0, start - 40):start]
    if re.search(r"\ban?\s+$", before) and re.match(
            r"\s*(?:%|per\s*cent|percent)\s+(?:rise|increase|decrease|drop|fall|growth|decline|"
            r"jump|reduction)\b", text[end:end + 40], re.IGNORECASE):
        return True
    return bool(_CHANGE_BEFORE.search(before))


def gapped(text: str, start: int, end: int, clause_start: int = 0, loose: bool = False) -> bool:
    """The number at text[start:end] is a member of a gapped list: its counted noun and verb
    are those of the conjunct before it. `loose`: the conjunct may go on with any words of its
    own ("58 criminal cases concern theft, 9 the hijacking of vehicles, 27 robbery"), for a
    caller that knows a figure was told just before in the same sentence."""
    before = text[max(clause_start, start - 60):start]
    after = text[end:end + 30]
    dash = re.search(r"[–—]\s*$", before)
    if not (_GAP_BEFORE.search(before) or dash):
        return False
    # "(bribe-taking – 301, ..., mediation – 47)": a dashed member may close the bracket
    return bool(_GAP_AFTER.match(after) or (loose and _LOOSE_AFTER.match(after))
                or (dash and after.startswith(")")))


def place_phrase(text: str, start: int, end: int, limit: int = 80) -> tuple[int, int] | None:
    """(start, end) of the words after "in|at|from" in the number's own conjunct, where a
    place may be named ("19 – in Almaty region," -> "Almaty region")."""
    stop = min(len(text), end + limit)
    cut = _CONJUNCT_END.search(text, end, stop)
    stop = cut.start() if cut else stop
    m = _PLACE_LEAD.match(text, end, stop)
    if not m or m.end() >= stop:
        return None
    return m.end(), stop
