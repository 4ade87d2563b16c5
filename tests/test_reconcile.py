"""Reconcile on a composed massacre story: one toll in three independent reports and two
rewrites, an older lower toll, a vague toll, a total equal to the sum of its parts, one
statement in three wordings, and an unsourced detail in a rewrite."""

from __future__ import annotations

from dataclasses import replace

import pytest
from coast import coast_articles, coast_story

from crosscheck.analyze import analyze
from crosscheck.reconcile import reconcile
from crosscheck.reconcile.estimates import estimate, total_checks
from crosscheck.reconcile.figures import figure_claims
from crosscheck.records import Analysis, Article, Figure, Linkage, Span


@pytest.fixture(scope="module")
def record():
    return coast_story()[3]


TEXT = {a.id: a.text for a in coast_articles()}


def _figure(record, value, category):
    return next(f for f in record.figures if (f.value, f.category) == (value, category))


def test_six_reports_four_independent_origins(record):
    assert sorted(record.articles) == ["copy", "early", "local", "ministry", "spun", "wire"]
    assert record.independent_origins == 4
    assert record.incident.origins == ("early", "wire", "local", "ministry")


def test_the_toll_is_one_claim_from_five_articles_and_three_origins(record):
    civilians = _figure(record, 745, "civilians")
    assert civilians.articles == 5 and civilians.independent_origins == 3
    assert sorted(s.article for s in civilians.support) == [
        "copy", "local", "ministry", "spun", "wire"
    ]  # fmt: skip
    for span in civilians.support:
        assert TEXT[span.article][span.start : span.end] == span.text
        assert "745" in span.text
    assert civilians.attributed_to == "Syrian Observatory for Human Rights"
    # The wire story and its copy say they could not verify it.
    assert set(civilians.unverified_by) == {"wire", "copy"}


def test_the_older_lower_toll_is_a_revision_by_the_same_monitor(record):
    older = record.figures.index(_figure(record, 600, "civilians"))
    newer = record.figures.index(_figure(record, 745, "civilians"))
    (conflict,) = [c for c in record.conflicts if {c.earlier, c.later} == {older, newer}]
    assert (conflict.earlier, conflict.later) == (older, newer)
    assert conflict.kind == "revision" and conflict.compatible  # "at least 600" holds
    assert "Syrian Observatory" in conflict.reason
    assert newer in record.figures[older].conflicts


def test_the_vague_toll_disagrees_with_the_monitor_s_count(record):
    vague = _figure(record, 24, "security forces")  # "several dozen": conservative low end
    assert vague.low == 24 and vague.high > 24
    counted = record.figures.index(_figure(record, 125, "security forces"))
    (conflict,) = [c for c in record.conflicts if counted in (c.earlier, c.later)]
    assert conflict.kind == "disagreement" and not conflict.compatible
    assert "several dozen" in conflict.reason
    assert vague.attributed_to == "Syria's interior ministry"


def test_estimates_total_by_category_and_the_sum_of_parts(record):
    incident = record.incident
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (600, 1018, 1018)
    by_category = {c.category: c.estimate for c in incident.by_category}
    assert by_category["civilians"].best == 745 and by_category["civilians"].low == 600
    assert by_category["security forces"].best == 125  # three articles against one
    assert by_category["fighters"].best == 148
    wire_check = next(t for t in incident.totals if t.article == "wire")
    assert wire_check.total == 1018 == sum(wire_check.parts.values())
    assert wire_check.consistent


def test_one_statement_in_three_wordings_and_the_rewrite_s_departure(record):
    (statement,) = [q for q in record.quotes if "massacres" in q.variants[0].text]
    assert {v.article for v in statement.variants} == {"wire", "copy", "spun", "local", "ministry"}
    assert statement.independent_origins == 3
    assert "Rahman" in statement.speaker
    wordings = {v.text.rstrip(",.") for v in statement.variants}
    assert len(wordings) == 4  # wire and copy agree; the rewrite, radio and TV differ
    flagged = {v.article: v.origin_wording for v in statement.variants if v.origin_wording}
    assert list(flagged) == ["spun"]
    assert "biggest massacres" in flagged["spun"]


