"""Casualty counts read from the dependency parse: a predicate of death or wounding, its
victims where the parse puts them, and each victim's number and qualifier.

- passive or participle: "At least nine police officers riding in a convoy were killed",
  "18 jihadists killed in a raid" (the victims are the subject, or the noun qualified);
- active: "the rebels murdered three village councillors", "killing 15 and injuring dozens"
  (the object);
- intransitive: "Fifteen people died" (the subject);
- a state: "left at least 11 fighters dead", "20 were dead", "was shot dead" (the object
  of "left", the subject of "were" or of the passive);
- a manner with its end: "three farmers were shot to death", "stabbed to death" (not
  "sentenced to death": only the manners the lexicon lists);
- a relative pronoun is the noun its clause tells of ("the six priests, who were
  murdered"), and "along with" adds victims to the predicate's own ("was killed along with
  two of his bodyguards");
- coordinated victims are listed with each other ("120 fighters and 60 mercenaries were
  killed"), and a victim after "including" or "among them" is a part of the one before.

The regular-expression figures (analyze/figures.py) come first; a count here is added only
where no figure already stands on its number. Below the lead a count of wounded is added
only where the patterns found none (on gva-dev the larger counts further down are mostly
other shootings recalled: "the nightclub shooting that wounded 53"); a count of dead is
always added, as the article's toll is its lead's where the lead gives one, and wire
copy tells several attacks in one message. A count whose predicate is
set in a whole war ("since the conflict began", "in the six-year war", "the war has
killed") is background: it is dropped, and so is any figure read from the same words.

The predicates, victim nouns and scope words live in data/casualties.json.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from crosscheck.analyze.deaths import death_nouns, of_victims, undone_death
from crosscheck.analyze.figures import recalls_another_incident, tells_background
from crosscheck.analyze.lexicon import casualty_lexicon
from crosscheck.analyze.numbers import VAGUE, parse_amount
from crosscheck.analyze.parsing import Parses
from crosscheck.casualties import TOLD_IN_LEAD
from crosscheck.records import Figure, Span, Status

_PARTS = frozenset({"including", "among"})  # "..., including five children", "among them"
_NUMBERS = frozenset({"NUM"})
# A singular noun with one of these tells of one person ("a driver"); so does one with one
# of the definite ones, or a possessor, where the predicate is not a modifier ("the
# driver was killed", "the mayor's driver").
_ONE = frozenset({"a", "an"})
_DEFINITE = frozenset({"the", "this", "that"})
# What NER may call a person's name that wire copy's casing misleads it on; a place, a
# day or a people is never a victim's name.
_NAMES = frozenset({"", "PERSON", "ORG"})
# The relations a "since" may climb to bound a predicate.
_SCOPE_PATH = frozenset({"mark", "advcl", "prep", "conj", "acl", "cc", "advmod"})
# What a victim phrase says of its victims rather than who they are.
_NOT_GROUP = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "quantmod"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    transitive: dict[str, Status]  # word form → status
    intransitive: dict[str, Status]
    states: dict[str, Status]
    categories: dict[str, str]
    qualifiers: tuple[str, ...]
    since: frozenset[str]
    wars: frozenset[str]
    hedges: frozenset[str]
    modals: frozenset[str]
    things_too: frozenset[str]  # "eliminate the problem": "the X" is no victim of theirs
    death_nouns: frozenset[str]  # "the beheadings of 18 men" (data/deaths.json)
    undone: frozenset[str]  # "a plot for the killing of"
    life_verbs: frozenset[str]  # "claimed the lives of 12", "claiming 4 martyrs"
    lives: frozenset[str]
    dead: frozenset[str]
    manners: frozenset[str]  # "shot to death", "stabbed to death"
    fatal_ends: frozenset[str]  # the noun after their "to"
    companions: frozenset[str]  # "killed along with two bodyguards"
    quantities: frozenset[str]  # "a number of": no one victim
    lead: int  # sentences in which a count is added beside the patterns' own

    @property
    def words(self) -> frozenset[str]:
        return frozenset(
            {*self.transitive, *self.intransitive, *self.states, *self.death_nouns, *self.lives}
            | self.dead
        )


@cache
def tolls_lexicon() -> Lexicon:
    """Built once per process from data/casualties.json (analysis reads it per article)."""
    data = casualty_lexicon()
    forms: dict[str, dict[str, Status]] = {"transitive": {}, "intransitive": {}}
    states: dict[str, Status] = {}
    nouns, undone = death_nouns()
    lives = data["predicates"]["killed"]["lives"]
    manners = data["predicates"]["killed"]["manners"]
    for status, predicates in data["predicates"].items():
        for kind in forms:
            for words in predicates[kind].values():
                forms[kind].update(dict.fromkeys(words, status))
        states.update(dict.fromkeys(predicates["states"], status))
    return Lexicon(
        transitive=forms["transitive"],
        intransitive=forms["intransitive"],
        states=states,
        categories=data["categories"],
        # longest first, so "no fewer than" is not read as "fewer than"
        qualifiers=tuple(sorted(data["qualifiers"], key=len, reverse=True)),
        since=frozenset(data["scope"]["since"]),
        wars=frozenset(data["scope"]["wars"]),
        hedges=frozenset(data["hedges"]),
        modals=frozenset(data["modals"]),
        things_too=frozenset(data["things_too"]),
        death_nouns=nouns,
        undone=undone,
        life_verbs=frozenset(lives["verbs"]),
        lives=frozenset(lives["lives"]),
        dead=frozenset(lives["dead"]),
        manners=frozenset(manners["verbs"]),
        fatal_ends=frozenset(manners["to"]),
        companions=frozenset(data["companions"]),
        quantities=frozenset(data["quantities"]),
        lead=data["lead_sentences"],
    )


def tolls_examples() -> list[dict]:
    return list(casualty_lexicon()["examples"])


def with_parsed_tolls(
    parses: Parses,
    figures: Sequence[Figure],
    attributions: Sequence[str | None],
    people: Sequence[Span] = (),
) -> tuple[Figure, ...]:
    """`figures` with what the parse of every sentence holding a predicate of death or
    wounding adds: the counts they lack, the lists they did not see ("Ten children and five
    women were killed": 15), and without the figures that are a whole war's toll."""
    lexicon = tolls_lexicon()
    words = lexicon.words
    sentences = parses.sentences
    kept = list(figures)
    taken = [(f.span.start, f.span.end) for f in figures]
    told = {f.status for f in figures}
    background: list[tuple[int, int]] = []
    for parse in parses.of(
        lambda i, tokens: (
            not sentences[i].in_title
            and not parses.words(i).isdisjoint(words)
            and not tells_background(sentences[i].text)
        )
    ):
        sentence = sentences[parse.index]
        for predicate, status in _predicates(parse.doc, lexicon):
            if _undone(predicate, lexicon) or recalls_another_incident(
                parse.doc.text, predicate.idx + len(predicate)
            ):
                continue
            if _war_wide(predicate, lexicon):
                left, right = _extent(predicate)
                background.append((parse.offset + left, parse.offset + right))
                continue
            named = [p for p in people if sentence.start <= p.start < sentence.end]
            found = _counts(
                predicate, status, lexicon, sentence, parse.offset, named, attributions[parse.index]
            )
            for figure, number in found:
                # A pattern's own figure on this number (not one this loop added, whose
                # span may cover the next victims of its list).
                at = next(
                    (k for k, f in enumerate(figures) if f.span.start <= number < f.span.end),
                    None,
                )
                if at is not None:
                    kept[at] = _relisted(kept[at], figure)
                elif any(a <= number < b for a, b in taken):
                    continue
                elif parse.index < lexicon.lead or status not in told or status == TOLD_IN_LEAD:
                    # Below the lead a count is another event's as often as this one's. One
                    # of the status the toll takes from the lead moves no toll where the
                    # lead gives one (casualties.own_figures), so it is kept; the others
                    # are summed over the whole text, so only where no pattern found one.
                    kept.append(replace(figure, attributed_to=attributions[parse.index]))
                    taken.append((number, number + 1))
    return tuple(
        f for f in kept if not any(a <= f.span.start and f.span.end <= b for a, b in background)
    )


def _relisted(figure: Figure, parsed: Figure) -> Figure:
    """A pattern's figure as the parse reads the same count: one of coordinated victims,
    listed with them ("Ten children and five women were killed"), or a part of the count
    before it ("Twelve civilians among them four children were killed")."""
    if (figure.status, figure.value) != (parsed.status, parsed.value) or figure.part_of_total:
        return figure
    if parsed.part_of_total:
        return replace(figure, part_of_total=True, listed_with=None)
    if parsed.listed_with is None or figure.listed_with is not None:
        return figure
    return replace(figure, listed_with=parsed.listed_with)


def _predicates(doc: Doc, lexicon: Lexicon) -> Iterator[tuple[Token, Status]]:
    for token in doc:
        word = token.lower_
        if token.pos_ == "VERB" and word in lexicon.transitive:
            yield token, lexicon.transitive[word]
        elif token.pos_ == "VERB" and word in lexicon.intransitive:
            yield token, lexicon.intransitive[word]
        elif word in lexicon.states and token.pos_ in ("ADJ", "NOUN", "VERB"):
            yield token, lexicon.states[word]
        elif token.pos_ == "NOUN" and word in lexicon.death_nouns:
            if not undone_death(token, lexicon.undone):
                yield token, "killed"
        elif token.pos_ == "VERB" and (
            word in lexicon.life_verbs or (word in lexicon.manners and _to_death(token, lexicon))
        ):
            yield token, "killed"


def _to_death(predicate: Token, lexicon: Lexicon) -> bool:
    """ "was shot to death": the manner's "to" and its end."""
    return any(
        o.lower_ in lexicon.fatal_ends
        for c in predicate.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for o in c.children
        if o.dep_ == "pobj"
    )


def _undone(predicate: Token, lexicon: Lexicon) -> bool:
    """ "were not injured", "nearly killed", "if anyone was hurt", "could die": no one
    was."""
    children = list(predicate.children)
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    return (
        any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lexicon.hedges) for c in children
        )
        or any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in children)
        or bool(auxiliaries & lexicon.modals and not auxiliaries & {"have", "has", "had"})
    )


