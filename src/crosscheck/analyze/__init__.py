"""Analyze: per-article extraction, each item tied to the span of text it came from.

`analyze_many(articles)` runs spaCy over a batch (nlp.pipe) and the rule-based extractors
over each document. It is pure and independent per article, so callers may run batches in
parallel processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from crosscheck.analyze.attribution import attribution_in, resolve_back_references
from crosscheck.analyze.dates import (
    event_date,
    find_dates,
    publication_day,
    tells_of_aftermath,
)
from crosscheck.analyze.deaths import named_deaths
from crosscheck.analyze.entities import find_entities
from crosscheck.analyze.event_type import event_type
from crosscheck.analyze.figures import extract_figures, headline_figures, implied_dead
from crosscheck.analyze.nlp import load_nlp
from crosscheck.analyze.parsing import Parses
from crosscheck.analyze.places import credit_town, find_places, headline_of, story_start
from crosscheck.analyze.quotes import direct_quotes, find_quotes
from crosscheck.analyze.roundups import roundup_sentences
from crosscheck.analyze.sentences import split_sentences
from crosscheck.analyze.speech import parse_speech
from crosscheck.analyze.tolls import tolls_lexicon, with_parsed_tolls
from crosscheck.analyze.verification import unverified_sentences
from crosscheck.credits import credited_outlet
from crosscheck.gazetteer import load_gazetteer
from crosscheck.records import Analysis, AnalysisFailure, Article, Figure, Span

# Bump when extraction changes so stored analyses are recomputed.
ANALYZER_VERSION = "spacy-sm-3.8.0+rules-124"
_BATCH = 32

__all__ = ["ANALYZER_VERSION", "analyze", "analyze_many", "describe", "warm_up"]


def warm_up() -> None:
    """Load the model and gazetteer now, so worker processes forked later share them, and
    the reconcile step after them finds the gazetteer loaded."""
    load_nlp()
    load_gazetteer()


def analyze(article: Article) -> Analysis:
    """One article's analysis; raises what the analyzer raises on it."""
    nlp = load_nlp()
    return _analysis(article, nlp(article.text), nlp(headline_of(article.title)))


def analyze_many(articles: Iterable[Article]) -> list[Analysis | AnalysisFailure]:
    """Each article's analysis, or the failure that stopped it: an error on one article is
    that article's, and never costs the others of its batch theirs."""
    items = list(articles)
    nlp = load_nlp()
    try:
        docs = list(nlp.pipe((a.text for a in items), batch_size=_BATCH))
        headlines = list(nlp.pipe((headline_of(a.title) for a in items), batch_size=_BATCH))
    except Exception as err:
        if len(items) == 1:
            return [AnalysisFailure(items[0].id, describe(err))]
        # The batch is spoilt by one of its articles: each alone tells which.
        return [result for article in items for result in analyze_many([article])]
    results: list[Analysis | AnalysisFailure] = []
    for article, doc, headline in zip(items, docs, headlines, strict=True):
        try:
            results.append(_analysis(article, doc, headline))
        except Exception as err:
            results.append(AnalysisFailure(article.id, describe(err)))
    return results


def describe(err: BaseException) -> str:
    """An exception as one line a user can report: its class and the start of its message."""
    message = " ".join(str(err).split())
    return f"{type(err).__name__}: {message[:300]}" if message else type(err).__name__


def _with_lead(figures: tuple[Figure, ...], sentences: tuple[Span, ...]) -> tuple[Figure, ...]:
    """Mark the figures told below the lead (see Figure.below_lead)."""
    body = [s for s in sentences if not s.in_title]
    if not body:
        return figures
    end = body[min(len(body), tolls_lexicon().lead) - 1].end
    return tuple(
        replace(f, below_lead=True) if f.span.start >= end and not f.span.in_title else f
        for f in figures
    )


def _analysis(article: Article, doc: Doc, headline: Doc) -> Analysis:
    sentences = split_sentences(article.id, article.text)
    day = publication_day(sentences, article.published)
    dates = find_dates(sentences, day)
    # The headline is a prefix of the title, so its offsets are the title's.
    title = Span(article.id, 0, len(headline.text), headline.text, in_title=True)
    headline_dates = find_dates((title,), day)
    entities = find_entities(doc, article.id)
    # Figures and reported speech both need each sentence's source: found once, here.
    attributions = resolve_back_references(
        sentences, [attribution_in(s.text) for s in sentences], entities
    )
    people = tuple(e.span for e in entities if e.kind == "person")
    figures = extract_figures(sentences, attributions, people)
    # A headline's "monitor says" is the monitor the text names first.
    (titled,) = resolve_back_references((title,), (attribution_in(title.text),), entities)
    figures += headline_figures(title, titled, figures)
    figures += implied_dead((title, *sentences), (titled, *attributions), figures)
    parses = Parses(load_nlp(), doc, sentences, story_start(article.text))
    figures += named_deaths(parses, people, figures, attributions)
    figures = _with_lead(with_parsed_tolls(parses, figures, attributions, people), sentences)
    kind, sub_kind = event_type(article.text)
    direct = direct_quotes(article.id, article.text, entities)
    speech = parse_speech(
        parses,
        [(q.span.start, q.span.end) for q in direct],
        [(q.span.start, q.span.end) for q in direct if q.speaker_from is None],
    )
    found = find_places(doc, article.id, load_gazetteer(), article.title, headline, parses)
    day_of_event = event_date(
        dates, sentences, day, headline_dates, tells_of_aftermath(article.title)
    )
    return Analysis(
        article=article.id,
        sentences=sentences,
        figures=figures,
        event_date=day_of_event.day,
        event_date_guessed=day_of_event.guessed,
        dates=dates + headline_dates,
        places=found.places,
        entities=entities,
        quotes=find_quotes(direct, sentences, attributions, entities, speech),
        outlet=article.outlet or credited_outlet(article.text),
        unverified=unverified_sentences(sentences),
        roundup=roundup_sentences(sentences),
        event_type=kind,
        sub_event_type=sub_kind,
        credit_place=credit_town(article.title, article.id, load_gazetteer()),
        filed_from=found.filed_from,
    )
