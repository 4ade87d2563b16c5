"""Reported speech from the dependency parse: a cue verb's subject said, thought or showed
its clausal complement ("Aid workers warned that the camp could run out of water"); the
object of "according to" stands behind the clause it is attached to.

The parser runs only on sentences that hold a cue word (data/speech.json) or a quotation
the words around it gave no speaker: most sentences are neither, and the rest of analysis
needs no parse. Each sentence is parsed on its own, from the tagger's features the pipeline
already computed for the whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from crosscheck.analyze.parsing import Parsed, Parses
from crosscheck.records import Span
from crosscheck.rulefiles import rule_file

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSES = frozenset({"ccomp"})
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_LEAD_IN = 5  # words between a clause break and a quotation that only introduce it
_MIN_REPORTED = 3  # fewer reported words before a quotation are its introduction
# Pronouns that stand for one person, who can speak ("he thanked them for ...").
_SOMEONE = frozenset({"he", "she"})
# Third-person subjects that, in a statement's content, are most often its reporter.
_SAME_AS_REPORTER = _SOMEONE | {"they"}
_FIRST_PERSON = frozenset({"i", "we"})  # inside a reported statement: its reporter
_RELATIVES = frozenset({"WP", "WDT"})  # "who", "which", "that" opening a relative clause
# A verb in these relations to another takes that one's subject when it has none.
_SHARING = frozenset({"conj", "advcl", "xcomp"})
# A cue's own message: a clause or an object ("Roe said the talks had failed").
_MESSAGES = frozenset({"ccomp", "xcomp", "dobj"})
_MARK_GAP = 4  # a closing or opening quotation mark and spaces between a quote and its cue


@dataclass(frozen=True, slots=True)
class Source:
    """The words naming who stands behind a statement, and where their head word starts:
    of the names in "Jane Roe of the agency" or "the agency's donor Jane Roe", the one the
    head word is part of is who speaks."""

    words: Span
    head: int


@dataclass(frozen=True, slots=True)
class Speech:
    """One reported statement: its content, and who stands behind it (None when the parse
    found no subject)."""

    content: Span
    source: Source | None
    cue: str


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: frozenset[str]  # the forms a text writes
    according: frozenset[str]
    documents: frozenset[str]  # nouns whose "in" phrase stands behind its clause ("in a poll")
    objects: frozenset[str]  # forms of the verbs whose direct object is the message
    stances: frozenset[str]  # forms of the verbs whose direct object is what is judged
    intentions: frozenset[str]  # forms of the verbs whose infinitive clause is the message
    complements: frozenset[str]  # prepositions whose phrase completes an object's message
    # forms of the verbs whose message is a preposition's object, with those prepositions
    prepositional: dict[str, frozenset[str]]
    # documents ("a statement saying ...") whose words are their issuer's, and the verbs of
    # issuing them ("The army issued a statement saying ...")
    issued: frozenset[str]
    issuing: frozenset[str]

    @property
    def words(self) -> frozenset[str]:
        """Every word that makes a sentence worth parsing for reported speech."""
        return self.verbs | self.according | self.documents


@cache
def speech_cues() -> Cues:
    data = rule_file("speech.json")
    verbs = data["verbs"]
    return Cues(
        frozenset(f for forms in verbs.values() for f in forms),
        frozenset(data["according"]),
        frozenset(data["documents"]),
        frozenset(f for lemma in data["objects"] for f in verbs[lemma]),
        frozenset(f for lemma in data["stances"] for f in verbs[lemma]),
        frozenset(f for lemma in data["intentions"] for f in verbs[lemma]),
        frozenset(data["complements"]),
        {
            form: frozenset(preps)
            for lemma, preps in data["prepositional"].items()
            for form in verbs[lemma]
        },
        frozenset(data["issued"]["documents"]),
        frozenset(data["issued"]["verbs"]),
    )


def speech_examples() -> list[dict]:
    return list(rule_file("speech.json")["examples"])


@dataclass(frozen=True, slots=True)
class Found:
    """What the parse tells: reported statements, and for direct quotes whose speaker the
    words around them did not give, the subject of a cue verb in their sentence (by the
    quote's (start, end))."""

    reported: tuple[Speech, ...] = ()
    speakers: dict[tuple[int, int], Source] = field(default_factory=dict)


def parse_speech(
    parses: Parses,
    quoted: Sequence[tuple[int, int]] = (),
    unattributed: Sequence[tuple[int, int]] = (),
) -> Found:
    """Parse the sentences of `doc`'s text that hold a cue word, for reported speech whose
    content is no direct quotation (`quoted`), and for the speaker of each `unattributed`
    quotation, in the sentence it ends in, then the one it starts in ('X said the count
    was "far higher. Whole streets are gone."'); where no cue verb gives one, the subject
    of the verb the quotation hangs from, if it names someone. No other sentence is
    parsed."""
    cues = speech_cues()
    cue_words = cues.words
    sentences = parses.sentences
    homes = {q: _homes(q, sentences, parses.doc.text) for q in unattributed}
    # A quotation's own sentence is read even with no cue word: its verb may still have
    # a subject who says it ('Roe thanked them for "stepping up"').
    own = {i for places in homes.values() for i, bare in places if not bare}
    found = parses.of(
        lambda i, tokens: (
            not sentences[i].in_title and (i in own or not parses.words(i).isdisjoint(cue_words))
        ),
    )
    parsed = {p.index: p for p in found}
    # A sentence with a quotation may also report ('"...," she said, adding that ...'):
    # a statement whose content runs into a quotation keeps its own words before it.
    reported = [
        kept
        for i, p in parsed.items()
        for speech in _statements(p.doc, sentences[i].article, p.offset, cues)
        if (kept := _unquoted(speech, p.doc, p.offset, quoted)) is not None
    ]
    speakers = {}
    for quote, places in homes.items():
        at = [(parsed[i], sentences[i].article, bare) for i, bare in places if i in parsed]
        source = next(
            (s for p, a, bare in at if (s := _quote_source(p, a, quote, quoted, cues, bare))),
            None,
        ) or next(
            (
                s
                for p, a, bare in at
                if not bare and (s := _governing_source(p, a, quote, quoted, cues))
            ),
            None,
        )
        if source is not None:
            speakers[quote] = source
    return Found(tuple(reported), speakers)


def _unquoted(
    speech: Speech, sub: Doc, offset: int, quoted: Sequence[tuple[int, int]]
) -> Speech | None:
    """The statement, or where a quotation lies inside its content, the words reported
    before the quotation, less a short lead-in to it ("..., which he called", "but added,"):
    'she said the law had failed, which she called "a betrayal"'. None where the content
    opens with a quotation or holds too few words before it: the quotation is the
    statement."""
    content = speech.content
    inside = [a for a, b in quoted if a < content.end and content.start < b]
    if not inside:
        return speech
    cut = min(inside) - 1  # the opening quotation mark
    words = [t for t in sub if content.start <= offset + t.idx and offset + t.idx + len(t) <= cut]
    # Back to the first clause break of the lead-in to the quotation.
    breaks = [
        i
        for i, t in enumerate(words)
        if (t.is_punct or t.pos_ == "CCONJ") and len(words) - i <= _LEAD_IN
    ]
    if breaks:
        words = words[: breaks[0]]
    while words and (words[-1].is_punct or words[-1].pos_ in ("CCONJ", "SCONJ")):
        words.pop()
    if len([t for t in words if not t.is_punct]) < _MIN_REPORTED:
        return None
    return Speech(_span(words, content.article, offset), speech.source, speech.cue)


def _homes(quote: tuple[int, int], sentences: Sequence[Span], text: str) -> list[tuple[int, bool]]:
    """The sentences a quotation's speaker is looked for in, each with whether only a cue
    with no message of its own counts there: the sentence the quotation ends in, then the
    one it starts in; then a sentence of its own that introduces it with a colon ("The
    agency said:"); then one that follows it at once, where a question or an exclamation
    ended the sentence before its speaker ('"Where is the aid?" the mayor asked.'), but not
    one that goes on to a statement of its own ('... Roe said the talks had failed')."""
    found: list[int] = []
    for at in (quote[1] - 1, quote[0]):
        for i, s in enumerate(sentences):
            if not s.in_title and s.start <= at < s.end and i not in found:
                found.append(i)
    homes = [(i, False) for i in found]
    first, last = min(found, default=-1), max(found, default=-1)
    if first > 0:
        lead = sentences[first - 1]
        if lead.text.endswith(":") and 0 <= quote[0] - lead.end <= _MARK_GAP:
            homes.append((first - 1, False))
    if 0 <= last < len(sentences) - 1:
        after = sentences[last + 1]
        gap = text[quote[1] : after.start]
        # A new paragraph is never the attribution of the one before.
        if len(gap) <= _MARK_GAP and "\n" not in gap:
            homes.append((last + 1, True))
    return [(i, bare) for i, bare in homes if not sentences[i].in_title]


def _quote_source(
    parsed: Parsed,
    article: str,
    quote: tuple[int, int],
    quoted: Sequence[tuple[int, int]],
    cues: Cues,
    bare: bool = False,
) -> Source | None:
    """The subject of the cue verb nearest the quotation, outside every quotation: who says
    '"...," the senator told reporters' or 'X called it a "massive fraud"'. With `bare`,
    only a cue with no clause or object of its own."""
    sub, offset = parsed.doc, parsed.offset
    inside = _in_quotes(quoted, offset)
    best: tuple[int, Source] | None = None
    for token in sub:
        if token.lower_ not in cues.verbs or token.pos_ not in _VERBS or inside(token):
            continue
        if bare and _has_message(token, cues):
            continue
        subject = _subject(token, cues, outside=lambda t: not inside(t))
        source = _unquoted_source(subject, article, offset, inside) if subject is not None else None
        if source is None:
            continue
        at = offset + token.idx
        distance = at - quote[1] if at >= quote[1] else quote[0] - at
        if best is None or distance < best[0]:
            best = (distance, source)
    return best[1] if best else None


def _governing_source(
    parsed: Parsed,
    article: str,
    quote: tuple[int, int],
    quoted: Sequence[tuple[int, int]],
    cues: Cues,
) -> Source | None:
    """Who a quotation set in a sentence with no cue verb is from: the subject of the verb
    the quotation hangs from, where that subject names someone (a name, "he", "she").
    "Roe thanked them for "stepping up"", "Roe is calling the plan "a betrayal"": the
    quotation is Roe's words, which the next quotation does not continue."""
    sub, offset = parsed.doc, parsed.offset
    inside = _in_quotes(quoted, offset)
    own = {t.i for t in sub if quote[0] <= offset + t.idx < quote[1]}
    attached = [sub[i].head for i in sorted(own) if sub[i].head.i not in own]
    for token in attached:
        verb = next((v for v in (token, *token.ancestors) if v.pos_ in _VERBS), None)
        if verb is None or inside(verb):
            continue
        subject = _subject(verb, cues, outside=lambda t: not inside(t))
        if (
            subject is not None
            and _someone(subject)
            and (source := _unquoted_source(subject, article, offset, inside))
        ):
            return source
    return None


def _in_quotes(quoted: Sequence[tuple[int, int]], offset: int) -> Callable[[Token], bool]:
    """Whether a token of a sentence's parse, which starts at `offset` of the text, lies
    inside one of the `quoted` spans of the text."""

    def inside(t: Token) -> bool:
        at = offset + t.idx
        return any(a <= at < b for a, b in quoted)

    return inside


def _someone(subject: Token) -> bool:
    """Does a subject name someone who could speak: a proper name, or "he" or "she"? "The
    bill would ban "assault weapons"" quotes no one."""
    return subject.pos_ == "PROPN" or subject.lower_ in _SOMEONE


def _has_message(cue: Token, cues: Cues) -> bool:
    """Does the cue carry a message of its own: a clause, an object, or the preposition
    its message follows ("called for calm")?"""
    preps = cues.prepositional.get(cue.lower_, frozenset())
    return any(
        c.dep_ in _MESSAGES or (c.dep_ == "prep" and c.lower_ in preps) for c in cue.children
    )


def _statements(sub: Doc, article: str, offset: int, cues: Cues) -> Iterator[Speech]:
    for token in sub:
        if token.lower_ in cues.according and token.i + 1 < len(sub):
            speech = _according(token, article, offset)
        elif _in_document(token, cues):
            speech = _behind(token.head, token, article, offset)
        elif token.lower_ in cues.verbs and token.pos_ in _VERBS:
            speech = _verb(token, article, offset, cues)
        else:
            continue
        if speech is not None:
            yield speech


def _verb(cue: Token, article: str, offset: int, cues: Cues) -> Speech | None:
    """The cue's clausal complement; or, for a verb of intention, its infinitive clause
    ("vowed to retake the town"); or, for a verb whose object is the message, that object
    ("the poll shows a lead"); for a verb of stance, its object and the phrase completing
    it ("blamed the militia for the blast"); or, for a cue set off from its clause ("the
    toll, officials say, will rise"), that clause less the cue's own words."""
    form = cue.lower_
    subject = _subject(cue, cues)
    words = _complement(cue, next((c for c in cue.children if c.dep_ in _CLAUSES), None))
    # An intention or a stance is only a statement with someone behind it: "plans to
    # expand the camp" with no subject is the article's own account.
    if not words and form in cues.intentions and subject is not None:
        words = _complement(cue, next((c for c in cue.children if c.dep_ == "xcomp"), None))
    stance = form in cues.stances and subject is not None
    if not words and (form in cues.objects or stance):
        words = _complement(cue, next((c for c in cue.children if c.dep_ == "dobj"), None))
        if words and stance:
            words += [
                t
                for c in cue.children
                if ((c.dep_ == "prep" and c.lower_ in cues.complements) or c.dep_ == "oprd")
                and c.i > words[0].i
                for t in c.subtree
            ]
    if not words and form in cues.prepositional and subject is not None:
        words = _prepositional(cue, cues.prepositional[form])
    if not words and cue.dep_ == "parataxis":
        aside = {t.i for t in cue.subtree}
        words = [t for t in cue.head.subtree if t.i not in aside and not t.is_punct]
    if not words:
        return None
    content = _span(words, article, offset)
    source = _source_of(subject, article, offset) if subject is not None else None
    return Speech(content, source, cue.text)


def _prepositional(cue: Token, prepositions: frozenset[str]) -> list[Token]:
    """The object of the cue's preposition ("called for talks"), and an infinitive clause
    after it ("called on the army to withdraw")."""
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    named = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if named is None:
        return []
    words = list(named.subtree)
    clause = next((c for c in cue.children if c.dep_ in ("xcomp", "advcl") and c.i > named.i), None)
    return words + list(clause.subtree) if clause is not None else words


def _complement(cue: Token, head: Token | None) -> list[Token]:
    """The words a complement of the cue heads, and, for an infinitive clause whose subject
    is the cue's object ("urged residents to leave"), that object."""
    if head is None:
        return []
    words = list(head.subtree)
    if head.dep_ == "xcomp":
        addressed = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if addressed is not None and addressed.i < head.i:
            words = list(addressed.subtree) + words
    return words


def _subject(
    verb: Token, cues: Cues, outside: Callable[[Token], bool] = lambda _: True
) -> Token | None:
    """Who the verb's statement is from: its subject; for a verb that shares its subject
    with the one it hangs from ("he said X, adding that Y"; "she denied X and insisted
    that Y"; "responded by saying that Y"), that one's; for a relative clause ("senators,
    who argued that Y"), the noun it qualifies; for a participle qualifying a noun ("a
    statement announcing Y", "voters saying Y"), that noun. Only subjects `outside` accepts
    count: the parser often takes a quotation's opening words for a second subject of the
    verb after it ('"Best of the lot," the senator said')."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and outside(c)), None)
        if subject is not None:
            if subject.tag_ in _RELATIVES and verb.dep_ == "relcl":
                # "rights that were denied": a passive clause's relative is what is said.
                return verb.head if subject.dep_ == "nsubj" else None
            return _reporter(subject, verb, cues.verbs) or subject
        if verb.dep_ == "acl" and verb.head.pos_ in _NOUNS and _next_to(verb.head, verb):
            return _issuer(verb.head, cues, outside) or verb.head
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in _VERBS:
            verb = verb.head.head
        elif verb.dep_ in _SHARING and verb.head is not verb:
            verb = verb.head
        else:
            return _set_off(verb, outside) if verb.dep_ == "ROOT" else None
    return None


def _issuer(document: Token, cues: Cues, outside: Callable[[Token], bool]) -> Token | None:
    """Who issued a document whose words a participle gives: "The army issued a statement
    saying ..." is the army's statement. None for a document no one is said to issue."""
    verb = document.head
    if document.lower_ not in cues.issued or document.dep_ != "dobj":
        return None
    if verb.lower_ not in cues.issuing or verb.pos_ not in _VERBS:
        return None
    return _subject(verb, cues, outside)


def _set_off(verb: Token, outside: Callable[[Token], bool]) -> Token | None:
    """A name set off by commas where a main verb has no subject of its own: the parser
    hung it from a quotation's words ('"Not one bed left," Roe, the director, said') or
    from a noun before it ("In a statement to the paper, its editor, Jane Roe, said"),
    as an apposition. The name is the verb's subject."""
    quoted = (c for c in verb.children if c.dep_ in _SUBJECTS and not outside(c))
    for subject in quoted:
        named = (a for a in subject.children if a.dep_ == "appos" and a.pos_ == "PROPN")
        for appos in named:
            if outside(appos):
                return appos
    before = verb.doc[verb.i - 2] if verb.i >= 2 else None
    if before is None or verb.doc[verb.i - 1].text != ",":
        return None
    if before.pos_ != "PROPN":
        before = _described(before, verb, outside)
    if before is None or before.pos_ != "PROPN" or not outside(before):
        return None
    while before.dep_ in ("compound", "flat") and before.head.i > before.i:
        before = before.head
    return before


def _described(word: Token, verb: Token, outside: Callable[[Token], bool]) -> Token | None:
    """The name a role or a relative clause set off before a verb describes: '"...," Jane
    Roe, a senior adviser to the campaign, said', where the parser hung the name from the
    quotation's words and the role from the name."""
    for node in (word, *word.ancestors):
        if node.i >= verb.i or not outside(node):
            return None
        head = node.head
        if node.dep_ in ("appos", "relcl") and head.i < node.i and head.pos_ == "PROPN":
            return head
    return None


def _reporter(pronoun: Token, verb: Token, cue_verbs: frozenset[str]) -> Token | None:
    """Who a pronoun subject is when its clause is another statement's content: the one
    who reported it. "The candidates said they support X": the candidates support X, where
    the two agree in number; "We fear the river will flood the camp, the elder said": the
    elder, who speaks for the "we". None where the pronoun is no such subject."""
    word = pronoun.lower_
    if word in _FIRST_PERSON:
        aside = (c for c in verb.children if c.dep_ == "parataxis" and c.lower_ in cue_verbs)
        cue = next(aside, None)
        if cue is None and verb.dep_ in _CLAUSES and verb.head.lower_ in cue_verbs:
            cue = verb.head
        return _named_subject(cue) if cue is not None else None
    if word not in _SAME_AS_REPORTER or verb.dep_ not in _CLAUSES:
        return None
    if verb.head.lower_ not in cue_verbs:
        return None
    outer = _named_subject(verb.head)
    return outer if outer is not None and _plural(outer) == (word == "they") else None


def _named_subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return None if subject is None or subject.pos_ == "PRON" else subject


def _plural(noun: Token) -> bool:
    """Does the noun phrase name several: a plural noun, a conjunction, or a share of a
    plural ("most of the candidates", "two of the guards")."""
    if noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children):
        return True
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return whole is not None and whole.tag_ in ("NNS", "NNPS")


