"""Dates in the text, relative ones ("on Thursday", "early Sunday", "last night") resolved
against the publication date.

Resolution is done here rather than by dateparser because of two traps in news copy: a
weekday equal to the publication weekday means the publication day, not a week earlier, and
qualifiers like "early" or "late" do not shift the day. Without a publication date a
relative expression is kept with no resolved date rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import NamedTuple

from crosscheck.analyze.date_rules import DateRules, date_rules
from crosscheck.analyze.roundups import SEVERAL_INCIDENTS
from crosscheck.records import DateMention, Granularity, Span

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m: i
    for i, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"),
        start=1,
    )
    for m in names.split()
}  # fmt: skip
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
MONTH_NAMES = rf"(?:{_MONTH_WORDS})"
_MONTH = rf"(?P<month>{_MONTH_WORDS})\.?"
_EXPLICIT = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:(?:early|late|on|last|this\s+past)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?\b|\b(?P<word>yesterday|today|tonight|last\s+night|this\s+morning)\b",
    re.I,
)
# "last December", "December 2024": a month, not a day.
_MONTH_ONLY = re.compile(
    rf"\b(?:(?P<last>last|this\s+past)\s+{_MONTH}\b(?!\s+\d)"
    rf"|\b(?P<month2>{_MONTH_WORDS})\.?"
    r"\s+(?P<year>(?:19|20)\d\d)\b)",
    re.I,
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
}  # fmt: skip
# "three months ago", "two weeks ago", "last week", "last year"
_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b"
    r"|\blast\s+(?P<last_unit>week|month|year)\b",
    re.I,
)
# Page stamps, datelines and the clock are formats, not the knowledge of a kind of report
# (that is data/dates.json's, read by analyze/date_rules.py): no parse reads them, so they
# stay regular expressions.
# A page's own stamp ("Posted: Friday, July 10, 2015 6:47 AM", "(Published Monday, Sept. 21,
# 2015)", "Updated: Mar 29, 2017") dates the page, never the event.
_STAMP = re.compile(
    r"\b(?:posted|updated|published|modified|created|date)\s*:?\s*(?:\w+,?\s*){0,2}$", re.I
)
# Of those, the first posting, and a dateline ("SAVANNAH, GA (August 2, 2015):"), say when
# the page was first published better than a crawl's date, which may be an update's or the
# crawl's own.
_FIRST_POSTED = re.compile(r"\b(?:posted|published)\s*:?\s*(?:on\s+)?(?:\w+,?\s*)?$", re.I)
_DATELINE = re.compile(r"^\W*(?-i:[A-Z][A-Z.,' -]+)\($")
# Any dateline, the agency's kind too: "CHATTANOOGA, Tenn., July 18 (Reuters) - ", "NEW HAVEN,
# Conn., Oct. 27 (UPI) -- ", "PAOLI, Ind. (Feb. 10, 2015)-- ".
_DATELINE_BEFORE = re.compile(
    r"^\W*(?-i:[A-Z][A-Z.' -]+),?(?:\s*(?-i:[A-Z][A-Za-z]+)\.?,?){0,2}\s*\(?$"
)
_DATELINE_AFTER = re.compile(r",?\s*(?:\([\w .]+\))?\s*(?:[-—–:]|\)\s*[-—–:]?)")
_SEVERAL = re.compile(SEVERAL_INCIDENTS, re.I)
# The hour beside a date: "around 7 p.m. on Tuesday", "Tuesday at about 10:45 p.m."
_CLOCK = r"\d{1,2}(?::\d\d)?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
# Not "hadn't been seen since 10 p.m. on Saturday": the hour a span starts.
_CLOCK_BEFORE = re.compile(rf"(?<!since\s)(?<!until\s)\b{_CLOCK}\s*(?:on\s+)?$", re.I)
_CLOCK_AFTER = re.compile(
    r",?\s*(?:at\s+|around\s+|about\s+|near\s+|approximately\s+|just\s+(?:before|after)\s+"
    rf"|shortly\s+(?:before|after)\s+|after\s+|before\s+)+{_CLOCK}",
    re.I,
)


def publication_day(sentences: tuple[Span, ...], published: str | None) -> str | None:
    """The day the page was first published: its own first-posted stamp or dateline where it
    has one on or before `published`, else `published`. Relative dates ("on Thursday") are
    resolved against it: a page re-stamped by an update two weeks on still means the
    Thursday before it was first posted."""
    base = _day(published)
    stamped = [
        day
        for sentence in sentences[: date_rules().stamp_reach]
        for match in _EXPLICIT.finditer(sentence.text)
        if match.group("year")
        and (
            _FIRST_POSTED.search(sentence.text, 0, match.start())
            or _DATELINE.match(sentence.text, 0, match.start())
        )
        and (day := _explicit(match, base)) is not None
        and (base is None or day <= base)
    ]
    if stamped:
        return min(stamped).isoformat()
    return base.isoformat() if base else published


def find_dates(sentences: tuple[Span, ...], published: str | None) -> tuple[DateMention, ...]:
    base = _day(published)
    mentions: list[DateMention] = []
    for sentence in sentences:
        explicit = [(match, _explicit(match, base)) for match in _EXPLICIT.finditer(sentence.text)]
        mentions.extend(_mention(sentence, match, day) for match, day in explicit)
        written = {match.start() for match, _ in explicit}
        days = [day for _, day in explicit if day is not None]
        for match in _RELATIVE.finditer(sentence.text):
            # "Sunday, June 12": the written date says which Sunday.
            if not written.intersection(range(match.end(), match.end() + 4)):
                mentions.append(_mention(sentence, match, _weekday_of(match, days, base)))
        for match in _MONTH_ONLY.finditer(sentence.text):
            mentions.append(_mention(sentence, match, _month_only(match, base), "month"))
        for match in _AGO.finditer(sentence.text):
            resolved, granularity = _ago(match, base)
            mentions.append(_mention(sentence, match, resolved, granularity))
    mentions.sort(key=lambda m: m.span.start)
    return tuple(mentions)


class EventDay(NamedTuple):
    """The day an article dates its incident to; `guessed` when no word of it dates the
    shooting (the publication day, or a day of the past week told of nothing in particular),
    so that a story weighs it below a day the text ties to the shooting."""

    day: str | None
    guessed: bool = False


def event_date(
    mentions: tuple[DateMention, ...],
    sentences: tuple[Span, ...],
    published: str | None,
    headline: tuple[DateMention, ...] = (),
    follow_up: bool = False,
) -> EventDay:
    """The day the article says the violence happened; else the day its lead names; else
    the day of the past week its headline names ("One of two men shot late Monday ...
    dies", often all a paywalled page has); else a day of the past week in the body; else a
    day up to three years back that no aftermath word dates; else the publication day."""
    rules = date_rules()
    lead_end = sentences[min(len(sentences), rules.lead_sentences) - 1].end if sentences else 0
    base = _day(published)
    starts = [s.start for s in sentences]

    def sentence_of(mention: DateMention) -> Span:
        return sentences[bisect_right(starts, mention.span.start) - 1]

    mentions = tuple(
        m
        for m in mentions
        if not _stamped(m, sentence_of(m)) and not _bound(m, sentence_of(m), rules)
    )
    incident = [
        m
        for m in mentions
        if _plausible(m, base, rules.incident_recalled)
        and _tells_of_incident(m, sentence_of(m), rules)
    ]
    # Leads and photo captions also carry the publication day; the event is the lead's
    # earliest day, among those telling of the incident where any do.
    lead = [
        _resolved_day(m)
        for m in incident or mentions
        if m.span.start < lead_end and _plausible(m, base, rules.recent)
    ]
    if lead:
        day = min(lead)
        # A follow-up's lead tells of today (a hearing, an arrest "in the shooting death of");
        # a date written out further down and tied to the shooting is the event's ("for
        # accidentally shooting Anderson in the chest on March 1, 2014").
        written = [
            _resolved_day(m)
            for m in incident
            if _resolved_day(m) < day
            and _EXPLICIT.fullmatch(m.span.text)
            and _cue(m, sentence_of(m), rules) == "incident"
        ]
        today = base is not None and day == base.isoformat()
        return EventDay(written[0] if written and today and follow_up else day)
    if incident:
        return EventDay(incident[0].resolved)
    if titled := [_resolved_day(m) for m in headline if _plausible(m, base, timedelta(days=7))]:
        return EventDay(titled[0])
    # A lead with no date ("Police are investigating a shooting"): the body's first day of
    # the past week is likelier the event's than the publication day is; an earlier one
    # that no "said" or "charged" dates is likelier still ("the sheriff says Monday that
    # the boys were playing on Thursday").
    week = [m for m in mentions if _plausible(m, base, timedelta(days=7))]
    if week:
        quiet = next((m for m in week if _cue(m, sentence_of(m), rules) is None), week[0])
        if _cue(week[0], sentence_of(week[0]), rules) == "after":
            # "arrested Wednesday" dates the arrest, not the shooting
            return EventDay(quiet.resolved, guessed=True)
        return EventDay(min(_resolved_day(week[0]), _resolved_day(quiet)), guessed=True)
    # A follow-up published weeks on ("On February 2nd, the Davie resident woke up in
    # pain") dates the event further back.
    recalled = [m for m in mentions if _plausible(m, base, rules.incident_recalled)]
    if unsaid := [m for m in recalled if _cue(m, sentence_of(m), rules) is None]:
        return EventDay(unsaid[0].resolved)
    return EventDay(base.isoformat() if base else None, guessed=True)


def tells_of_aftermath(title: str | None) -> bool:
    """Does the headline tell of what came after a shooting: an arrest, a charge, a trial?"""
    return bool(title and date_rules().follow_up_headline.search(title))


def _stamped(mention: DateMention, sentence: Span) -> bool:
    at, end = mention.span.start - sentence.start, mention.span.end - sentence.start
    return bool(
        _STAMP.search(sentence.text, 0, at)
        or (
            _DATELINE_BEFORE.match(sentence.text, 0, at)
            and _DATELINE_AFTER.match(sentence.text, end)
        )
    )


def _bound(mention: DateMention, sentence: Span, rules: DateRules) -> bool:
    """Does the date bound a span of time ("40 wounded in 33 shootings since Friday", "until
    Monday") rather than date an event? "On scene since Monday night" dates the event it
    follows; a count over several shootings since a day does not."""
    bound = rules.bound_before.search(sentence.text, 0, mention.span.start - sentence.start)
    return bound is not None and (
        bound.group(1).lower() != "since" or _SEVERAL.search(sentence.text) is not None
    )


def _tells_of_incident(mention: DateMention, sentence: Span, rules: DateRules) -> bool:
    """Does the day date the violence: by the cue nearest it, else by the sentence, one
    telling of the violence and not of its aftermath?"""
    cue = _cue(mention, sentence, rules)
    if cue is not None:
        return cue == "incident"
    text = sentence.text
    return bool(rules.incident_sentence.search(text)) and not rules.aftermath_sentence.search(text)


def _cue(mention: DateMention, sentence: Span, rules: DateRules) -> str | None:
    """What the words next to a date say it dates: "incident" (the shooting), "after" (an
    arrest, a report: "police said Tuesday") or None."""
    text, at, end = (
        sentence.text,
        mention.span.start - sentence.start,
        mention.span.end - sentence.start,
    )
    if rules.incident_noun_after.match(text, end) or rules.hours_of.search(text, 0, at):
        return "incident"
    reach = rules.cue_reach
    before = list(rules.cue.finditer(text, max(0, at - reach), at))
    if (
        len(before) > 1
        and before[-1].group("after")
        and before[-2].group("incident")
        and rules.at_event.search(text, 0, before[-1].start())
    ):
        before.pop()  # "opened fire minutes into a vigil Monday": the shooting's day
    cue = before[-1] if before else rules.cue.search(text, end, end + reach)
    if cue is None:
        return None
    if cue.group("incident") is not None:
        return "incident"
    # "Police said around 7 p.m. on Tuesday the man opened fire": the hour is the
    # shooting's; a statement is not told by the clock.
    # So "Saturday night, after 10:30 p.m., police said someone opened fire"; not "at 12:30
    # p.m. April 13, sources said", where the hour may be another's.
    clocked = _CLOCK_AFTER.match(text, end) or (before and _CLOCK_BEFORE.search(text, 0, at))
    return "incident" if clocked and rules.telling.fullmatch(cue.group()) else "after"


def _resolved_day(mention: DateMention) -> str:
    """The day of a mention `_plausible` let through (so never empty)."""
    return mention.resolved or ""


def _plausible(mention: DateMention, base: date | None, within: timedelta) -> bool:
    """A day on or before publication, not longer ago than `within`: a later date, or one
    months before, is about something else (a court date, an earlier incident)."""
    if not mention.resolved or mention.granularity != "day":
        return False
    return base is None or timedelta(0) <= base - date.fromisoformat(mention.resolved) <= within


def _mention(
    sentence: Span, match: re.Match, resolved: date | None, granularity: Granularity = "day"
) -> DateMention:
    start = sentence.start + match.start()
    end = sentence.start + match.end()
    span = Span(sentence.article, start, end, match.group(0), in_title=sentence.in_title)
    return DateMention(span, resolved.isoformat() if resolved else None, granularity)


def _month_only(match: re.Match, base: date | None) -> date | None:
    if match.group("year"):
        return date(int(match.group("year")), _MONTHS[match.group("month2").lower()], 1)
    if base is None:
        return None
    month = _MONTHS[match.group("month").lower()]
    # "last December" in a December report is a year back; in a March report, three months.
    year = base.year if month < base.month else base.year - 1
    return date(year, month, 1)


def _ago(match: re.Match, base: date | None) -> tuple[date | None, Granularity]:
    unit = (match.group("unit") or match.group("last_unit")).lower()
    granularity = _UNITS[unit]
    if base is None:
        return None, granularity
    raw = (match.group("n") or "1").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    if unit == "day":
        return base - timedelta(days=n), granularity
    if unit == "week":
        return base - timedelta(weeks=n), granularity
    if unit == "month":
        months = base.year * 12 + base.month - 1 - n
        return date(months // 12, months % 12 + 1, 1), granularity
    return date(base.year - n, 1, 1), granularity


# The units _AGO names, and the granularity each gives a date.
_UNITS: dict[str, Granularity] = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _explicit(match: re.Match, base: date | None) -> date | None:
    if match.group("iso"):
        return _day(match.group("iso"))
    month = _MONTHS[match.group("month").lower()]
    year = int(match.group("year")) if match.group("year") else (base.year if base else None)
    if year is None:
        return None
    try:
        found = date(year, month, int(match.group("day")))
    except ValueError:
        return None
    if not match.group("year") and base and found > base + timedelta(days=1):
        found = found.replace(year=year - 1)  # "December 30" in a January report
    return found


def _weekday_of(match: re.Match, written: list[date], base: date | None) -> date | None:
    """The day a relative expression means; a bare weekday in a sentence that writes out a
    date falling on that weekday means that date ("Photo taken Tuesday May 17, 2016 ...
    officials respond to a home on Pipkin Street Tuesday"), not the last such weekday."""
    weekday = match.group("weekday")
    if weekday and not match.group(0).lower().startswith(("last", "this")):
        same = [d for d in written if d.weekday() == _WEEKDAYS.index(weekday.lower())]
        if len(set(same)) == 1:
            return same[0]
    return _relative(match, base)


def _relative(match: re.Match, base: date | None) -> date | None:
    if base is None:
        return None
    weekday = match.group("weekday")
    if weekday:
        back = (base.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
        if back == 6 and not match.group(0).lower().startswith(("last", "this")):
            # Six days back would be "last Tuesday". A bare "Tuesday" the day after the
            # publication stamp is a court date ahead, or a stamp taken a day early.
            return base + timedelta(days=1)
        return base - timedelta(days=back)
    word = match.group("word").lower()
    return base - timedelta(days=1) if word in ("yesterday", "last night") else base


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
