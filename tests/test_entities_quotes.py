"""People, organisations and quotes: name variants, speakers, pronouns, continuation."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.names import same_organisation, same_person
from crosscheck.records import Article

MONITOR_STORY = (
    "BEIRUT (Levant Wire) — Clashes in the coastal town of Baniyas killed at least 40 people "
    "on Friday, the Syrian Observatory for Human Rights said.\n\n"
    "Rami Abdulrahman, who heads the Britain-based Observatory, said most of the dead were "
    'civilians. "Whole families were shot in their homes," Abdulrahman told Levant Wire. '
    '"We have documented every name we could."\n\n'
    'Interim President Ahmed al-Sharaa called for calm. "We will hold accountable anyone who '
    'harmed civilians," he said in a televised speech.\n\n'
    'Sharaa: "No one is above the law, no matter which side they fought on."'
)


def analysed(text: str):
    return analyze(Article("t", "test", text, "h", published="2025-03-08T10:00:00Z"))


def direct_speakers(text: str) -> list[tuple[str, str | None]]:
    """Each direct quote's first word and its speaker, in the text's order."""
    return [(q.text.split()[0], q.speaker) for q in analysed(text).quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rami Abdulrahman", "Rami Abdurrahman"),
        ("Rami Abdulrahman", "Abdulrahman"),
        ("Rami Abdel Rahman", "Abdurrahman"),
        ("Ahmed Sharaa", "Ahmed al-Sharaa"),
        ("Sharaa", "Ahmed al-Sharaa"),
        ("Khaled Youssef", "Khalid Yusuf"),
    ],
)
def test_spelling_variants_of_one_person(a, b):
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Samir Haidar", "Lina Haidar"), ("Ali", "Lee"), ("Smith", "Jones"), ("Hassan", "Hussein")],
)
def test_different_people_stay_apart(a, b):
    assert not same_person(a, b)


def test_organisation_short_forms():
    assert same_organisation("Syrian Observatory for Human Rights", "the Observatory")
    assert same_organisation("Syrian Observatory for Human Rights", "SOHR")
    assert not same_organisation("Houston Police Department", "Houston Fire Department")


def test_mentions_take_the_fullest_name_the_article_uses():
    entities = analysed(MONITOR_STORY).entities
    names = {(e.span.text, e.name) for e in entities}
    assert ("Abdulrahman", "Rami Abdulrahman") in names
    assert ("Observatory", "Syrian Observatory for Human Rights") in names
    for entity in entities:
        assert MONITOR_STORY[entity.span.start : entity.span.end] == entity.span.text


def test_quotes_with_named_pronoun_and_colon_speakers():
    quotes = [q for q in analysed(MONITOR_STORY).quotes if q.kind == "direct"]
    found = [(q.text.split()[0:3], q.speaker, q.speaker_from) for q in quotes]
    assert found == [
        (["Whole", "families", "were"], "Rami Abdulrahman", "name"),
        (["We", "have", "documented"], "Rami Abdulrahman", "continuation"),
        (["We", "will", "hold"], "Ahmed al-Sharaa", "pronoun"),
        (["No", "one", "is"], "Ahmed al-Sharaa", "name"),
    ]
    for quote in quotes:
        assert MONITOR_STORY[quote.span.start : quote.span.end].strip(" ,.") == quote.text.strip(
            " ,."
        )


def test_a_quote_spanning_sentences_is_one_quote():
    text = (
        "\u201cThe market was full of families. Then everything was smoke. Nobody came to help "
        "us for an hour,\u201d said Khaled Youssef, a vendor who was injured in the leg."
    )
    [quote] = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert quote.text.startswith("The market was full") and quote.text.endswith("for an hour,")
    assert quote.speaker == "Khaled Youssef"


def test_a_quote_after_a_statement_the_parse_attributed_continues_its_speaker():
    """The first statement's speaker comes from the parse ("replied" is no cue the words
    around a quote are read for), the next quotation has none of its own."""
    text = (
        "Asked about the budget, Senator Maria Ortega did not hesitate. "
        '"I think the plan will pass," Ortega replied. '
        '"We have the votes, and the governor knows it. We will not wait another year."'
    )
    quotes = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert [(q.text.split()[0], q.speaker, q.speaker_from) for q in quotes] == [
        ("I", "Maria Ortega", "name"),
        ("We", "Maria Ortega", "continuation"),
    ]


def test_unnamed_speakers_are_descriptions_and_scare_quotes_are_not_quotes():
    text = (
        '"This was a massacre of innocent people," a local resident told NewsFlash Today. '
        'Officials called the gunmen "outlaws" on Friday.'
    )
    quotes = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert [(q.speaker, q.speaker_from) for q in quotes] == [("local resident", "description")]


def test_a_role_takes_the_name_its_apposition_gives():
    text = (
        "Shelling hit the market on Friday. "
        '"We found no sign of fighters in the area," said the agency\'s director, Nadia Haddad, '
        "on Monday. The group's spokeswoman, Lena Sorensen, said two clinics had closed. "
        "Red Crescent spokesman Omar Khalil said convoys would resume on Sunday."
    )
    quotes = analysed(text).quotes
    by_start = {q.text.split()[0]: (q.kind, q.speaker, q.speaker_from) for q in quotes}
    assert by_start["We"] == ("direct", "Nadia Haddad", "name")
    assert by_start["two"] == ("reported", "Lena Sorensen", "name")
    # A person named beside his body speaks for it: the body is not the speaker.
    assert by_start["convoys"] == ("reported", "Omar Khalil", "name")


def test_a_relative_clause_or_participle_speaks_for_the_noun_it_qualifies():
    text = (
        "Shelling hit the market on Friday. The governor, who warned that the dam could "
        "fail, ordered an evacuation. The report showing that clinics had closed came out "
        "on Monday. Clinics that were told to close stayed open."
    )
    quotes = analysed(text).quotes
    speakers = {q.text: q.speaker for q in quotes if q.kind == "reported"}
    assert speakers["that the dam could fail"] == "governor"
    assert speakers["that clinics had closed"] == "report"
    # The relative of a passive clause is what was said to, not who said it.
    assert all(speaker != "Clinics" for speaker in speakers.values())


def test_a_quotation_running_on_from_a_sentence_that_names_its_speaker_is_hers():
    text = (
        "The shelling stopped at dawn, a former mayor said. The agency's director, Nadia "
        'Haddad, said it was "far higher than anyone has admitted. Whole streets in '
        'the old town are gone."'
    )
    [quote] = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert quote.text.startswith("far higher") and quote.text.endswith("are gone.")
    assert quote.speaker == "Nadia Haddad"


def test_reported_speech_is_attributed():
    quotes = analysed(MONITOR_STORY).quotes
    reported = [(q.speaker, q.speaker_from) for q in quotes if q.kind == "reported"]
    assert ("Syrian Observatory for Human Rights", "name") in reported
    assert ("Rami Abdulrahman", "name") in reported


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("SARAQIB, Syria (AP) — A drone struck a market, killing 12 people.", "Associated Press"),
        (
            "A drone struck a market, a witness told The Associated Press on Friday.",
            "Associated Press",
        ),
        ("Shelling killed 12. Reuters has not independently verified the toll.", "Reuters"),
        ("Shelling killed 12 people in the town, residents said on Friday.", None),
    ],
)
def test_outlet_inferred_from_the_text(text, outlet):
    assert analysed(text).outlet == outlet


def test_metadata_outlet_is_kept():
    article = Article(
        "t", "test", "WASHINGTON (AP) — Two officers were hurt.", "h", outlet="Herald"
    )
    assert analyze(article).outlet == "Herald"


def test_spellings_merge_across_the_articles_of_a_story():
    from crosscheck.analyze import analyze_many
    from crosscheck.reconcile.actors import story_actors

    texts = {
        "a": "Rami Abdulrahman, head of the Syrian Observatory for Human Rights, said 40 people died.",
        "b": "Rami Abdurrahman said the toll was rising. Abdurrahman said the SOHR had names.",
        "c": "Interim President Ahmed al-Sharaa spoke on Friday. Lina Haidar said she fled.",
    }
    analyses = {
        a.article: a for a in analyze_many([Article(k, "t", v, k) for k, v in texts.items()])
    }
    actors = {(x.kind, x.name): x for x in story_actors(list(texts), analyses)}
    rami = actors[("person", "Rami Abdulrahman")]
    assert set(rami.variants) >= {"Rami Abdurrahman", "Abdurrahman"} and rami.articles == ("a", "b")
    observatory = actors[("organisation", "Syrian Observatory for Human Rights")]
    assert "SOHR" in observatory.variants
    assert ("person", "Lina Haidar") in actors and ("person", "Ahmed al-Sharaa") in actors


def test_doubled_apostrophes_are_quotation_marks():
    """Archive copy writes its quotation marks as two apostrophes; a quotation running over
    paragraphs reopens each one and closes only the last."""
    text = (
        "The mayor toured the market on Friday.\n\n"
        "''We will rebuild every stall that was lost,'' said the mayor, Jane Roe. ''Nobody "
        "will be left without a place to trade.''\n\n"
        "''The first convoy leaves on Monday. The second follows a week later.\n\n"
        "''Both will carry timber and roofing,'' she added. He measured the boy at 5'9'' tall."
    )
    analysis = analysed(text)
    quotes = [q for q in analysis.quotes if q.kind == "direct"]
    assert [(q.text.split()[0], q.speaker) for q in quotes] == [
        ("We", "Jane Roe"),
        ("Nobody", "Jane Roe"),
        ("Both", "Jane Roe"),
    ]
    for quote in quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
    # The closing marks end their sentence, so the next quotation opens a sentence of its own.
    assert any(s.text.startswith("''Nobody will be left") for s in analysis.sentences)


def test_a_quote_read_by_the_parser_as_its_verb_s_subject_still_finds_its_speaker():
    """The parser often takes a quotation's words for the subject of the verb after it, and
    hangs the speaker from them, or from a noun before it, as an apposition."""
    text = (
        "Shelling hit the market on Friday.\n\n"
        '"One of the worst nights this town has lived through," Rep. Jane E. Roe (D-Md.) '
        "said in a phone interview.\n\n"
        "In a statement to the Courier, the agency's director, Nadia Haddad, said: "
        '"Our teams will stay in the town for as long as they are needed."'
    )
    assert direct_speakers(text) == [
        ("One", "Jane E. Roe"),
        ("Our", "Nadia Haddad"),
    ]


def test_a_name_after_a_verb_and_a_cue_before_a_colon_are_not_the_quote_s_speaker():
    text = (
        "Omar Khalil, a former aide to Mr. Haddad and now the head of the council, said of "
        "Mr. Haddad: ''He has never once left the town during the siege.''\n\n"
        "Critics were quick to answer online. ''The convoys are late again and nobody "
        "explains why,'' wrote a user who gave his name as Peter Lund. ''Where is the aid "
        "we were promised?'' Another user, Jane Roe, posted: ''Roads have been open for "
        "a week and still nothing arrives.''"
    )
    # The question with no speaker of its own continues the user before it, not the one
    # whose "posted:" introduces the next quotation.
    assert direct_speakers(text) == [
        ("He", "Omar Khalil"),
        ("The", "Peter Lund"),
        ("Where", "Peter Lund"),
        ("Roads", "Jane Roe"),
    ]


def test_of_two_people_named_in_a_source_the_head_of_its_phrase_speaks():
    text = (
        "Shelling hit the market on Friday. Governor Maria Ortega's spokeswoman Lena Sorensen "
        "said the roads would reopen on Monday."
    )
    [quote] = [q for q in analysed(text).quotes if q.kind == "reported"]
    assert quote.text == "the roads would reopen on Monday"
    assert (quote.speaker, quote.speaker_from) == ("Lena Sorensen", "name")


def test_a_quote_s_speaker_in_the_sentence_that_introduces_it_or_follows_it():
    text = (
        "Aid stopped reaching the town last week. The Levant Monitoring Network reports:\n"
        "\u201cConvoys have been held at the northern checkpoint for nine days.\u201d\n\n"
        "\u201cWhere is the aid that the council promised us in March?\u201d Mayor Jane Roe "
        "asked. The council did not answer."
    )
    assert direct_speakers(text) == [
        ("Convoys", "Levant Monitoring Network"),
        ("Where", "Jane Roe"),
    ]


def test_a_name_set_off_after_a_role_is_who_holds_it():
    text = (
        "The surgeon left the hospital in May. Her former partner at the clinic, Lena "
        "Sorensen, said the ward had been closed for a month."
    )
    [quote] = [q for q in analysed(text).quotes if q.kind == "reported"]
    assert quote.speaker == "Lena Sorensen"


def test_a_statement_inside_another_with_no_source_of_its_own_is_that_one_s():
    text = (
        "The council met on Friday. Party leaders said the mayor still had time to step up "
        "and show that he could rebuild the market."
    )
    quotes = [q for q in analysed(text).quotes if q.kind == "reported"]
    assert len(quotes) >= 2, quotes
    assert {q.speaker for q in quotes} == {"Party leaders"}


def test_a_source_whose_head_word_is_a_surname_the_article_gave_is_that_person():
    """NER tags the envoy's full name but not the surname alone before a phrase the parser
    hangs from it."""
    text = (
        "Lena Sorensen, the envoy, arrived on Friday. Sorensen in her speech said talks "
        "would resume."
    )
    [quote] = [q for q in analysed(text).quotes if q.kind == "reported"]
    assert (quote.speaker, quote.speaker_from) == ("Lena Sorensen", "name")


def test_a_quotation_a_verb_with_no_cue_sets_in_its_clause_is_its_subject_s():
    """Neither "thanked" nor "is calling" is a speech verb, but their subject is who the
    quotation inside their clause is from: it does not continue the quotation before."""
    text = (
        "The council met on Friday. The bill would ban \u201call new building on the flood "
        'plain\u201d from June. "We will rebuild the market by spring," Mayor Jane Roe '
        "said.\n\n"
        "Governor Lena Sorensen thanked the volunteers for \u201cstanding by the town when "
        "nobody else would.\u201d\n\n"
        "Omar Khalil, for his part, is calling the plan \u201ca promise the town has heard "
        "before.\u201d"
    )
    # A bill is no one: its quotation has no speaker.
    assert direct_speakers(text) == [
        ("all", None),
        ("We", "Jane Roe"),
        ("standing", "Lena Sorensen"),
        ("a", "Omar Khalil"),
    ]