def _next_to(noun: Token, participle: Token) -> bool:
    """Does the participle follow its noun at once (or after a comma): "a statement
    announcing", "residents, saying"? One further on is often the parser's guess."""
    between = noun.doc[noun.i + 1 : participle.i]
    return all(t.is_punct for t in between) and len(between) <= 1


def _in_document(noun: Token, cues: Cues) -> bool:
    """Is the noun a document ("poll") in a phrase of "in" that sets a clause's verb in it
    ("In a poll released Monday, most voters backed the plan")?"""
    prep = noun.head
    return (
        noun.lower_ in cues.documents
        and noun.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.pos_ in _VERBS
    )


def _according(cue: Token, article: str, offset: int) -> Speech | None:
    """'according to X': X stands behind the clause the phrase hangs from, less the
    phrase itself."""
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    named = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    return _behind(cue, named, article, offset) if named is not None else None


def _behind(cue: Token, named: Token, article: str, offset: int) -> Speech | None:
    """The clause the phrase of `cue` hangs from, less the phrase, and who stands behind it:
    `named`, the phrase's object ("according to the agency", "in a poll released Monday")."""
    phrase = {t.i for t in cue.subtree}
    clause = cue.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
        clause = clause.head
    tokens = [t for t in clause.subtree if t.i not in phrase and not t.is_punct]
    if not tokens:
        return None
    return Speech(_span(tokens, article, offset), _source_of(named, article, offset), cue.text)


