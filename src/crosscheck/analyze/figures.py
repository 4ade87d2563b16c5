"""Casualty figures: how many were killed, injured, missing, displaced or arrested.

Precision matters more than recall: a number becomes a figure only when it stands in a
casualty construction ("three people were killed", "killing at least 12 civilians",
"left two dead"), so ages, durations, addresses and times stay out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from crosscheck.analyze.numbers import NUMBER_PATTERN, Amount, parse_amount
from crosscheck.records import Figure, Span

_QUALIFIERS = (
    "at least|more than|over|nearly|almost|about|around|up to|some|roughly|approximately"
    "|an estimated|as many as|no fewer than|no less than|fewer than|less than|at most"
)
_CATEGORIES = {
    "children": "children", "child": "children", "kids": "children", "boys": "children",
    "girls": "children", "teens": "children", "teenagers": "children", "students": "children",
    "women": "women", "woman": "women",
    "officers": "police", "officer": "police", "policemen": "police", "deputies": "police",
    "troopers": "police", "policeman": "police", "deputy": "police", "trooper": "police",
    "soldiers": "security forces", "troops": "security forces", "servicemen": "security forces",
    "soldier": "security forces",
    "civilians": "civilians", "civilian": "civilians",
    "fighters": "fighters", "militants": "fighters", "rebels": "fighters",
    "insurgents": "fighters", "gunmen": "fighters", "jihadists": "fighters",
    "combatants": "fighters", "militiamen": "fighters",
    "members of the security forces": "security forces", "security forces": "security forces",
    "security personnel": "security forces", "forces": "security forces",
    "members of security forces": "security forces", "personnel": "security forces",
}  # fmt: skip
_UNSPECIFIED = (
    "people|persons|person|victims|victim|others|individuals|residents|bystanders|men|man"
    "|adults|worshippers|protesters|pedestrians|customers|family members|relatives|patients"
    "|teen|teenager|boy|girl|student|resident|bystander|driver|passenger|motorist|worker"
    "|father|mother|son|daughter|husband|wife|brother|sister|toddler|infant|baby|suspect"
    "|suspects|youths|youth|juveniles|juvenile|guests|employees|employee|shooters|shooter"
    r"|\d{1,3}-year-olds?"
)
_NOUN = "(?:" + "|".join(sorted(_CATEGORIES, key=len, reverse=True)) + "|" + _UNSPECIFIED + ")"
_STATUS_WORDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "slain": "killed",
    "murdered": "killed", "fatally": "killed", "deaths": "killed", "lost": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "hospitalized": "injured",
    "hospitalised": "injured", "injuries": "injured", "wounds": "injured",
    "missing": "missing", "displaced": "displaced", "fled": "displaced", "homeless": "displaced",
    "arrested": "arrested", "detained": "arrested", "custody": "arrested",
    "shot": "shot",
}  # fmt: skip
_STATUS = (
    r"(?:(?P<sd>shot\s+(?:to\s+death|dead)|pronounced\s+dead|succumbed|fatally\s+(?:shot|wounded|injured|stabbed|struck))"
    r"|(?:suffered|sustained|with|treated\s+for)\s+(?:[\w-]+\s+){0,4}?(?P<inj>injuries|wounds?)"
    r"|(?:shot\s+and\s+)?(?P<st>killed|dead|died|slain|murdered|injured|wounded|hurt"
    r"|hospitali[sz]ed|missing|displaced|fled|homeless|arrested|detained|shot"
    r"|lost\s+(?:their|his|her)\s+lives|taken\s+into\s+custody))"
)
_AUX = (
    r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|had|have|has|are|is|got|remain"
    r"|remained|was\s+later|were\s+later)\s+)?"
)
_ADVERB = r"(?:(?:also|reportedly|critically|seriously|badly|later|all|each|both)\s+)?"
_MODIFIERS = r"(?:[\w]+(?:-[\w]+)*\s+){0,2}?"

# "at least three people were killed", "Four others suffered minor injuries", "two dead"
_NUMBER_FIRST = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})"
    rf"(?:\s+(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))(?:\s+\w+)??)?(?:,[^,]{{1,40}},)?"
    rf"\s+{_AUX}{_ADVERB}{_STATUS}\b",
    re.I,
)
# "Three people were shot, one fatally": the one is killed.
_FATALLY = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?:of\s+(?:them|whom)\s+)?"
    r"(?P<fatal>fatally)\b(?!\s+(?:shot|wounded|injured|stabbed|struck))",
    re.I,
)
# Coordinated counts share one verb: "745 civilians, 125 members of the security forces and
# 148 fighters were killed"; "including seven children and two women".
_ITEM = (
    rf"(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))"
)
_ITEM_BEFORE = re.compile(rf"{_ITEM}\s*(?:,\s*and|,|and)\s+$", re.I)
_ITEM_AFTER = re.compile(rf"^\s*(?:,\s*and|,|and)\s+{_ITEM}\b", re.I)
# Parts of a total given just before: "including seven children", "seven of them children",
# "among them two women". Their status is the total's.
_PART = re.compile(
    rf"\b(?:including|among\s+them|among\s+the\s+(?:dead|victims|wounded|injured))\s+"
    rf"(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))\b"
    rf"|\b(?P<num2>{NUMBER_PATTERN})\s+of\s+(?:them|whom)\s+(?:were\s+)?"
    rf"(?P<group2>{_MODIFIERS}(?P<noun2>{_NOUN}))\b",
    re.I,
)
# "Also injured were three 14-year-old boys"
_INVERTED = re.compile(
    r"\b(?:also\s+)?(?P<st>killed|injured|wounded|hurt|dead)\s+(?:were|was|are)\s+"
    rf"(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))\b",
    re.I,
)
# "two of the four shooting victims had died": the first number is the count.
_SOME_OF = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+of\s+(?:the|those|them)\s+"
    rf"(?:{NUMBER_PATTERN}\s+)?(?:(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))\s+)?"
    # "four of the wounded died": "the wounded" are who, "died" is what happened to them
    rf"(?:(?:wounded|injured|hurt)\s+(?:later\s+|have\s+|had\s+|since\s+)*(?=died|succumbed))?"
    rf"{_AUX}{_ADVERB}{_STATUS}\b",
    re.I,
)
# One victim named by role: "the victim died", "the suspect was shot dead", "the shooting
# death of a 17-year-old boy" (the indefinite article is already a number above).
_ONE = (
    "victim|man|woman|boy|girl|teen|teenager|child|toddler|infant|baby|suspect|officer"
    "|deputy|driver|gunman|shooter|person|resident|student|father|mother|son|daughter"
)
_SINGULAR = re.compile(
    rf"\bthe\s+(?P<group>{_MODIFIERS}(?P<noun>{_ONE}))\s+(?:\w+\s+){{0,1}}?{_AUX}{_ADVERB}{_STATUS}\b"
    rf"|\b(?:shooting\s+|stabbing\s+)?(?P<death>death)\s+of\s+(?P<num>an?|one|{NUMBER_PATTERN})\s+"
    rf"(?P<group2>{_MODIFIERS}(?P<noun2>{_NOUN}))\b",
    re.I,
)
# "killing at least 12 civilians", "wounded two others", "left three people dead"
_VERB_FIRST = re.compile(
    rf"\b(?P<verb>killed|killing|kills|wounded|wounding|injured|injuring|left|leaving|leaves)\s+"
    rf"(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))"
    rf"(?:\s+(?P<after>dead|injured|wounded|hurt))?\b",
    re.I,
)
# "the death toll rose to 745"
_TOLL = re.compile(
    rf"\bdeath\s+toll\s+(?:\S+\s+){{0,12}}?(?:to|at|of|is|was|reached|hit)\s+(?:(?P<qual>{_QUALIFIERS})\s+)?"
    rf"(?P<num>{NUMBER_PATTERN})\b",
    re.I,
)
# Sentences about a war's whole toll or a past year's events are background, not this event.
_BACKGROUND = re.compile(
    r"\b(?:\d+|[a-z]+)[- ]year(?:[- ]old)?\s+(?:civil\s+)?(?:war|conflict|insurgency|uprising)"
    r"|\bsince\s+(?:the\s+)?(?:start|beginning|(?:19|20)\d\d)\b|\bin\s+(?:19|20)\d\d\b",
    re.I,
)
_NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:%|percent|-year|year|month|week|day|hour|minute|a\.m|p\.m)", re.I
)


# After a person's name: "Samir Haidar, 67, was killed", "Ackeem Davis was shot to death".
_NAMED_VICTIM = re.compile(
    rf"^(?:,\s*(?:a\s+)?\d{{1,3}}(?:-year-old)?,)?\s+{_AUX}{_ADVERB}{_STATUS}\b", re.I
)


_ONE_AMOUNT = Amount(1, 1, 1, vague=False)


def extract_figures(
    sentences: tuple[Span, ...],
    attributions: tuple[str | None, ...],
    people: tuple[Span, ...] = (),
) -> tuple[Figure, ...]:
    """Figures per sentence. `attributions` gives each sentence's named source (see
    attribution.attribution_in); `people` are person-name spans, each named victim one."""
    figures: list[Figure] = []
    for sentence, source in zip(sentences, attributions, strict=True):
        named = [p for p in people if sentence.start <= p.start < sentence.end]
        found = sorted(
            [*_candidates(sentence, source), *_named_victims(sentence, named, source)],
            key=lambda f: (f.span.start, -(f.span.end - f.span.start)),
        )
        last_end = -1
        kept: list[Figure] = []
        for figure in found:
            if figure.span.start >= last_end:
                kept.append(figure)
                last_end = figure.span.end
        kept = _with_coordinated(sentence, kept)
        figures.extend(kept)
        figures.extend(_parts(sentence, kept))
    return tuple(sorted(figures, key=lambda f: f.span.start))


def _with_coordinated(sentence: Span, figures: list[Figure]) -> list[Figure]:
    """Adds the counts listed before a figure's own ("A, B and C were killed"): they take its
    status, and the whole list, the figure included, shares `listed_with` to be summed."""
    result: list[Figure] = []
    taken = {f.span.start for f in figures}
    for figure in figures:
        items: list[Figure] = []
        end = figure.span.start - sentence.start
        while not figure.part_of_total and (match := _ITEM_BEFORE.search(sentence.text[:end])):
            if sentence.start + match.start() in taken:
                break
            items.append(_item(sentence, match, figure, 0, part=False))
            end = match.start()
        head = replace(figure, listed_with=figure.span.start) if items else figure
        result.extend([head, *items])
    return result


def _figure(
    sentence: Span, start: int, end: int, amount: Amount, status: str, **fields: object
) -> Figure:
    """A figure over [start, end) of the article; `fields` are Figure's optional fields."""
    qualifier = fields.pop("qualifier", None)
    return Figure(
        article=sentence.article,
        value=amount.value,
        low=amount.low,
        high=amount.high,
        status=status,
        span=Span(
            sentence.article,
            start,
            end,
            sentence.text[start - sentence.start : end - sentence.start],
        ),
        sentence=sentence,
        qualifier=qualifier.lower() if isinstance(qualifier, str) else None,
        **fields,
    )