def test_the_rewrite_s_unsourced_detail_is_listed(record):
    (added,) = record.unsupported
    assert added["article"] == "spun" and added["origin"] == "wire"
    assert added["text"].startswith("Witnesses said the attackers arrived in trucks")
    assert TEXT["spun"][added["start"] : added["end"]] == added["text"]


def test_every_brief_sentence_cites_its_sources_and_says_what_to_weigh(record):
    assert record.brief
    for sentence in record.brief:
        assert sentence.citations
        first = sentence.citations[0]
        assert TEXT[first][sentence.span.start : sentence.span.end] == sentence.text
    marks = {s.citations[0]: s.marks for s in record.brief}
    assert "unverified" in marks["wire"]  # the wire could not verify 1,018
    assert "disputed" in marks["early"]  # 600 was revised to 745
    assert "single origin" in marks["early"]
    assert "disputed" in marks["ministry"]  # "several dozen" against 125
    wire = next(s for s in record.brief if s.citations[0] == "wire")
    assert {"copy", "spun"} <= set(wire.citations)


def test_incident_record_dates_places_and_event_type(record):
    incident = record.incident
    assert incident.date == "2025-03-06"  # "since Thursday", reported on Monday 10 March
    assert incident.date_start == "2025-03-06"
    assert incident.places[0]["name"] == "Bāniyās" and incident.places[0]["precision"] == "town"
    assert incident.event_type == "Violence against civilians"
    assert "Levant Wire" in incident.outlets
    assert any(e.date == "2025-03-06" and e.articles >= 3 for e in record.events)


def test_a_part_of_a_total_does_not_make_the_reports_giving_the_total_incomplete():
    def killed(article, value, category=None, part=False):
        span = Span(article, 0, 2, str(value))
        return Figure(article, value, value, value, "killed", span, span, category=category,
                      part_of_total=part)  # fmt: skip

    figures = [
        killed("a", 23, "civilians"), killed("a", 7, "children", part=True),
        killed("b", 23, "civilians"),
        killed("c", 40),  # one outlet's larger, uncategorised count
    ]  # fmt: skip
    published = {"a": "2025-03-13", "b": "2025-03-13", "c": "2025-03-14"}
    found = estimate("killed", figures, {a: a for a in published}, published)
    assert (found.low, found.best, found.high) == (23, 23, 40)  # two origins against one


def test_a_report_that_a_victim_was_shot_does_not_make_him_injured_when_he_died():
    def figure(article, value, status):
        span = Span(article, 0, 2, str(value))
        return Figure(article, value, value, value, status, span, span)

    # One report says the man was shot, two that he was shot and killed; a fourth that
    # three were shot, one fatally: two injured.
    figures = [
        figure("a", 1, "shot"),
        figure("b", 1, "killed"), figure("c", 1, "killed"),
        figure("d", 3, "shot"), figure("d", 1, "killed"),
    ]  # fmt: skip
    published = {a: "2025-03-13" for a in "abcd"}
    origins = {a: a for a in published}
    killed = estimate("killed", figures, origins, published)
    assert killed.best == 1
    injured = estimate("injured", figures, origins, published, killed.best)
    assert (injured.low, injured.high) == (0, 2)
    # Without the story's count of dead, report a would count its man as injured.
    assert estimate("injured", figures, origins, published).low == 1
    assert estimate("injured", [figures[0]], origins, published).best == 1
    assert estimate("injured", [figures[0]], origins, published, killed=1).best == 0


def test_a_smaller_total_a_report_also_states_backs_another_reports_count():
    def killed(article, value):
        span = Span(article, 0, 2, str(value))
        return Figure(article, value, value, value, "killed", span, span)

    published = {"a": "2025-03-13", "b": "2025-03-14", "c": "2025-03-14"}
    origins = {a: a for a in published}
    # Report b says the man died and recalls "13 people had been killed" in another attack:
    # with report a, two reports give one dead; b's 13 has b alone.
    found = estimate(
        "killed", [killed("a", 1), killed("b", 1), killed("b", 13)], origins, published
    )
    assert (found.low, found.best, found.high) == (1, 1, 13)
    # Smaller totals only back a count some report gives as its own: five and three dead,
    # each report also telling of one victim, is not a toll of one.
    figures = [killed("a", 5), killed("a", 1), killed("c", 3), killed("c", 1)]
    assert estimate("killed", figures, origins, published).best == 3


