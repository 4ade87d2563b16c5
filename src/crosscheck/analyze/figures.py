"""Casualty figures: how many were killed, injured, missing, displaced or arrested.

Precision matters more than recall: a number becomes a figure only when it stands in a
casualty construction ("three people were killed", "killing at least 12 civilians",
"left two dead"), so ages, durations, addresses and times stay out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from crosscheck.analyze.dates import MONTH_NAMES
from crosscheck.analyze.lexicon import casualty_lexicon
from crosscheck.analyze.numbers import NUMBER_PATTERN, Amount, parse_amount, writes_number
from crosscheck.analyze.roundups import SEVERAL_INCIDENTS
from crosscheck.records import Figure, Span, Status

# The nouns and qualifiers of a count live in data/casualties.json, shared with
# analyze/tolls.py, which reads counts from the parse.
_LEXICON = casualty_lexicon()
_QUALIFIERS = "|".join(map(re.escape, _LEXICON["qualifiers"]))
_CATEGORIES: dict[str, str] = _LEXICON["categories"]
_UNSPECIFIED = (
    "|".join(map(re.escape, _LEXICON["unspecified"])) + r"|\d{1,3}-(?:year|month|week)-olds?"
)
_NOUN = "(?:" + "|".join(sorted(_CATEGORIES, key=len, reverse=True)) + "|" + _UNSPECIFIED + ")"
_STATUS_WORDS: dict[str, Status] = {
    "killed": "killed", "dead": "killed", "died": "killed", "dies": "killed", "die": "killed",
    "slain": "killed",
    "murdered": "killed", "fatally": "killed", "deaths": "killed", "lost": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "hospitalized": "injured",
    "hospitalised": "injured", "injuries": "injured", "wounds": "injured",
    "missing": "missing", "displaced": "displaced", "fled": "displaced", "homeless": "displaced",
    "arrested": "arrested", "detained": "arrested", "custody": "arrested",
    "shot": "shot", "recovering": "injured", "expected": "injured",
}  # fmt: skip
# Words that settle a suffered wound's outcome: lived through ("minor wounds") or not ("fatal
# injuries"); without them a wound is only a shooting, and other sentences tell.
_ALIVE = re.compile(r"\b(?:minor|non-?life|non-?fatal|not\s+life|treated\s+for)", re.I)
_FATAL = re.compile(r"(?<!non-)(?<!non)\b(?:fatal|mortal|deadly)\b", re.I)
# "bullets nearly killed him": he lived.
_NEARLY = re.compile(r"\b(?:nearly|almost|narrowly)\s+$", re.I)
# "Police were not able to say if the man had died": a question, not a count.
_WHETHER = re.compile(r"\b(?:if|whether)\s+(?:\w+\s+){0,3}$", re.I)
# "another man was shot": not the one already counted.
_ANOTHER = re.compile(r"(?:another|an?\s+(?:second|third|fourth))\b", re.I)
_HOSPITAL = r"(?:hospitals?|medical\s+centers?|trauma\s+centers?)"
_STATUS = (
    r"(?:(?P<sd>shot\s+(?:to\s+death|dead)|pronounced\s+dead|succumbed|(?:fatally|mortally)\s+(?:shot|wounded|injured|stabbed|struck))"
    r"|(?:suffered|sustained|treated\s+for)\s+(?:[\w-]+\s+){0,4}?(?P<inj>injuries|wounds?)"
    # "found with a gunshot wound": dead or alive, other sentences tell.
    r"|(?P<wound>with\s+(?:[\w-]+\s+){0,4}?(?:injuries|wounds?))"
    r"|(?:shot\s+and\s+)?(?P<st>killed|dead|died|dies|slain"
    # "three die", not "he could die"
    r"|(?<!could\s)(?<!would\s)(?<!might\s)(?<!may\s)(?<!will\s)(?<!to\s)die|murdered|injured|wounded|hurt"
    r"|hospitali[sz]ed|missing|displaced|fled|homeless|arrested|detained|shot"
    # "the 14-month-old is recovering", "is expected to survive": wounded, and alive.
    r"|recovering|expected\s+to\s+(?:recover|survive)"
    r"|lost\s+(?:their|his|her)\s+lives|taken\s+into\s+custody)"
    # Hit by gunfire or taken to hospital: a casualty whose fate other sentences tell (the
    # dead are subtracted from the shot to count the injured).
    r"|(?P<hit>(?:hit|struck|grazed)\s+(?:\w+\s+){0,3}?by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:bullets?|gunfire|shots?|rounds?|pellets?|gunshots?)|grazed"
    # "The boy is in critical condition", "remains in the hospital": alive when reported.
    r"|(?:listed\s+)?in\s+(?:(?:very|extremely|stable\s+but|critical\s+but)\s+)?"
    r"(?:critical|serious|stable|good|fair|grave|guarded|satisfactory)\s+condition"
    r"|in\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:hospital|intensive\s+care|ICU)\b"
    r"|(?:(?:taken|transported|rushed|driven|airlifted|flown|brought)\s+(?:\w+\s+){0,2}?to"
    r"|(?:showed\s+up|arrived|turned\s+up)\s+at)\s+"
    rf"(?:an?\s+|the\s+)?(?:[\w'-]+\s+){{0,3}}?{_HOSPITAL}))"
)
# Auxiliaries that make a victim's verb passive ("was shot", "has been found dead"). "had"
# and "have" alone are not among them: "he had shot his wife" is the shooter.
_PASSIVE = (
    r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|remain|remained"
    r"|is\s+being|was\s+being)(?:\s+(?:later|then|also|eventually|subsequently))?"
    r"(?:\s+found)?\s+)"
)
_AUX = rf"(?P<aux>{_PASSIVE}|(?:had|have|has)\s+)?"
_ADVERB = (
    r"(?:(?:also|reportedly|critically|seriously|badly|later|all|each|both|accidentally"
    r"|allegedly|apparently|eventually|ultimately|subsequently|then|just"
    r"|tragically)\s+)?"
)
# Words describing the victims ("24-year-old Sun Valley", "pro-Assad"), never function
# words, so "12 hours later the man died" does not count twelve.
_MODIFIERS = (
    r"(?:(?!(?:the|a|an|and|or|of|in|on|at|to|by|for|with|from|was|were|is|are|his|her|their"
    r"|who|that|after|before|when|\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?![\w-]))"
    r"\w+(?:-\w+)*(?:['’]s)?\s+){0,3}?"
)
# Between the victims and their verb: one word, a place ("in Indiana"), a parenthesis or an
# apposition between commas.
# The words before victims' ages: "between the ages of", "ages", "aged", "under the age of".
_AGES = r"(?:between\s+)?(?:the\s+)?age[sd]?\s+(?:(?:between|of|under|over)\s+)?"
_INSERT = (
    r"(?:\s+(?!(?:and|or|but)\b)\w+|\s+(?:in|from|of)\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,2}"
    r"|\s*\([^()]{1,60}\)|,[^,]{1,60},|\s*(?:--|[—–])[^—–-]{1,50}(?:--|[—–])"
    # "four boys between ages 12 and 16", "three women aged 25 to 51"
    rf"|\s+{_AGES}\d{{1,3}}(?:\s*(?:,|and|to|-)\s*\d{{1,3}})*"
    # "three state troopers who entered the home were wounded"
    r"|\s+(?:who|that)(?:\s+[\w'’-]+){1,5}?(?=\s+(?:were|was|are|is|have|has|had)\s))"
)

# "at least three people were killed", "Four others suffered minor injuries", "two dead"
_NUMBER_FIRST = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})"
    rf"(?:\s+(?:of\s+)?(?P<group>{_MODIFIERS}(?P<noun>{_NOUN})){_INSERT}??)?(?:,[^,]{{1,40}},)?"
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
    rf"\b(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))"
)
_ITEM_BEFORE = re.compile(rf"{_ITEM}\s*(?:,\s*and|,|and)\s+$", re.I)
# "one with a gunshot wound", "one of whom", "one in critical condition": no noun of its own.
_ONE_OF_THEM = re.compile(r"one\s+(?:with|of|in|who|was|is)\b", re.I)
# "one male victim and one female victim, both with gunshot wounds": the total of the items
# before it, not one more item.
_SUMMING = re.compile(r"(?:both|all)\b", re.I)
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
    "|husband|wife|brother|sister|cousin|friend|girlfriend|boyfriend|neighbor|neighbour"
    "|grandmother|grandfather|uncle|aunt|nephew|niece|relative|roommate|clerk|employee"
    "|partner|fiancee|fiancée|fiance|grandson|granddaughter|stepson|stepdaughter|stepfather"
    "|stepmother"
    r"|male|female|juvenile|\d{1,3}-(?:year|month|week)-old"
)
_SINGULAR = re.compile(
    rf"\b(?:the|his|her|their|another|a\s+(?:second|third|fourth))\s+(?P<group>{_MODIFIERS}(?P<noun>{_ONE})){_INSERT}??\s+{_AUX}{_ADVERB}{_STATUS}\b"
    rf"|\b(?:(?:shooting\s+|stabbing\s+)?(?P<death>death)|(?:claimed|claiming|took|taking)\s+"
    rf"the\s+(?P<lives>life|lives))\s+of\s+(?P<num>an?|one|{NUMBER_PATTERN})\s+"
    rf"(?P<group2>{_MODIFIERS}(?P<noun2>{_NOUN}))\b"
    # A name, whether or not NER knows it: "the death of (19-year-old) Tess Varga".
    r"|\b(?:shooting\s+|stabbing\s+)?(?P<death2>death)\s+of\s+(?:\d{1,3}[- ]year[- ]old\s+)?"
    r"(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+|(?<=old\s)[A-Z][a-z]+)"
    # "charged with the murder of her 4-year-old daughter"
    rf"|(?<!attempted\s)\b(?P<death3>murder|killing|slaying)\s+of\s+(?:his|her|their)\s+"
    rf"{_MODIFIERS}(?:{_ONE})\b",
    re.I,
)
# A killer's verbs that say his victims died: "killed", "shot and killed", "fatally shot",
# "mortally wounding". One list for every rule that reads a killer's victims or his own death.
_FATAL_VERB = (
    r"(?:(?:fatally|mortally)\s+(?:shot|shooting|shoots|wounded|wounding|wounds|injured"
    r"|injuring|struck|striking)|shot\s+and\s+killed|shooting\s+and\s+killing"
    r"|killed|killing|kills)"
)
# One or two victims as the object: "shot and killed his wife", "wounding a clerk and a
# customer".
_VERB_ONE = re.compile(
    rf"\b(?P<vone>{_FATAL_VERB}|wounded|wounding|injured|injuring|shot|shooting|shoots|hitting"
    r"|striking|grazing|hurting)\s+"
    # "shot her and her mother": a pronoun is a victim only with one named after it.
    rf"(?:(?:him|her)(?=\s+and\s+(?:his|her|their|an?)\s)"
    rf"|(?:his|her|their|an?)\s+(?P<group>{_MODIFIERS}(?P<noun>{_ONE}))\b)"
    # "her 30-year-old daughter": the age, then the noun
    rf"(?:\s+(?:{_ONE})(?=\s+and\s))?"
    # "his wife and daughter": the second shares the first's determiner.
    rf"(?:(?P<second>\s+(?:and|&)\s+(?:(?:his|her|their|an?)\s+{_MODIFIERS})?(?:{_ONE})\b"
    r"(?![-'’]))"
    # "killing his wife and their four children": one and the kin counted after.
    rf"|\s+and\s+(?:(?:his|her|their)\s+)?(?P<kin>{NUMBER_PATTERN})\s+{_MODIFIERS}"
    r"(?:children|kids|daughters|sons|grandchildren|stepchildren|relatives)\b)?"
    # "shot his 7-year-old daughter to death"
    rf"(?:(?:\s+(?:{_ONE}))?(?P<todeath>\s+to\s+death|\s+dead)\b)?",
    re.I,
)
# "The boy who was shot was pronounced dead": the relative clause is how, the verb after it
# what became of the victim.
_SHOT_THEN = re.compile(
    rf"\b(?:the|a|an)\s+(?P<group>{_MODIFIERS}(?P<noun>{_ONE}))\s+(?:who|that)\s+(?:was|were|had\s+been)"
    r"\s+(?:shot|wounded|hit|struck)\b(?:\s+(?!(?:and|but|or)\b)[\w.]+){0,5}?\s+"
    r"(?:(?:later|has|had|was|is)\s+)*(?P<died>died|pronounced\s+dead|succumbed)\b",
    re.I,
)
# "A third person has died", "Second teen victim of West Allis shooter dies": the ordinal
# is the count of dead so far.
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7,
    "8th": 8, "9th": 9, "10th": 10,
}  # fmt: skip
# A bullet as the subject, a body or a victim its object: "a stray bullet struck the back of
# his head", "the bullet striking the victim in the back". One shot.
_BULLET_HIT = re.compile(
    r"\b(?:bullets?|gunfire|rounds?|pellets?"
    # "the gun went off unintentionally, grazing the back of the victim's head"
    r"|(?:gun|rifle|pistol|shotgun|handgun|weapon)\s+(?:went\s+off|discharged)(?:\s+\w+ly)?,?)"
    r"\s+(?:from\s+(?:[\w.-]+\s+){1,5}?)?"
    # "The bullet hit the car and then ricocheted and hit the back seat passenger"
    r"(?:(?:[\w,]+\s+){1,6}?ricocheted,?\s+(?:and\s+)?)?"
    r"(?:(?:that|which)\s+)?(?P<hit>struck|strikes|striking|hit|hits|hitting"
    r"|grazed|grazes|grazing|pierced|pierces|piercing)\s+(?:(?:the\s+)?(?:back|side|top)\s+of\s+)?"
    r"(?:(?:(?:his|her|the\s+(?:victim|boy|girl|man|woman|child|baby|teen)['’]s)\s+(?:\w+\s+)?)?"
    r"(?:head|chest|leg|arm|back|neck|face|shoulder|abdomen|hip|foot|hand|stomach|torso|skull)\b"
    rf"|(?:the|an?)\s+{_MODIFIERS}(?:{_ONE}|passenger)\b)",
    re.I,
)
# The last of several victims, its noun left out or after "shooting": "Three men shot, a
# fourth wounded by shrapnel", "3 men walk into Circle K with gunshots, 4th shooting victim
# found": that many shot, dead or alive. Not "the second shot struck him": a bare "shot"
# after an ordinal is a gunshot.
_ORDINAL_VICTIM = re.compile(
    rf"(?:^|(?<=[,:;]\s)|(?<=\ba\s)|(?<=\bthe\s))(?P<ord>{'|'.join(_ORDINALS)})\s+"
    r"(?:(?:shooting|gunshot)\s+)?(?:(?P<victim>victim|person|man|woman|boy|girl|teen)\s+"
    r"(?:(?:was|is)\s+)?)?"
    r"(?P<hit>(?(victim)(?:shot|found|hit|struck|wounded|hurt|injured|grazed)"
    r"|(?:wounded|hurt|injured|grazed)))\b",
    re.I,
)
# The victim an ordinal names, shot whether or not he died: "a fifth male adult victim was
# found later at a hospital" (five shot); not a suspect ("a second suspect was shot").
_ORDINAL_SHOT = re.compile(
    rf"(?P<ord>{'|'.join(_ORDINALS)})\b"
    r"(?!.*\b(?:suspects?|gunm[ae]n|shooters?|officers?|deputy|deputies)\b)",
    re.I,
)
_ORDINAL_DIED = re.compile(
    rf"\b(?:(?:a|the)\s+)?(?P<ord>{'|'.join(_ORDINALS)})\s+(?P<group>{_MODIFIERS}(?P<noun>{_ONE}))"
    r"(?:\s+(?!(?:and|but|or|where|who|to|when|after)\b)[\w'’.-]+){0,8}?"
    r"\s+(?:(?:has|have|had|later|since|now|also)\s+)*(?P<died>died|dies|succumbed)\b",
    re.I,
)
# The wounded as the subject of a later death: "A man who was critically injured in a shooting
# early Friday has died", "One of two men shot late Monday in Belle Glade dies". No comma or
# new clause between: in "were taken to the hospital, where one died" someone else's verb.
_THEN_DIED = re.compile(
    r"^(?:\s+(?!(?:and(?!\s+(?-i:[A-Z0-9]))|but|or|where|after|before|because|though|although"
    r"|then|as|with|when|until|he|she|they|one|two|both)\b)[\w'’.-]+){0,14}?"
    r"\s+(?:(?:has|have|had|later|since|now|subsequently|also)\s+)*(?:died|dies|succumbed)\b",
    re.I,
)
# "One of the": some of the wounded died, the rest lived.
_SOME_OF_BEFORE = re.compile(rf"\b(?P<num>{NUMBER_PATTERN})\s+of\s+(?:the\s+|those\s+)?$", re.I)
# Victims listed after "the deaths of": "the shooting deaths of a mother, son and little
# girl" is three dead.
_VICTIM = rf"(?:(?:an?|his|her|their)\s+)?{_MODIFIERS}(?:{_ONE})"
_DEATHS_OF = re.compile(
    rf"\b(?:shooting\s+)?deaths\s+of\s+(?P<deaths>{_VICTIM}(?:\s*,\s*{_VICTIM})*"
    rf"\s*,?\s+and\s+{_VICTIM})\b(?![-'’])",
    re.I,
)
# "a double shooting", "a triple homicide": the count is in the name of the crime.
_MULTIPLE = re.compile(
    r"\b(?P<multi>double|triple|quadruple)[- ](?P<fatal2>fatal\s+)?"
    r"(?P<crime>shooting|homicide|murder|killing)s?\b",
    re.I,
)
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4}
# "a murder-suicide" is two dead, the victim and the shooter; "a double murder-suicide" (or
# "double-murder and suicide") three.
# An attempted one is not.
_MURDER_SUICIDE = re.compile(
    r"(?<!attempted\s)\b(?:(?P<msmulti>double|triple|quadruple)[- ])?"
    r"(?P<ms>murder(?:[- ]|\s+and\s+)suicide)s?\b",
    re.I,
)
# "a fatal shooting", "the shooting death of": someone died, however many.
_FATAL_EVENT = re.compile(
    r"\b(?:fatal|deadly)\s+(?:shooting|stabbing|attack)\b|\bshooting\s+death\b"
    r"|\bdeath\s+(?:was\s+|is\s+|has\s+been\s+)?ruled\s+(?:a\s+)?homicide\b"
    # "Fatal victim ID'd", "a body was found": someone died.
    r"|\b(?:fatal|deadly)\s+(?:shooting\s+)?victim\b"
    r"|(?<!no\s)\bbody\s+(?:was\s+|has\s+been\s+)?(?:found|discovered|recovered)\b",
    re.I,
)
# "the 2008 fatal shooting", "an unrelated deadly shooting": another event.
_ANOTHER_EVENT = re.compile(
    r"\b(?:(?:19|20)\d\d|earlier|previous|prior|unrelated|separate|another|other"
    r"|(?:last|this)\s+\w+['’]s)\s+$",
    re.I,
)
# "doctors counted 14 bodies": the dead, counted.
_BODIES = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?:more\s+)?(?P<bodies>bodies|corpses)\b",
    re.I,
)
# "A woman and toddler died": two victims, the second with no determiner of its own, so
# not a victim the conjunct rule below could widen.
_PAIR = re.compile(
    rf"\b(?P<pair>a|an|one|another)\s+(?P<group>{_MODIFIERS}(?P<noun>{_ONE}))\s+and\s+"
    rf"(?:(?:a|an|her|his|their|the)\s+)?{_MODIFIERS}(?:{_ONE})\s+{_AUX}{_ADVERB}{_STATUS}\b",
    re.I,
)
# Two victims by their ages: "a 16 and 17-year-old were shot", "a 16- and a 17-year-old boy".
_AGE_PAIR = re.compile(
    rf"\b(?P<pair>an?)\s+\d{{1,3}}-?\s+and\s+(?:an?\s+)?(?P<group>\d{{1,3}}-year-old"
    rf"(?:\s+(?P<noun>{_UNSPECIFIED}))?)\s+{_AUX}{_ADVERB}{_STATUS}\b",
    re.I,
)
# A victim listed before a single one's verb: "Bianca Rowe and her son, 17-year-old Jay Rowe,
# were found dead", "Agent Ray Dunn and the suspect were killed". Each adds one.
_CONJUNCT_TAIL = (
    # "and" is required: after a bare comma comes an apposition ("Bianca Rowe, her son").
    rf"\s*,?\s+and\s+(?:(?:his|her|their)\s+(?:{_ONE}),?\s+)?(?:\d{{1,3}}-year-old\s+)?$"
)
_ROLE_BEFORE = re.compile(
    rf"\b(?:a|an|the|his|her|their)\s+{_MODIFIERS}(?:{_ONE}){_CONJUNCT_TAIL}", re.I
)
# After a person's name (and age): "Nora Pike, 43, and ".
_NAME_BEFORE = re.compile(rf"^(?:,\s*\d{{1,3}},)?{_CONJUNCT_TAIL}", re.I)
# A full name NER may have taken for an organisation, with its age before or after it:
# "19-year-old Darren Miles and", "Carla Ruiz, 41, and".
_FULL_NAME = (
    r"(?:\b\d{1,3}-year-old\s+)?(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2})(?:,\s*\d{1,3},)?"
)
_FULL_NAME_BEFORE = re.compile(rf"{_FULL_NAME}{_CONJUNCT_TAIL}", re.I)
# Once "and" has opened the list, a comma separates the names before it: "34-year-old
# Nora Bell, 19-year-old Darren Miles and 12-year-old Owen Price were killed".
_FULL_NAME_LISTED = re.compile(rf"{_FULL_NAME}\s*,\s+(?:\d{{1,3}}-year-old\s+)?$", re.I)
# The possessive before a count of kin listed after a victim: "Maria Stone and her (two
# children)".
_KIN_BEFORE = re.compile(r"(?<=\sand\s)(?:his|her|their)\s+$", re.I)
# "he was pronounced dead", "she later died": one victim, named before.
_PRONOUN = re.compile(rf"\b(?P<pron>he|she)\s+{_AUX}{_ADVERB}{_STATUS}\b", re.I)
# Headlines drop the article: "Man shot, killed in SE Houston", "Fort Worth man fatally shot".
# A clause opens at the start, after a colon or comma, or after a conjunction: "Gun left on
# couch before 6-year-old shot, killed".
_HEADLINE_ONE = re.compile(
    rf"(?:^|[:;,]\s*|\b(?:before|after|as|when|while|but)\s+)(?:[\w.'-]+\s+){{0,3}}?"
    rf"(?P<group>(?P<noun>{_ONE}|youth|rapper|player|athlete|\d{{1,2}}th-grader))"
    # "13-year-old's toe grazed by bullet"
    r"(?:['’]s\s+(?:toe|foot|leg|arm|hand|head|chest|back|finger|shoulder|face|ankle|hip|neck))?"
    rf"(?:,[^,]{{1,30}},)?\s+(?:who\s+)?(?:(?:is|was|were|are)\s+)?(?:found\s+)?{_ADVERB}(?:shot,\s+)?{_STATUS}\b"
    # Objects without their article: "shooting that killed Columbia teen", "Death Of
    # Nephew"; "Wells Dead at 25".
    rf"|\b(?P<vone>killed|kills|killing|wounded|wounds|wounding|shoots|shooting|injures|hurts"
    rf"|grazes)\s+"
    rf"(?:(?!(?:death|of|in|at|on|near)\b)(?-i:[A-Z][\w.'-]*)\s+){{0,2}}?(?P<group2>(?P<noun2>{_ONE}))\b"
    rf"|\b(?P<death>death)\s+of\s+(?:(?-i:[A-Z][\w.'-]*)\s+){{0,2}}?(?P<group3>(?P<noun3>{_ONE}))\b"
    # "charged in his brother's death"
    rf"|\b(?:his|her|their)\s+(?P<group4>(?P<noun4>{_ONE}))['’]s\s+(?:shooting\s+)?(?P<death4>death)\b"
    r"|\b(?P<died>dead)\s+at\s+\d{1,3}\b",
    re.I,
)
# Victims listed as a headline's subject: "Man, woman and boy wounded", "Police: 10-Year-Old
# Girl, Teen Shot", "Mother, daughter killed". Each noun is one victim.
_HEADLINE_VICTIM = (
    rf"(?:(?:an?|his|her|their)\s+)?(?:[\w.'-]+\s+){{0,2}}?(?:{_ONE}|youth)(?:,\s*\d{{1,3}},?)?"
)
_HEADLINE_LIST = re.compile(
    rf"(?:^|[:;]\s*|\b(?:before|after|as|when|while|but)\s+)"
    rf"(?P<group>{_HEADLINE_VICTIM}(?:\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)"
    rf"{_HEADLINE_VICTIM})+)"
    rf"\s+(?:(?:is|was|were|are)\s+)?(?:found\s+)?{_ADVERB}(?:shot,\s+)?{_STATUS}\b",
    re.I,
)
# What separates listed victims: a comma, "and", "&"; not the commas around an age ("Boy, 2,
# man").
_LIST_SEPARATOR = re.compile(r"(?<!\d),\s*(?:and\s+|&\s*)?(?!\d)|\s+and\s+|\s*&\s*", re.I)
# "Family of five found shot dead"
_HEADLINE_FAMILY = re.compile(
    rf"\b(?P<group>family)\s+of\s+(?P<num>{NUMBER_PATTERN})\s+(?:(?:is|was|were|are)\s+)?"
    rf"(?:found\s+)?{_ADVERB}{_STATUS}\b",
    re.I,
)
# "killing at least 12 civilians", "wounded two others", "left three people dead"
# "a shooting sent four people to the hospital": casualties whose fate other sentences give.
_VERB_FIRST = re.compile(
    r"\b(?P<verb>killed|killing|kills|wounded|wounding|injured|injuring|left|leaving|leaves"
    r"|sent|sending|sends|(?:shot|shooting|shoots)(?:\s+and\s+(?:killed|killing|wounded|wounding))?)\s+"
    rf"(?:(?P<qual>{_QUALIFIERS})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?P<group>{_MODIFIERS}(?P<noun>{_NOUN}))"
    rf"(?:\s+(?P<after>dead|injured|wounded|hurt)"
    rf"|\s+to\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,2}}?(?P<hospital>{_HOSPITAL}))?\b",
    re.I,
)
# "shot four people, killing two", "killing 12 and wounding 30": a count of the victims just
# counted, their noun left out.
_ELLIPTICAL = re.compile(
    rf"(?:(?<=,\s)|(?<=\sand\s))(?P<verb>killing|wounding|injuring)\s+(?:(?P<qual>{_QUALIFIERS})\s+)?"
    rf"(?P<num>{NUMBER_PATTERN})(?:\s+of\s+them)?(?=\s*(?:[,.;:]|$|and\b|then\b|before\b))",
    re.I,
)
# "the death toll rose to 745"
_TOLL = re.compile(
    rf"\bdeath\s+toll\s+(?:\S+\s+){{0,12}}?(?:to|at|of|is|was|reached|hit)\s+(?:(?P<qual>{_QUALIFIERS})\s+)?"
    rf"(?P<num>{NUMBER_PATTERN})\b",
    re.I,
)
# The attacker's own death: "then turned the gun on himself", "took his own life"; or one
# who shot himself.
_TURNED_ON_SELF = (
    r"(?:turned|turning|turns)\s+the\s+(?:gun|weapon|rifle|handgun|pistol)\s+on\s+"
    r"(?:himself|herself)"
)
_TOOK_OWN_LIFE = r"(?:took|taking|takes)\s+(?:his|her)\s+own\s+life"
# Headlines write "self": "Boy, 4, shoots self in groin".
_KILLED_SELF = rf"{_FATAL_VERB}\s+(?:himself|herself|self)\b"
# The last of the killer's victims, his verb left out: "killing 2, then himself", "kills
# woman, her son, himself" (read only after such a verb: `_with_own_death`).
_THEN_SELF = r"(?:\bthen|,)\s+(?:and\s+)?(?:himself|herself)\b"
_SELF = re.compile(
    rf"\b(?P<self>{_TURNED_ON_SELF})|\b(?P<self2>{_TOOK_OWN_LIFE})|\b(?P<self3>{_KILLED_SELF})"
    rf"|(?P<self4>{_THEN_SELF})"
    # Not fatally: "accidentally shot himself in the leg" (the dead are counted elsewhere).
    # "accidentally shooting himself and 1-year-old daughter": two.
    r"|\b(?P<selfshot>shot|shooting|shoots)\s+(?:himself|herself|self)\b"
    rf"(?P<second>\s+and\s+(?:(?:his|her|a)\s+)?(?:\d{{1,3}}-year-old\s+)?(?:{_ONE})\b)?",
    re.I,
)
# A figure's span that is the killer's own death, as `_SELF` reads it; "bare" without a
# verb of its own.
_OWN_DEATH = re.compile(
    rf"{_TURNED_ON_SELF}|{_TOOK_OWN_LIFE}|{_KILLED_SELF}|(?P<bare>{_THEN_SELF})", re.I
)
# A count of victims under the killer's active verb: "killed a woman", "killing 2",
# "shot and killed his wife"; not "killed by her father".
_BY_KILLER = re.compile(
    rf"(?:(?:{_FATAL_VERB}|kill)\s+(?!by\b)|(?:shot|shoots|shooting)\s+.*\b(?:to\s+death|dead)$)",
    re.I,
)
# Victims the killer shot or wounded, under his active verb: "shot his wife and daughter".
_SHOT_BY_KILLER = re.compile(r"(?:shot|shoots|shooting|wounded|wounding|wounds)\s+(?!by\b)", re.I)
# A passive count's killer: "were shot dead by Paul Kerr", "by her husband".
_BY_NAMED = re.compile(r"\s+by\s+(?:(?-i:[A-Z])|(?:her|his|their)\s+)", re.I)
# What may stand between the victims and the killer's death: the victims' noun the count
# left out ("kills 7-year-old daughter, himself"), an apposition ("her mother, 21-year-old
# Ana Ortiz,") and "then", "before", "and".
_CONNECTIVE = re.compile(
    r"(?:\s+[a-z]+|,[^,]{1,50}(?=,))?[\s,]*(?:(?:and|then|before|later|,)\s*)*"
)
# Sentences about a war's whole toll, a past year's events or the year's running count are
# background, not this event.
_BACKGROUND = re.compile(
    r"\b(?:\d+|[a-z]+)[- ]year(?:[- ]old)?\s+(?:civil\s+)?(?:war|conflict|insurgency|uprising)"
    r"|\bsince\s+(?:the\s+)?(?:start|beginning|(?:19|20)\d\d)\b|\bin\s+(?:19|20)\d\d\b"
    # A city's running count: "4,368 people were shot so far this year", "45 people were
    # killed in July", "this month".
    r"|\b(?:so\s+far\s+)?this\s+year\b|\blast\s+year\b|\bsince\s+January\b"
    r"|\b(?:this|last)\s+month\b|\b(?:in|over)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks|months|years)\b"
    r"|\b(?:in|during)\s+(?:the\s+month\s+of\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\b(?!\s+\d)"
    # Counts over several incidents: "two teens were shot to death in separate shootings",
    # "among nine people wounded in shootings across the city", "citywide".
    rf"|{SEVERAL_INCIDENTS}|\b(?:across|around|throughout)\s+the\s+city\b|\bcity-?wide\b"
    # A video playlist's entry: its length, then another story's headline ("0:43 Homeless man
    # found dead in Parkland"); not "7:12 a.m." before a story's first line.
    r"|^\s*\d{1,2}:\d\d\s+(?![ap]\.?m\b)[a-z0-9]"
    # A count since corrected: "the chief initially told us that three of the victims had
    # died".
    r"|\b(?:initially|originally|at\s+first|erroneously|mistakenly)\s+"
    r"(?:told|said|says|reported|stated|thought|believed)\b"
    # A law's wording, not an event: "a parent of a child who is injured or dies of an
    # accidental shooting shall be prosecuted only when...".
    r"|\bshall\s+(?:not\s+)?be\b",
    re.I,
)
# Words before a number that make it none of the victims: the day of a date ("the girl shot
# in Chapel Hill Dec. 25 has died"), a parent's children ("mother of 3 killed"), "no one
# died", and ages ("four boys between ages 12 and 16 were wounded", "aged 25, 32 and 51").
_NOT_A_COUNT_BEFORE = re.compile(
    rf"\b(?:{MONTH_NAMES}\.?|(?:mother|father|mom|dad|parent)\s+of|no"
    rf"|{_AGES}(?:\d{{1,3}}\s*(?:,|and|to|-)\s*)*)\s*$",
    re.I,
)
# A count of another, earlier shooting the sentence recalls: "a block away from where five
# people were wounded in a December shooting".
_IN_ANOTHER_SHOOTING = re.compile(
    r"(?:\s+(?!in\b)[\w'’-]+){0,4}?\s+(?:in|during)\s+(?:a|an|the)\s+"
    rf"(?:{MONTH_NAMES}|earlier|previous|prior|unrelated|(?:19|20)\d\d)"
    r"\s+(?:[\w-]+\s+)?(?:shooting|attack|incident)s?\b",
    re.I,
)
_NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:%|percent|-year|year|yr|y/o|month|week|day|hour|minute|a\.m|p\.m)", re.I
)


# After a person's name: "Karim Nasser, 67, was killed", "Devon Hale was shot to death".
_NAMED_VICTIM = re.compile(
    rf"^(?:,\s*(?:a\s+)?\d{{1,3}}(?:-year-old)?,(?:\s+of\s+[^,]{{1,40}},)?|\s*\([^()]{{1,60}}\))?"
    rf"\s+{_AUX}{_ADVERB}{_STATUS}\b",
    re.I,
)


# Verbs that take the victim as their object when active: in "the gunman killed three
# people" the subject is the attacker. Passive ("was killed") or objectless, they name victims.
_TRANSITIVE = re.compile(
    r"(?:killed|shot|shot\s+dead|shot\s+to\s+death|wounded|injured|murdered|slain|hurt"
    r"|struck|stabbed)$",
    re.I,
)
_OBJECT_AFTER = re.compile(
    rf"^\s+(?:at\b|(?:{NUMBER_PATTERN}|him|her|them|his|their|its|the|another|several|himself|herself)\b"
    r"|(?-i:[A-Z])\w+\s+(?-i:[A-Z]))",
    re.I,
)

_AGE = re.compile(r"\b(\d{1,3}-(?:year|month|week)-old)\b", re.I)
_NAME_WORD = re.compile(r"\b[A-Z][a-z'’-]+[a-z]\b")
_NOT_SURNAMES = frozenset({"Jr", "Sr", "Police", "Sheriff", "County", "City"})

_ONE_AMOUNT = Amount.exactly(1)


def tells_background(text: str) -> bool:
    """Is the sentence about a war's whole toll, a running count or several incidents, not
    this event?"""
    return _BACKGROUND.search(text) is not None


def recalls_another_incident(text: str, at: int) -> bool:
    """Do the words at `at` set the count in another, earlier shooting ("wounded in a
    December shooting")?"""
    return _IN_ANOTHER_SHOOTING.match(text, at) is not None


def extract_figures(
    sentences: tuple[Span, ...],
    attributions: tuple[str | None, ...],
    people: tuple[Span, ...] = (),
) -> tuple[Figure, ...]:
    """Figures per sentence. `attributions` gives each sentence's named source (see
    attribution.attribution_in); `people` are person-name spans, each named victim one."""
    figures: list[Figure] = []
    everyone = _with_surnames(sentences, people)
    for sentence, source in zip(sentences, attributions, strict=True):
        named = [p for p in everyone if sentence.start <= p.start < sentence.end]
        found = [*_candidates(sentence, source), *_named_victims(sentence, named, source)]
        kept = _with_coordinated(
            sentence, [_with_conjuncts(sentence, f, named) for f in _non_overlapping(found)]
        )
        kept = _with_own_death(sentence, _then_died(sentence, kept))
        kept = _also_shot(_shot_apart_from_the_dead(kept), figures)
        kept = _victims_of_different_ages(kept)
        figures.extend(kept)
        figures.extend(_parts(sentence, kept))
    return tuple(sorted(_with_killer_told_apart(figures), key=lambda f: f.span.start))


def headline_figures(
    headline: Span, attributed: str | None, text_figures: tuple[Figure, ...]
) -> tuple[Figure, ...]:
    """The headline's figures for what the text does not count, and its numbered dead. A page
    whose text is a video playlist or a sign-in wall keeps its headline ("5 shot, 1 killed in
    grocery store lot"); where the text counts the wounded, its count is the fuller one."""
    # What the text counts. A number of people shot counts the wounded too ("5 shot": five
    # less the dead); one victim told of as shot, unnumbered ("the female who was in critical
    # condition"), counts only himself, and a headline's "1 critically injured" still counts.
    counted = {f.status for f in text_figures}
    counted |= {_WOUNDED[f.status] for f in text_figures if f.status in _WOUNDED and f.numbered}
    found = _with_coordinated(headline, [*_candidates(headline, attributed, headline=True)])
    found += [
        _figure(headline, headline.start + m.start(), headline.start + m.end(), amount, status,
                attributed_to=attributed, group=m.group("group"))
        for m in _HEADLINE_FAMILY.finditer(headline.text)
        if (status := _status_of(m)) and (amount := _amount_of(m))
    ]  # fmt: skip
    found += [
        _figure(headline, headline.start + m.start("group"), headline.start + m.end(),
                _listed(m.group("group")), status,
                attributed_to=attributed, group=m.group("group"))
        for m in _HEADLINE_LIST.finditer(headline.text)
        if (status := _status_of(m)) is not None
    ]  # fmt: skip
    found += [
        _headline_one(headline, m, status, attributed)
        for m in _HEADLINE_ONE.finditer(headline.text)
        if (status := _status_of(m)) is not None
    ]  # fmt: skip
    # A headline's exact number of dead stands beside the text's: the text may tell the
    # victims one by one ("a second man died at the hospital") where the headline sums them
    # ("3 dead"). A vague one ("Dozens killed") says less than the text.
    return tuple(
        f
        for f in _with_own_death(headline, _then_died(headline, _non_overlapping(found)))
        if not {f.status, _WOUNDED.get(f.status, f.status)} & counted
        or (f.status == "killed" and f.numbered and f.low == f.high)
        or _more_than_named(f, text_figures)
    )


def _more_than_named(figure: Figure, text_figures: tuple[Figure, ...]) -> bool:
    """Does a headline count more victims than a text that only names them, one at a time
    ("Man, woman and boy wounded" over a text telling of "the boy who was wounded")?"""
    family = {"killed"} if figure.status == "killed" else {"shot", "injured"}
    told = [f for f in text_figures if f.status in family and not f.part_of_total]
    return (
        not figure.numbered
        and figure.value > max((f.value for f in told), default=0)
        and not any(f.numbered or f.listed_with is not None for f in told)
    )


def implied_dead(
    sentences: tuple[Span, ...], attributions: tuple[str | None, ...], figures: tuple[Figure, ...]
) -> tuple[Figure, ...]:
    """At least one dead, for an article that counts no dead but calls the violence fatal
    ("Police investigate deadly shooting in Mount Holly park", "Kenosha fatal shooting victim
    identified"), often a paywalled page or a follow-up naming the victim once. It counts
    no one (`numbered` is False), so it only backs other reports' numbered tolls."""
    if any(f.status == "killed" for f in figures):
        return ()
    for sentence, source in zip(sentences, attributions, strict=True):
        if _BACKGROUND.search(sentence.text):
            continue  # "a man's second trial for a 2008 fatal shooting"
        match = next(
            (
                m
                for m in _FATAL_EVENT.finditer(sentence.text)
                if not _ANOTHER_EVENT.search(sentence.text, 0, m.start())
            ),
            None,
        )
        if match:
            start = sentence.start + match.start()
            fatal = _figure(sentence, start, start + len(match.group(0)), _ONE_AMOUNT, "killed",
                            qualifier="at least", attributed_to=source)  # fmt: skip
            return (replace(fatal, numbered=False),)
    return ()


def _headline_one(
    headline: Span, match: re.Match, status: Status, attributed: str | None
) -> Figure:
    """One victim of a headline: the subject from its noun on ("6-year-old shot, killed"),
    the object with its verb ("killed Columbia teen")."""
    group = next((g for g in ("group", "group2", "group3", "group4") if match.group(g)), None)
    start = match.start("group") if group == "group" else match.start()
    return _figure(
        headline,
        headline.start + start,
        headline.start + match.end(),
        _ONE_AMOUNT,
        status,
        attributed_to=attributed,
        group=match.group(group) if group else None,
    )


def _non_overlapping(found: list[Figure]) -> list[Figure]:
    """Of figures whose spans overlap, the one starting first, the longest of those."""
    kept: list[Figure] = []
    for figure in sorted(found, key=lambda f: (f.span.start, -(f.span.end - f.span.start))):
        if not kept or figure.span.start >= kept[-1].span.end:
            kept.append(figure)
    return kept


def _with_surnames(sentences: tuple[Span, ...], people: tuple[Span, ...]) -> list[Span]:
    """People as named, plus later mentions by surname alone ("Webb was pronounced dead"
    after "Darius Webb, 17"), which the small NER model often misses."""
    surnames = {
        words[-1] for p in people if len(words := _NAME_WORD.findall(p.text)) >= 2
    } - _NOT_SURNAMES
    if not surnames:
        return list(people)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b")
    found = list(people)
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if not any(p.start <= start < p.end for p in people):
                found.append(Span(sentence.article, start, end, match.group()))
    return sorted(found, key=lambda p: p.start)


def _with_conjuncts(sentence: Span, figure: Figure, people: list[Span]) -> Figure:
    """One victim's figure, widened to the victims listed before it under the same verb:
    people by name, or by role ("the man and his girlfriend"); so is a count of their kin
    ("Maria Stone and her two children died": three)."""
    first = figure.span.text.split(maxsplit=1)[0].lower() if figure.span.text else ""
    end, extra = figure.span.start - sentence.start, 0
    count = first not in {"a", "an"} and parse_amount(first)
    if count and figure.value > 1 and figure.low == figure.high and not count.vague:
        kin = _KIN_BEFORE.search(sentence.text, 0, end)
        if kin is None or (start := _conjunct_start(sentence, kin.start(), people)) is None:
            return figure
        end, extra = start, 1
    elif figure.value != 1 or figure.high != 1 or count:
        return figure  # "One of them died" is a count, not a victim
    elif _VERB_ONE.match(figure.span.text):
        # A victim as the object ("wounded his son"): what comes before the verb is its
        # subject or another verb's object ("fatally shot his child and wounded his son").
        return figure
    while (start := _conjunct_start(sentence, end, people, listing=extra > 0)) is not None:
        extra, end = extra + 1, start
    if not extra:
        return figure
    value = figure.value + extra
    span = sentence.part(sentence.start + end, figure.span.end)
    return replace(figure, value=value, low=value, high=value, span=span)


def _conjunct_start(
    sentence: Span, end: int, people: list[Span], listing: bool = False
) -> int | None:
    """Where the victim listed just before offset `end` of the sentence begins, if any;
    `listing`: an "and" before a later victim has opened the list."""
    before = sentence.text[:end]
    if role := _ROLE_BEFORE.search(before):
        return role.start()
    for person in people:
        offset = person.end - sentence.start
        if 0 <= offset < end and _NAME_BEFORE.match(before[offset:]):
            return person.start - sentence.start
    named = (_FULL_NAME_LISTED if listing else _FULL_NAME_BEFORE).search(before)
    return named.start() if named else None


def _with_coordinated(sentence: Span, figures: list[Figure]) -> list[Figure]:
    """Adds the counts listed with a figure's own under one verb, before it ("A, B and C were
    killed") or, for a count after its verb, after it ("killed A, B and C"): they take its
    status, and the whole list, the figure included, shares `listed_with` to be summed."""
    result: list[Figure] = []
    taken = [(f.span.start, f.span.end) for f in figures]
    for figure in figures:
        if figure.part_of_total:
            result.append(figure)
            continue
        # A count after its verb lists nothing before the verb: "fired into a crowd of 100
        # teenagers, injuring 14 people".
        verb_first = bool(_VERB_FIRST.match(figure.span.text) or _VERB_ONE.match(figure.span.text))
        items = (_listed_after if verb_first else _listed_before)(sentence, figure, taken)
        if items and _ONE_OF_THEM.match(figure.span.text):
            # "two male victims, one with an arm wound, the other with a hand wound": one
            # of the two, not a third.
            result.extend(replace(item, listed_with=None) for item in items[:1])
            result.append(replace(figure, part_of_total=True))
            continue
        head = replace(figure, listed_with=figure.span.start) if items else figure
        result.extend([head, *items])
    return result


def _listed_before(sentence: Span, figure: Figure, taken: list[tuple[int, int]]) -> list[Figure]:
    items: list[Figure] = []
    if _SUMMING.match(figure.span.text):
        return items
    end = figure.span.start - sentence.start
    while match := _ITEM_BEFORE.search(sentence.text[:end]):
        # A count another verb already claims ("killed three people and wounded two
        # others") is not listed with this one.
        start, stop = sentence.start + match.start(), sentence.start + match.end("group")
        if any(a < stop and start < b for a, b in taken):
            break
        if _OF_THE.search(sentence.text, 0, match.start()):
            break  # "Of the five men, two are in critical condition": two of the five
        items.append(_item(sentence, match, figure, 0, part=False))
        end = match.start()
    return items


def _listed_after(sentence: Span, figure: Figure, taken: list[tuple[int, int]]) -> list[Figure]:
    items: list[Figure] = []
    closed = not figure.group or not figure.span.text.endswith(figure.group)
    if closed and not _VERB_ONE.fullmatch(figure.span.text):
        # The count's own predicate closes it: "left two people dead and three others in
        # the hospital" lists the three under another. One victim's noun after his age
        # closes nothing: "wounded a 19-year-old man and two others".
        return items
    offset = figure.span.end - sentence.start
    while match := _ITEM_AFTER.match(sentence.text[offset:]):
        start = sentence.start + offset + match.start("num")
        stop = sentence.start + offset + match.end("group")
        if any(a < stop and start < b for a, b in taken):
            break  # "killed three people and two others were wounded"
        items.append(_item(sentence, match, figure, offset, part=False))
        offset += match.end()
    return items


def _figure(
    sentence: Span, start: int, end: int, amount: Amount, status: Status, **fields: Any
) -> Figure:
    """A figure over [start, end) of the article; `fields` are Figure's optional fields."""
    qualifier = fields.pop("qualifier", None)
    span = sentence.part(start, end)
    return Figure(
        article=sentence.article,
        value=amount.value,
        low=amount.low,
        high=amount.high,
        status=status,
        span=span,
        sentence=sentence,
        qualifier=qualifier.lower() if isinstance(qualifier, str) else None,
        numbered=writes_number(span.text),
        vague=amount.words,
        **fields,
    )


def _noun(match: re.Match, *names: str) -> str:
    groups = match.groupdict()
    noun = next((groups[n] for n in names if groups.get(n)), "") or ""
    return re.sub(r"\s+", " ", noun.lower())


def _item(sentence: Span, match: re.Match, like: Figure, offset: int, part: bool) -> Figure:
    # "A two year old child and a woman are shot": an age, and one child.
    age = _NOT_A_COUNT_AFTER.match(match.string[match.end("num") :])
    return _figure(
        sentence,
        sentence.start + offset + match.start("num"),
        sentence.start + offset + match.end("group"),
        (None if age else parse_amount(match.group("num"))) or _ONE_AMOUNT,
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


def _candidates(sentence: Span, attributed: str | None, headline: bool = False) -> Iterator[Figure]:
    """`headline`: the sentence is a headline, whose bare participles are passive ("4 people
    shot at party" were shot, they did not shoot at it)."""
    text = sentence.text
    if _BACKGROUND.search(text):
        return
    patterns = (
        _ORDINAL_DIED, _NUMBER_FIRST, _VERB_FIRST, _TOLL, _FATALLY, _SOME_OF, _SINGULAR,
        _INVERTED, _PRONOUN, _SELF, _PAIR, _AGE_PAIR, _BODIES, _VERB_ONE, _MULTIPLE,
        _MURDER_SUICIDE, _ELLIPTICAL, _SHOT_THEN, _ORDINAL_VICTIM, _BULLET_HIT, _DEATHS_OF,
    )  # fmt: skip
    for pattern in patterns:
        for match in pattern.finditer(text):
            status, amount = _status_of(match), _amount_of(match)
            if status is None or amount is None or _not_a_count(text, match):
                continue
            if _NEARLY.search(text, max(0, match.start() - 12), match.start()):
                continue  # "bullets nearly killed his father-in-law": he lived
            if _WHETHER.search(text, max(0, match.start() - 40), match.start()):
                continue
            if _IN_ANOTHER_SHOOTING.match(text, match.end()):
                continue
            if not headline and _attacker(text, match, strict=pattern is _PRONOUN):
                continue
            groups = match.groupdict()
            pair = bool(groups.get("pair") or groups.get("second"))
            figure = _figure(
                sentence,
                sentence.start + match.start(),
                sentence.start + match.end(),
                amount,
                status,
                qualifier=groups.get("qual"),
                # A pair ("a woman and her son") is not of its first noun's category.
                category=None if pair else _CATEGORIES.get(_noun(match, "noun", "noun2")),
                attributed_to=attributed,
                group=groups.get("group") or groups.get("group2"),
            )
            # "A third person has died" writes its count as an ordinal.
            yield replace(figure, numbered=True) if groups.get("ord") else _ordinal_shot(figure)


def _ordinal_shot(figure: Figure) -> Figure:
    """ "Three men shot, a fourth wounded", "a fifth victim was found later at a hospital":
    the victim an ordinal names is the last of that many shot, dead or alive."""
    ordinal = _ORDINAL_SHOT.match(figure.group or "")
    if ordinal is None or figure.status not in ("shot", "injured") or figure.value != 1:
        return figure
    amount = Amount.exactly(_ORDINALS[ordinal.group("ord").lower()])
    return replace(figure, value=amount.value, low=amount.low, high=amount.high,
                   status="shot", category=None)  # fmt: skip


_ALSO = re.compile(r"\b(?:also|too)\b", re.I)
_OF_THE = re.compile(r"\bof\s+(?:the|those|these|all)\s+$", re.I)
_IN_CONDITION = re.compile(r"\bin\s+(?:\w+\s+){1,3}condition$", re.I)


def _shot_apart_from_the_dead(figures: list[Figure]) -> list[Figure]:
    """One person shot beside another person killed, each the subject of his own clause
    ("Tyrell Moss was killed ... while his mother, Gina Moss, was also shot"), lived:
    counted among those shot, the shot-minus-killed rule would take the dead from him."""
    dead = [f for f in figures if f.status == "killed" and not f.part_of_total]
    named = [f for f in dead if f.group]
    return [
        replace(f, status="injured")
        if f.status == "shot"
        and (
            (f.value == 1 and f.group and f.listed_with is None and named)
            # "Two are dead and two are in critical condition": alive, apart from the dead.
            or (_IN_CONDITION.search(f.span.text) and dead)
        )
        and not any(_same_person(f, d) for d in named)
        else f
        for f in figures
    ]


def _also_shot(figures: list[Figure], before: list[Figure]) -> list[Figure]:
    """Victims "also shot" after the dead were told of are others, who lived ("Dana
    Lowe died after he was shot. Raymond Pierce, Brian Dorsey and Marquell Pickens were
    also struck by bullets"): counted among those shot, the dead would be taken from them."""
    if not any(f.status == "killed" and not f.part_of_total for f in before) or any(
        f.status == "killed" for f in figures
    ):
        return figures  # "the toddler also suffered a gunshot wound and ... died"
    return [
        replace(f, status="injured") if f.status == "shot" and _ALSO.search(f.span.text) else f
        for f in figures
    ]


def _victims_of_different_ages(figures: list[Figure]) -> list[Figure]:
    """Single victims of one sentence told apart by their ages are different people ("a
    10-year-old girl was hit by a stray bullet when a man shot a 19-year-old woman"):
    listed together, to be summed, where they share a status."""
    ages: dict[str, dict[str, int]] = defaultdict(dict)
    for i, figure in enumerate(figures):
        age = _AGE.search(figure.group or "")
        if (
            age
            and figure.value == 1
            and figure.listed_with is None
            and not figure.part_of_total
            and not figure.perpetrator
        ):
            ages[figure.status].setdefault(age.group(1), i)
    found = list(figures)
    for victims in ages.values():
        if len(victims) < 2:
            continue
        first = min(figures[i].span.start for i in victims.values())
        for i in victims.values():
            found[i] = replace(figures[i], listed_with=first)
    return found


def _same_person(a: Figure, b: Figure) -> bool:
    """Could two figures be one person: overlapping, or one's words naming the other ("the
    victim" and "the 22-year-old victim"; not "a 17-year-old boy" and "a 19-year-old boy")?"""
    if a.span.start < b.span.end and b.span.start < a.span.end:
        return True
    return any(
        set((x.group or "").lower().split()) & set(y.span.text.lower().split())
        for x, y in ((a, b), (b, a))
    )


def _with_own_death(sentence: Span, figures: list[Figure]) -> list[Figure]:
    """The killer's own death told right after his victims, under his own verb ("killed a
    woman and her son before killing himself", "shoots 4 relatives, killing 2, then
    himself"): listed with them, to be summed (three dead). A bare "then himself" or
    ", himself" after no such verb is no count."""
    found: list[Figure] = []
    for figure in figures:
        own = _OWN_DEATH.fullmatch(figure.span.text)
        victims = found[-1] if found else None
        if own is None or victims is None or not _told_after(sentence, victims, figure):
            if not (own and own.group("bare")):
                found.append(figure)
            continue
        if victims.status != "killed" and not own.group("bare"):
            # "shot his wife and daughter before killing himself": he died; of them the
            # sentence says only that they were shot.
            found.append(replace(figure, perpetrator=True))
            continue
        listed = victims.listed_with if victims.listed_with is not None else victims.span.start
        found[-1] = replace(victims, listed_with=listed)
        killed = victims.status == "killed"
        found.append(replace(figure, status=victims.status, listed_with=listed, perpetrator=killed))
    return found


def _with_killer_told_apart(figures: list[Figure]) -> list[Figure]:
    """The killer's own death told apart from his victims, in a sentence of its own
    ("Investigators say a man killed his girlfriend and her daughter. ... Milet shot them,
    then turned the gun on himself"): listed with the most victims his verb counts. Or told
    by the crime's name: "a murder-suicide" where he "killed his wife and three children" is
    five dead. Not where another count of dead is as large as the victims' (it may hold him:
    "Two people died in the murder-suicide")."""
    killed = [i for i, f in enumerate(figures) if f.status == "killed" and not f.part_of_total]
    own = [i for i in killed if figures[i].listed_with is None and _is_own_death(figures[i])]
    crime = [i for i in killed if _MURDER_SUICIDE.fullmatch(figures[i].span.text)]
    victims = [
        i
        for i in killed
        if _by_killer(figures[i]) and not _OWN_DEATH.fullmatch(figures[i].span.text)
    ]
    if not victims or not (len(own) == 1 or (crime and not own)):
        return figures
    most = max(victims, key=lambda i: figures[i].value)
    value = figures[most].value
    told = {*victims, *own, *crime}
    others = [figures[i] for i in killed if i not in told]
    if figures[most].listed_with is not None or any(f.value >= value for f in others):
        return figures
    found = list(figures)
    if own:
        listed = figures[most].span.start
        found[most] = replace(figures[most], listed_with=listed)
        found[own[0]] = replace(figures[own[0]], listed_with=listed, perpetrator=True)
        return found
    named = max(crime, key=lambda i: figures[i].value)
    if value >= figures[named].value:
        total = value + 1
        found[named] = replace(figures[named], value=total, low=total, high=total, vague=None)
    return found


def _by_killer(figure: Figure) -> bool:
    """Are the figure's victims counted under their killer's verb: "killed his wife",
    "shot his daughter to death", "were shot dead by Paul Kerr"?"""
    after = figure.sentence.text[figure.span.end - figure.sentence.start :]
    return bool(_BY_KILLER.match(figure.span.text) or _BY_NAMED.match(after))


def _is_own_death(figure: Figure) -> bool:
    own = _OWN_DEATH.fullmatch(figure.span.text)
    return own is not None and not own.group("bare")


def _told_after(sentence: Span, victims: Figure, own: Figure) -> bool:
    """Is `own` told right after `victims`, and they under the killer's active verb?"""
    gap = sentence.text[victims.span.end - sentence.start : own.span.start - sentence.start]
    active = _BY_KILLER.match(victims.span.text) or _SHOT_BY_KILLER.match(victims.span.text)
    return bool(active and _CONNECTIVE.fullmatch(gap))


def _then_died(sentence: Span, figures: list[Figure]) -> list[Figure]:
    """The wounded who later died, as the subject of "died": killed, all of them ("A man who
    was injured in Friday's shooting has died") or the number before "of" ("One of two men
    shot late Monday dies": two shot, one dead)."""
    found: list[Figure] = []
    for figure in figures:
        offset = figure.span.end - sentence.start
        died = (
            figure.status in {"injured", "shot"}
            and not figure.part_of_total
            # "a double shooting that killed his brother died": the crime is no subject
            and not _MULTIPLE.match(figure.span.text)
            and _THEN_DIED.match(sentence.text[offset:])
        )
        if not died:
            found.append(figure)
            continue
        some = _SOME_OF_BEFORE.search(sentence.text[: figure.span.start - sentence.start])
        amount = parse_amount(some.group("num")) if some else None
        if some is None or amount is None or amount.value >= figure.value:
            found.append(replace(figure, status="killed"))
            continue
        found.append(replace(figure, status="shot"))
        start, end = sentence.start + some.start(), sentence.start + offset + died.end()
        found.append(
            _figure(sentence, start, end, amount, "killed",
                    attributed_to=figure.attributed_to, group=figure.group)
        )  # fmt: skip
    return found


def _named_victims(sentence: Span, people: list[Span], attributed: str | None) -> Iterator[Figure]:
    if _BACKGROUND.search(sentence.text):
        return
    for person in people:
        after = sentence.text[person.end - sentence.start :]
        match = _NAMED_VICTIM.match(after)
        status = _status_of(match) if match else None
        if match is None or status is None or _attacker(after, match, strict=True):
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


def _amount_of(match: re.Match) -> Amount | None:
    """The count a match gives: its number; two for a pair ("a man and his son"); the
    ordinal of the dead ("a third person has died"); the crime's multiple ("a triple
    homicide"); else one victim."""
    groups = match.groupdict()
    if groups.get("num"):
        return parse_amount(groups["num"])
    if groups.get("pair") or groups.get("second"):
        return Amount.exactly(2)
    if groups.get("kin") and (kin := parse_amount(groups["kin"])):
        return Amount.exactly(kin.value + 1)
    if groups.get("ord"):
        return Amount.exactly(_ORDINALS[groups["ord"].lower()])
    if groups.get("deaths"):
        return _listed(groups["deaths"])
    if groups.get("multi"):
        return Amount.exactly(_MULTIPLES[groups["multi"].lower()])
    if groups.get("ms"):
        multi = groups.get("msmulti")
        return Amount.exactly(_MULTIPLES[multi.lower()] + 1 if multi else 2)
    return _ONE_AMOUNT


def _listed(victims: str) -> Amount:
    """One victim per item of a list: "a mother, son and little girl" is three."""
    return Amount.exactly(len(_LIST_SEPARATOR.split(victims)))


def _attacker(text: str, match: re.Match, strict: bool) -> bool:
    """Is the matched subject the one who shot or killed, not a victim? So when its verb is
    active and transitive: followed by an object ("two gunmen killed three people") or, for
    a pronoun or a name (`strict`), at all ("he shot", "Milet shot his girlfriend")."""
    aux = (match.groupdict().get("aux") or "").split()
    passive = bool(aux) and aux[0].lower() not in {"had", "have", "has"}
    if passive or not _TRANSITIVE.search(match.group(0)):
        return False
    return strict or bool(_OBJECT_AFTER.match(text[match.end() :]))


# Who the shot are is told by the counts of dead and injured: one kind of count with them.
_WOUNDED: dict[str, Status] = {"shot": "injured"}

# Pattern groups whose match alone says the victim died.
_KILLED_GROUPS = (
    "sd", "fatal", "fatal2", "death", "death2", "death3", "death4", "deaths", "died", "self",
    "self2", "self3", "self4", "bodies", "lives", "ms",
)  # fmt: skip


def _status_of(match: re.Match) -> Status | None:
    status = _status_said(match)
    if status == "shot" and (
        (match.groupdict().get("noun") or "").lower() == "others" or _ANOTHER.match(match.group(0))
    ):
        # "a man is dead and four others were shot", "another man suffered a gunshot wound":
        # told apart from the dead, they lived.
        return "injured"
    return status


def _status_said(match: re.Match) -> Status | None:
    groups = match.groupdict()
    if any(groups.get(g) for g in _KILLED_GROUPS):
        return "killed"
    if inj := groups.get("inj"):
        if _FATAL.search(match.group(0)):
            return "killed"  # "suffered fatal injuries"
        # "suffered a gunshot wound" tells of a shooting, not that the victim lived.
        wound = inj.lower().startswith("wound") and not _ALIVE.search(match.group(0))
        return "shot" if wound else "injured"
    if any(groups.get(g) for g in ("selfshot", "hit", "hospital", "wound")):
        return "shot"
    if groups.get("crime"):
        return "shot" if groups["crime"].lower() == "shooting" else "killed"
    if groups.get("vone"):
        verb = groups["vone"].lower()
        if "kill" in verb or verb.startswith(("fatally", "mortally")) or groups.get("todeath"):
            return "killed"
        return "injured" if verb.startswith(("wound", "injur", "hurt")) else "shot"
    if groups.get("st"):
        word = groups["st"].split()[0].lower()
        return _STATUS_WORDS.get(word, "arrested" if word == "taken" else None)
    if "verb" in groups:
        verb = groups["verb"].lower()
        if "kill" in verb:
            return "killed"
        if "wound" in verb or "injur" in verb:
            return "injured"
        after = (groups.get("after") or "").lower()
        if verb.startswith(("shoot", "shot")):
            # "shot four people", "shot two people dead"
            return _STATUS_WORDS.get(after, "shot")
        return _STATUS_WORDS.get(after)
    return "killed"  # the death-toll pattern


def _not_a_count(text: str, match: re.Match) -> bool:
    if match.groupdict().get("num") is None:
        return False
    after = text[match.end("num") :]
    before = text[: match.start("num")]
    # An age between commas after a name: "Jay Rowe, 16, of Morgantown, died"; "Banes and
    # Clark, both 31, of Jackson".
    age = re.search(r"[A-Za-z.],\s*$|,\s*both\s+$", before) is not None and (
        after.lstrip().startswith(",")
    )
    return (
        age
        or bool(_NOT_A_COUNT_AFTER.match(after) or _NOT_A_COUNT_BEFORE.search(before))
        or before.endswith(("$", "#", "No. "))
        or re.search(r"[A-Za-z]-$", before) is not None  # a police dog, "K-9"
    )
