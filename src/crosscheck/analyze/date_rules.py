"""What dating the incident knows, as data (data/dates.json): the words that say whether a
day dates the violence itself or what came after it, the words that make a date a bound
of a span or mark a follow-up, and how far each looks. analyze/dates.py holds the
mechanisms, and the calendar (month names, weekdays, "ago") and page stamps, which are the
language's and the page's formats, not a kind of report's.

`date_rules()` reads the packaged file once per process and compiles its word entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import Any

from crosscheck.rulefiles import rule_examples, rule_file


@dataclass(frozen=True, slots=True)
class DateRules:
    incident_sentence: re.Pattern[str]
    aftermath_sentence: re.Pattern[str]
    incident_noun_after: re.Pattern[str]
    hours_of: re.Pattern[str]
    # One pattern for both kinds of cue, its groups "incident" and "after", so that the
    # nearest cue of either kind is found in one pass.
    cue: re.Pattern[str]
    telling: re.Pattern[str]
    at_event: re.Pattern[str]
    bound_before: re.Pattern[str]
    follow_up_headline: re.Pattern[str]
    lead_sentences: int
    stamp_reach: int
    cue_reach: int
    incident_recalled: timedelta
    recent: timedelta


def _data() -> dict[str, Any]:
    return rule_file("dates.json")


def _either(words: dict[str, Any], key: str) -> str:
    return "|".join(str(w) for w in words[key]["words"])


@cache
def date_rules() -> DateRules:
    words, limits = _data()["words"], _data()["thresholds"]

    def word(key: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{_either(words, key)})\b", re.I)

    def value(key: str) -> int:
        return int(limits[key]["value"])

    return DateRules(
        incident_sentence=word("incident_sentence"),
        aftermath_sentence=word("aftermath_sentence"),
        # "'s" and a year may stand between the day and the noun: "Monday night's
        # shooting", "a March 3, 2024, shooting".
        incident_noun_after=re.compile(
            r"(?:['’]s)?\s*(?:,\s*(?:19|20)\d\d,?\s*)?"
            rf"(?:{_either(words, 'incident_noun_after')})\b",
            re.I,
        ),
        # "the morning of March 6", "the early morning hours of Friday, May 6".
        hours_of=re.compile(rf"\b(?:{_either(words, 'hours_of')})\s+of\s+(?:\w+,\s+)?$", re.I),
        cue=re.compile(
            rf"\b(?:(?P<incident>{_either(words, 'incident_cue')})"
            rf"|(?P<after>{_either(words, 'after_cue')}))\b",
            re.I,
        ),
        telling=re.compile(_either(words, "telling"), re.I),
        # "minutes into a vigil", "at the funeral": the words before the gathering.
        at_event=re.compile(
            rf"\b(?:{_either(words, 'at_event')})\s+(?:a|an|the)\s+(?:[\w'’-]+\s+)?$", re.I
        ),
        bound_before=re.compile(rf"\b({_either(words, 'bound_before')})\s+$", re.I),
        follow_up_headline=word("follow_up_headline"),
        lead_sentences=value("lead_sentences"),
        stamp_reach=value("stamp_reach"),
        cue_reach=value("cue_reach"),
        incident_recalled=timedelta(days=value("incident_recalled_days")),
        recent=timedelta(days=value("recent_days")),
    )


def date_examples() -> list[dict[str, Any]]:
    """Every entry's examples, each with the entry it shows (`rule`): a text (and a title),
    its publication time, and the day analysis must give its incident (`event_day`), or
    must not (`not_event_day`)."""
    return rule_examples(_data())