def _unquoted_source(
    subject: Token, article: str, offset: int, inside: Callable[[Token], bool]
) -> Source | None:
    """The source `subject` names, unless a word of it lies inside a quotation."""
    words, head = _source(subject)
    if any(inside(w) for w in words):
        return None
    return Source(_span(words, article, offset), offset + head.idx)


def _source_of(subject: Token, article: str, offset: int) -> Source:
    words, head = _source(subject)
    return Source(_span(words, article, offset), offset + head.idx)


def _source(head: Token) -> tuple[list[Token], Token]:
    """The words naming a source and their head: its noun phrase, or, where that names
    nobody and an apposition does, the apposition ("the agency's director, Jane Roe";
    "two residents, Jane Roe and John Doe"; "her partner at the firm, Jane Roe")."""
    words = _phrase(head)
    appositions = [c for c in head.children if c.dep_ == "appos"]
    if head.pos_ != "PROPN":
        # A role whose apposition is a name: the name is who holds it. The parser often
        # hangs the name from the role's last word ("her partner at the firm, Jane Roe,").
        last = max(words, key=lambda t: t.i)
        hung = [c for c in last.children if c.dep_ == "appos"] if last.dep_ == "pobj" else []
        name = next((c for c in (*appositions, *hung) if c.pos_ == "PROPN"), None)
        if name is not None:
            return _phrase(name), name
    if any(t.pos_ == "PROPN" for t in words):
        return words, head
    for appos in appositions:
        named = _phrase(appos)
        if any(t.pos_ == "PROPN" for t in named):
            return named, appos
    return words, head


def _phrase(head: Token) -> list[Token]:
    """The noun phrase a subject or object heads, less a relative clause or apposition
    hanging from it ("the ministry, which runs the camps,"): its name and modifiers."""
    cut = {t.i for c in head.children if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
    words = [t for t in head.subtree if t.i not in cut]
    # Keep the contiguous run around the head: punctuation left by the cut ends it.
    run = [head]
    by_index = {t.i: t for t in words}
    i = head.i - 1
    while i in by_index and not by_index[i].is_punct:
        run.insert(0, by_index[i])
        i -= 1
    i = head.i + 1
    while i in by_index and not by_index[i].is_punct:
        run.append(by_index[i])
        i += 1
    return run


def _span(tokens: list[Token], article: str, offset: int) -> Span:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    doc = first.doc
    start, end = first.idx, last.idx + len(last.text)
    return Span(article, offset + start, offset + end, doc.text[start:end])