def _noun(match: re.Match, *names: str) -> str:
    groups = match.groupdict()
    noun = next((groups[n] for n in names if groups.get(n)), "") or ""
    return re.sub(r"\s+", " ", noun.lower())


def _item(sentence: Span, match: re.Match, like: Figure, offset: int, part: bool) -> Figure:
    return _figure(
        sentence,
        sentence.start + offset + match.start("num"),
        sentence.start + offset + match.end("group"),
        parse_amount(match.group("num")) or _ONE_AMOUNT,
        like.status,
        qualifier=match.group("qual"),
        category=_CATEGORIES.get(_noun(match, "noun"), like.category if part else None),
        attributed_to=like.attributed_to,
        group=match.group("group"),
        part_of_total=part,
        listed_with=like.listed_with if part else like.span.start,
    )


def _parts(sentence: Span, totals: list[Figure]) -> Iterator[Figure]:
    taken = [(f.span.start, f.span.end) for f in totals]
    for match in _PART.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        total = next((f for f in reversed(totals) if f.span.start < start), None)
        if total is None or any(a < end and start < b for a, b in taken):
            continue
        amount = parse_amount(match.group("num") or match.group("num2"))
        if amount is None:
            continue
        part = _figure(
            sentence,
            start,
            end,
            amount,
            total.status,
            qualifier=match.group("qual"),
            category=_CATEGORIES.get(_noun(match, "noun", "noun2"), total.category),
            attributed_to=total.attributed_to,
            group=match.group("group") or match.group("group2"),
            part_of_total=True,
        )
        yield part
        offset = match.end()
        while following := _ITEM_AFTER.match(sentence.text[offset:]):
            yield _item(sentence, following, part, offset, part=True)
            offset += following.end()