def _victims(predicate: Token, lexicon: Lexicon) -> list[Token]:
    """Where the parse puts the predicate's victims, before coordination: a relative
    pronoun stands for the noun its clause tells of ("six priests, who were murdered"),
    and those a predicate's "along with" adds follow its own."""
    victims = [_antecedent(v, predicate) for v in _slots(predicate, lexicon)]
    if victims and predicate.pos_ == "VERB":
        victims.extend(_companions(predicate, lexicon))
    return victims


def _antecedent(victim: Token, predicate: Token) -> Token:
    # not "20 fighters, 4 of whom died", whose victims are a part the parse may lose
    partitive = victim.i > 0 and victim.doc[victim.i - 1].lower_ == "of"
    if victim.tag_ in ("WP", "WDT") and predicate.dep_ == "relcl" and not partitive:
        return predicate.head
    return victim


def _companions(predicate: Token, lexicon: Lexicon) -> list[Token]:
    """ "was killed along with two of his bodyguards": the parse hangs "with" from the
    predicate or from "along"."""
    doc = predicate.doc
    withs = [
        w
        for c in predicate.children
        for w in (c, *c.children)
        if w.lower_ == "with" and w.dep_ == "prep" and w.i > 0
        if doc[w.i - 1].lower_ in lexicon.companions
    ]
    return [o for w in withs for o in w.children if o.dep_ == "pobj"]