def figures(article: str, text: str) -> list[Figure]:
    """The figures analysis finds in a one-line report `article`."""
    return list(analyze(Article(article, article, text, article)).figures)


def test_a_report_naming_its_dead_without_a_number_backs_a_larger_numbered_count():
    published = {"a": "2025-06-08", "b": "2025-06-09", "c": "2025-06-09"}
    origins = {a: a for a in published}
    five = figures("a", "Five people were found dead at the cabin, police said.")
    # Two reports tell only that the man killed his wife and that she was killed: neither
    # says no one else died.
    named = figures("b", "Police said the man killed his wife.") + figures(
        "c", "She was killed at home, a neighbour said."
    )
    assert [f.value for f in named] == [1, 1]
    found = estimate("killed", five + named, origins, published)
    assert (found.low, found.best, found.high) == (1, 5, 5)
    # Two reports that number one dead do say so, against the five.
    numbered = figures("b", "One person was killed, police said.") + figures(
        "c", "Police said 1 man died at the scene."
    )
    assert estimate("killed", five + numbered, origins, published).best == 1
    # Nor does a named wounded man back another report's count of people shot.
    shot = figures("a", "Five people were shot, police said.")
    shot += [replace(f, status="shot") for f in named]
    assert estimate("injured", shot, origins, published).best == 1


def test_a_story_s_day_weighs_a_guessed_day_below_one_the_text_ties_to_the_shooting():
    from crosscheck.reconcile import _event_date

    def analysis(article: str, day: str, guessed: bool) -> Analysis:
        return Analysis(article, (), event_date=day, event_date_guessed=guessed)

    # A report published on the 17th that names no day, and one that says "Sunday" (19th).
    told = {"a": analysis("a", "2017-03-17", True), "b": analysis("b", "2017-03-19", False)}
    assert _event_date(["a", "b"], told) == "2017-03-19"
    # Two guesses still outvote one told day; between equals the earlier day stands.
    told["c"] = analysis("c", "2017-03-17", True)
    assert _event_date(["a", "b", "c"], told) == "2017-03-17"
    equal = {"a": analysis("a", "2017-03-18", False), "b": analysis("b", "2017-03-19", False)}
    assert _event_date(["a", "b"], equal) == "2017-03-18"


def test_a_vague_count_backs_the_exact_counts_it_may_mean():
    published = {"a": "2025-06-08", "b": "2025-06-09", "c": "2025-06-09"}
    origins = {a: a for a in published}
    five = figures("a", "Police said five people were injured in the shooting.")
    # The later report says only "multiple": two to nine, which five is.
    multiple = figures("b", "Police are investigating a shooting that injured multiple people.")
    found = estimate("injured", five + multiple, origins, published)
    assert (found.low, found.best, found.high) == (2, 5, 5)
    # "Several" (three to nine) does not back twelve: the later, nearer count stands.
    twelve = figures("a", "Police said twelve people were injured in the shooting.")
    several = figures("b", "Several people were injured in the shooting, police said.")
    assert estimate("injured", twelve + several, origins, published).best == 3
    # A report that also writes its count exactly is no bound: "two" stands against "five".
    two = figures("b", "A shooting injured multiple people. Police said two people were injured.")
    assert sorted((f.low, f.high) for f in two) == [(2, 2), (2, 9)]
    assert estimate("injured", five + two, origins, published).best == 2