def _candidates(sentence: Span, attributed: str | None) -> Iterator[Figure]:
    text = sentence.text
    if _BACKGROUND.search(text):
        return
    patterns = (_NUMBER_FIRST, _VERB_FIRST, _TOLL, _FATALLY, _SOME_OF, _SINGULAR, _INVERTED)
    for pattern in patterns:
        for match in pattern.finditer(text):
            status = _status_of(match)
            amount = parse_amount(match.group("num")) if match.group("num") else _ONE_AMOUNT
            if status is None or amount is None or _not_a_count(text, match):
                continue
            groups = match.groupdict()
            yield _figure(
                sentence,
                sentence.start + match.start(),
                sentence.start + match.end(),
                amount,
                status,
                qualifier=groups.get("qual"),
                category=_CATEGORIES.get(_noun(match, "noun", "noun2")),
                attributed_to=attributed,
                group=groups.get("group") or groups.get("group2"),
            )


def _named_victims(sentence: Span, people: list[Span], attributed: str | None) -> Iterator[Figure]:
    if _BACKGROUND.search(sentence.text):
        return
    for person in people:
        match = _NAMED_VICTIM.match(sentence.text[person.end - sentence.start :])
        status = _status_of(match) if match else None
        if status is None:
            continue
        yield _figure(
            sentence,
            person.start,
            person.end + match.end(),
            _ONE_AMOUNT,
            status,
            attributed_to=attributed,
            group=person.text,
        )


def _status_of(match: re.Match) -> str | None:
    groups = match.groupdict()
    if groups.get("sd") or groups.get("fatal") or groups.get("death"):
        return "killed"
    if groups.get("inj"):
        return "injured"
    if groups.get("st"):
        word = groups["st"].split()[0].lower()
        return _STATUS_WORDS.get(word, "arrested" if word == "taken" else None)
    if "verb" in groups:
        verb = groups["verb"].lower()
        if verb.startswith("kill"):
            return "killed"
        if verb.startswith(("wound", "injur")):
            return "injured"
        after = (groups.get("after") or "").lower()
        return _STATUS_WORDS.get(after)
    return "killed"  # the death-toll pattern


def _not_a_count(text: str, match: re.Match) -> bool:
    if match.group("num") is None:
        return False
    after = text[match.end("num") :]
    before = text[: match.start("num")]
    return bool(_NOT_A_COUNT_AFTER.match(after)) or before.endswith(("$", "#", "No. "))