def _slots(predicate: Token, lexicon: Lexicon) -> list[Token]:
    word, children = predicate.lower_, list(predicate.children)
    if predicate.pos_ == "NOUN" and word in lexicon.death_nouns:  # "the beheadings of 18 men"
        # "caused one unfortunate death", "three deaths": the noun counts its own dead.
        return of_victims(predicate) or ([predicate] if _number_of(predicate) else [])
    if (
        predicate.pos_ == "VERB" and word in lexicon.life_verbs
    ):  # "claiming the lives of 12 people", "claiming 4 martyrs"
        objects = [c for c in children if c.dep_ == "dobj"]
        return [
            v
            for o in objects
            for v in (of_victims(o) if o.lower_ in lexicon.lives else [o])
            if o.lower_ in lexicon.lives or o.lower_ in lexicon.dead
        ]
    if word in lexicon.states and predicate.pos_ != "VERB":
        if predicate.dep_ in ("oprd", "xcomp", "ccomp"):  # "left 11 fighters dead"
            return [c for c in predicate.head.children if c.dep_ == "dobj"] or [
                c for c in predicate.head.children if c.dep_ == "nsubjpass"
            ]  # "was shot dead", "were found dead"
        if predicate.dep_ == "acomp":  # "20 were dead"
            return [c for c in predicate.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if predicate.pos_ == "NOUN" and _number_of(predicate) is not None:  # "17 dead"
            return [predicate]
        if predicate.dep_ == "amod":  # "17 people dead"
            return [predicate.head]
        return []
    if word in lexicon.intransitive:
        return [c for c in children if c.dep_ == "nsubj"]
    objects = [c for c in children if c.dep_ == "dobj"]
    if objects:
        return objects
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    if passive:
        return passive
    if predicate.tag_ == "VBN":
        if predicate.dep_ in ("acl", "amod") and predicate.head.pos_ in ("NOUN", "NUM", "PROPN"):
            return [predicate.head]  # "18 jihadists killed in a raid"
        if not any(c.dep_ in ("aux", "auxpass") for c in children):
            return [c for c in children if c.dep_ == "nsubj"]  # "24 killed in raids"
    return []


def _counts(
    predicate: Token,
    status: Status,
    lexicon: Lexicon,
    sentence: Span,
    offset: int,
    people: Sequence[Span],
    source: str | None = None,
) -> Iterator[tuple[Figure, int]]:
    """Each count of the predicate's victims, with its number's offset in the article; then
    each victim the text names or tells of as one ("killed Luis Vega", "the killing of a
    presidential candidate"), one dead, unnumbered. `source` is whom the sentence is
    attributed to: never its victim."""
    victims = _victims(predicate, lexicon)
    yield from _single(predicate, status, victims, lexicon, sentence, offset, people, source)
    # A modifier ("the injured boy and two others") tells of its own noun only.
    modifier = predicate.dep_ == "amod"
    listed = [
        v
        for victim in victims
        for v in (victim, *([] if modifier else victim.conjuncts))
        if v.i == victim.i or v.pos_ != "NUM" or victim.pos_ == "NUM"
    ]
    # A year or a date is never a count: "kill 45 in Homs ... Tuesday 29 Apr 2014".
    counted = [(v, n) for v in listed if (n := _number_of(v)) is not None and not _dated(n)]
    last = counted[-1][1] if len(counted) > 1 and len(victims) == 1 else None
    previous: Token | None = None
    for victim, number in counted:
        amount = parse_amount(_number_text(number))
        if amount is None:
            continue
        qualifier = _qualifier(number, lexicon)
        # "... including 6 priests who were murdered": a part of the count it follows
        # (not "among": "four children were among eight people killed")
        part = victim.head.lower_ == "including" or (
            previous is not None
            and any(t.lower_ in _PARTS for t in victim.doc[previous.i : number.i])
        )
        start = min(t.idx for t in number.subtree if t.i <= number.i)
        end = max(victim.i, predicate.i, number.i)
        first = min(start, predicate.idx)
        words = victim.doc.text[first : victim.doc[end].idx + len(victim.doc[end])]
        figure = Figure(
            article=sentence.article,
            value=amount.value,
            low=amount.low,
            high=amount.high,
            vague=amount.words,
            status=status,
            span=Span(sentence.article, offset + first, offset + first + len(words), words),
            sentence=sentence,
            qualifier=qualifier,
            category=_category(victim, lexicon),
            group=_group(victim, number),
            part_of_total=part,
            listed_with=None if last is None or part else offset + last.idx,
        )
        yield figure, offset + number.idx
        previous = victim


def _single(
    predicate: Token,
    status: Status,
    victims: list[Token],
    lexicon: Lexicon,
    sentence: Span,
    offset: int,
    people: Sequence[Span],
    source: str | None = None,
) -> Iterator[tuple[Figure, int]]:
    # "the wounded child" refers back to one already told; "the plan" is no one.
    definite = predicate.dep_ != "amod" and predicate.lower_ not in lexicon.things_too
    listed_person = False  # "X and his wife were executed": a person's conjunct is one
    for victim in (v for head in victims for v in (head, *head.conjuncts)):
        if _number_of(victim) is not None:
            continue
        at = offset + victim.idx
        person = next((p for p in people if p.start <= at < p.end), None)
        definite = definite or listed_person
        listed_person = listed_person or person is not None
        # One person told of by a singular noun: "a provincial mayor", "the party's
        # leader", "the mayor's driver". A definite one is also one: in a victim's slot a
        # singular noun names a person, unless it names a body of them ("the family").
        one = (
            victim.tag_ == "NN"
            and victim.lower_ not in lexicon.quantities
            and any(
                c.lower_ in _ONE or (definite and (c.lower_ in _DEFINITE or c.dep_ == "poss"))
                for c in victim.children
                if c.dep_ in ("det", "poss")
            )
        )
        # A name NER took for no one, or for a body ("the murder of Juan Letona", the
        # restored casing of wire copy misleads it), is still a person in a victim's slot.
        name = _name_of(victim) if person is None and definite else None
        if name is not None and not _a_name(predicate, victim, name, source):
            name = None
        if person is None and name is None and not one:
            continue
        first = min(predicate.idx, victim.left_edge.idx) + offset
        last = person.end if person else offset + victim.idx + len(victim)
        last = max(last, offset + predicate.idx + len(predicate))
        figure = Figure(
            article=sentence.article,
            value=1,
            low=1,
            high=1,
            status=status,
            span=sentence.part(first, last),
            sentence=sentence,
            category=None if person or name else _category(victim, lexicon),
            group=person.text if person else name or _group(victim, None),
            numbered=False,
        )
        yield figure, at


def _a_name(predicate: Token, victim: Token, name: str, source: str | None) -> bool:
    """Is this proper noun in a victim's slot a person's name? Not a place's, a day's or a
    people's; not an organisation's where it takes "the" ("the Syrian Observatory") or is
    written in capitals ("AFP"); never the sentence's own source. Nor where a count stands
    between it and its predicate: the parse has lost the victims counted ("Over 50 Jaysh
    Al Fateh Terrorist Killed", a headline run into the text)."""
    if victim.tag_ != "NNP" or victim.ent_type_ not in _NAMES or name.isupper():
        return False
    doc = victim.doc
    between = doc[min(predicate.i, victim.left_edge.i) : max(predicate.i, victim.i) + 1]
    if any(t.like_num for t in between):
        return False
    if victim.ent_type_ == "ORG" and any(c.dep_ == "det" for c in victim.children):
        return False
    return not (source and (name in source or source in name))


def _name_of(victim: Token) -> str:
    """A proper noun with the names compounded before it: "Juan Letona"."""
    start = min((c.i for c in victim.children if c.dep_ == "compound"), default=victim.i)
    return victim.doc[start : victim.i + 1].text


def _number_of(victim: Token) -> Token | None:
    """The token that counts the victims: its own number ("killing 15", "killed dozens")
    or the number that modifies it ("25 members", "Fifteen civilians")."""
    if victim.pos_ in _NUMBERS or victim.lower_ in VAGUE:
        return victim
    # A number after its noun labels it ("Dec. 25", "Route 9"); a count comes first.
    return next(
        (
            c
            for c in victim.children
            if c.dep_ == "nummod" and c.pos_ in _NUMBERS and c.i < victim.i
        ),
        None,
    )


def _number_text(number: Token) -> str:
    """The number's words: "1,102", "dozens", "two hundred" (a number compounded of
    several tokens), never "one" and "six" of "one of the six"."""
    parts = [number, *(c for c in number.children if c.dep_ == "compound" and c.pos_ == "NUM")]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _qualifier(number: Token, lexicon: Lexicon) -> str | None:
    """ "at least 25", "more than 280000", "125 terrorists at least were killed"."""
    before = " " + " ".join(t.lower_ for t in number.doc[max(0, number.i - 3) : number.i])
    for qualifier in lexicon.qualifiers:
        if before.endswith(" " + qualifier):
            return qualifier
    after = " ".join(t.lower_ for t in number.doc[number.i + 1 : number.i + 5])
    return "at least" if " at least " in f" {after} " else None


def _category(victim: Token, lexicon: Lexicon) -> str | None:
    """The victims' category from their noun, or from the noun after "members of"."""
    categories = lexicon.categories
    phrase = " ".join(t.lower_ for t in victim.lefts if t.dep_ == "compound")
    for words in (f"{phrase} {victim.lower_}".strip(), victim.lower_):
        if words in categories:
            return categories[words]
    of = [o for p in victim.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return _category(of[0], lexicon) if of and of[0].pos_ == "NOUN" else None


def _group(victim: Token, number: Token | None) -> str | None:
    """The victims as written, without their number or what is said of them: "members of
    the Nusra Front" of "25 members of the Nusra Front, who had gathered ..."."""
    if number is not None and victim.i == number.i:
        return None
    left_out = {
        t.i
        for c in victim.children
        if (number is not None and c.i == number.i)
        or c.dep_ == "det"
        or c.dep_ in _NOT_GROUP
        or c.lower_ in _PARTS
        for t in c.subtree
    }
    words = "".join(t.text_with_ws for t in victim.subtree if t.i not in left_out)
    return words.strip() or None


def _war_wide(predicate: Token, lexicon: Lexicon) -> bool:
    """Is the predicate's count a whole war's: since a war or a year ("since the conflict
    began in 2011"; not "since dawn", a day's count), set in a war ("in the six-year war"),
    a war its subject, or told in a relative clause of a war ("the conflict, in which ...")?
    A coordinated predicate shares the scope ("killed and millions displaced since ...")."""
    if any(_scoped(p, lexicon) for p in (predicate, *predicate.conjuncts)):
        return True
    up = predicate
    for _ in range(3):
        if up.dep_ in ("relcl", "acl") and up.head.lower_ in lexicon.wars:
            return True
        up = up.head
    # "left an estimated 220000 dead": the state's verb
    if predicate.pos_ != "VERB" and predicate.head.pos_ == "VERB" and predicate.dep_ != "ROOT":
        return _war_wide(predicate.head, lexicon)
    return False


def _scoped(predicate: Token, lexicon: Lexicon) -> bool:
    for child in predicate.children:
        in_war = child.dep_ == "prep" and child.lower_ in ("in", "during", "throughout")
        if in_war and any(o.lower_ in lexicon.wars for o in child.children if o.dep_ == "pobj"):
            return True
        if child.dep_ == "nsubj" and child.lower_ in lexicon.wars:
            return True
    return any(
        _of_a_war(t.subtree if t.dep_ == "prep" else t.head.subtree, lexicon)
        for t in predicate.subtree
        if t.lower_ in lexicon.since and _bounds(t, predicate)
    )


def _bounds(since: Token, predicate: Token) -> bool:
    """Does "since" bound the predicate's own clause, or a clause coordinated with it ("were
    killed and millions displaced since ..."), rather than a noun's ("the deadliest attack
    since ...")?"""
    token = since
    while token.i != predicate.i:
        if token.dep_ not in _SCOPE_PATH:
            return False
        token = token.head
    return True


def _of_a_war(tokens: Iterable[Token], lexicon: Lexicon) -> bool:
    return any(t.lower_ in lexicon.wars or _is_year(t) for t in tokens)


def _dated(number: Token) -> bool:
    """A year, or a part of a date written with dashes or slashes ("09-09-2014 28 Fighters
    Killed", a dateline run into the headline): never a count."""
    doc, chain = number.doc, [number]
    for step in (-1, 1):
        i = number.i
        while 0 <= i + 2 * step < len(doc) and doc[i + step].text in ("-", "/"):
            i += 2 * step
            chain.append(doc[i])
    return any(_is_year(t) for t in chain)


def _is_year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")


def _extent(predicate: Token) -> tuple[int, int]:
    """The characters of the predicate's clause."""
    head = predicate.head if predicate.dep_ in ("oprd", "xcomp", "acomp") else predicate
    tokens = list(head.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