def test_one_origin_s_count_far_beyond_every_other_is_an_outlier_not_best():
    named = [f for n in range(7) for f in figures(f"n{n}", "Police said the man killed his wife.")]
    hundred = figures("h", "At least 100 people were killed, police said.")
    published = {a: "2025-06-09" for a in [*(f"n{n}" for n in range(7)), "h"]}
    origins = {a: a for a in published}
    assert {f.value for f in named} == {1} and [f.value for f in hundred] == [100]
    found = estimate("killed", named + hundred, origins, published)
    # Seven reports naming one dead man back "five dead", not a hundred.
    assert (found.low, found.best, found.high, found.outlier) == (1, 1, 100, 100)
    five = figures("h", "Five people were killed, police said.")
    found = estimate("killed", named + five, origins, published)
    assert (found.best, found.outlier) == (5, None)
    # Two origins counting two dead against one counting nine: nine is kept as high and
    # named, though it came later; within three times, the later count stands as before.
    two = figures("n0", "Two people were killed, police said.")
    two += figures("n1", "Police said two people were killed.")
    later = published | {"h": "2025-06-10"}
    nine = figures("h", "Nine people were killed, police said.")
    found = estimate("killed", two + nine, origins, later)
    assert (found.best, found.high, found.outlier) == (2, 9, 9)
    four = figures("h", "Four people were killed, police said.")
    found = estimate("killed", two + four, origins, later)
    assert (found.best, found.outlier) == (2, None)  # two origins against one
    # One origin against one other is a disagreement, not an outlier: the later stands.
    found = estimate("killed", two[:1] + nine, origins, later)
    assert (found.best, found.outlier) == (9, None)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Named as often as Dayton, by one report: the town its headline names comes first.
        ("Two hurt in Xenia shooting",
         "Police in Dayton, Ohio, said the two were taken to a hospital in Dayton. "
         "Xenia police are investigating.", ["Xenia", "Dayton"]),
        # Dayton is named first, Kettering more often.
        (None, "A man from Dayton was shot in Kettering, Ohio, on Friday. Kettering police "
         "said the shooting was accidental.", ["Kettering", "Dayton"]),
        # A county is listed beside a town in its state; the state itself is not.
        ("Cowley County teen hurt in accidental shooting",
         "A Cowley County teen was hurt Sunday when his father's revolver went off, the "
         "sheriff's office said. He was flown to a hospital in Wichita, Kansas.",
         ["Wichita", "Cowley County"]),
    ],
)  # fmt: skip
def test_story_places_rank_by_mentions_then_the_headline(title, text, expected):
    from crosscheck.analyze import analyze
    from crosscheck.reconcile import reconcile
    from crosscheck.records import Article, Linkage

    article = Article("a", "s", text, "h", title=title)
    found = reconcile("s", [article], {"a": analyze(article)}, Linkage({}, (), {}))
    assert [p["name"] for p in found.incident.places] == expected


def test_a_story_without_headlines_is_titled_from_its_lead():
    """Wire text pasted without its headline: the title is the lead's opening words, not
    "Untitled story"; a story with a headline keeps it."""
    untitled = [replace(a, title=None) for a in coast_articles()[:1]]
    analyses = {a.id: analyze(a) for a in untitled}
    linkage = Linkage({"s": (untitled[0].id,)}, (), {untitled[0].id: untitled[0].id})
    record = reconcile("s", untitled, analyses, linkage)
    lead = record.brief[0].text.split()
    assert record.title and record.title.rstrip("…").split() == lead[: len(record.title.split())]
    assert len(record.title.split()) <= 14
    titled = coast_articles()[:1]
    kept = reconcile("s", titled, {a.id: analyze(a) for a in titled}, linkage)
    assert kept.title == titled[0].title


@pytest.mark.parametrize(("total", "consistent"), [("More than 1,000", True), ("1,000", False)])
def test_a_total_s_qualifier_decides_whether_its_parts_add_up(total, consistent):
    text = (
        f"{total} people were killed in the assault on the town, the monitor said. "
        "Among the dead, 745 civilians, 125 soldiers and 148 fighters were killed."
    )
    analysis = analyze(Article("w", "wire", text, "h", published="2025-04-02T08:00:00Z"))
    (check,) = total_checks(list(analysis.figures))
    assert check.total == 1000 and sum(check.parts.values()) == 1018
    assert check.consistent is consistent


def test_a_count_of_dead_below_a_lead_that_gives_one_is_claimed_but_compared_with_none():
    def killed(article, value, below_lead=False):
        span = Span(article, 0, 2, str(value))
        return Figure(article, value, value, value, "killed", span, span, below_lead=below_lead)

    articles = {a: Article(a, "wire", "x", "h", published="2025-03-13T08:00:00Z") for a in "abc"}
    figures = [
        killed("a", 3), killed("a", 12, below_lead=True),  # an attack recalled further down
        killed("b", 3),
        killed("c", 5, below_lead=True),  # a lead with no count: this is c's count
    ]  # fmt: skip
    claims, conflicts = figure_claims(figures, {a: a for a in articles}, articles, set())
    assert {c.value for c in claims} == {3, 5, 12}
    compared = {frozenset((claims[c.earlier].value, claims[c.later].value)) for c in conflicts}
    assert compared == {frozenset((3, 5))}
