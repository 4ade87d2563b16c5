"""Casualty figures: what counts, what does not, and what each figure carries."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.numbers import parse_amount
from crosscheck.records import Article


def figures(text: str):
    article = Article("t", "test", text, "h", published="2025-03-14")
    return [(f.value, f.status, f.category, f.qualifier) for f in analyze(article).figures]


@pytest.mark.parametrize(
    ("words", "value"),
    [("1,018", 1018), ("four", 4), ("twenty-one", 21), ("one thousand eighteen", 1018),
     ("two hundred and five", 205), ("dozens", 12), ("hundreds", 100), ("a dozen", 12),
     ("a pair", 2), ("a couple", 2), ("a hundred", 100), ("two dozen", 24)],
)  # fmt: skip
def test_numbers_in_digits_words_and_vague_amounts(words, value):
    assert parse_amount(words).value == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A drone strike killed at least 23 civilians, including seven children.",
         (23, "killed", "civilians", "at least")),
        ("Four people suffered non-life threatening injuries.", (4, "injured", None, None)),
        ("The attack left two police officers dead.", (2, "killed", "police", None)),
        ("More than 700 fighters were killed in the clashes.", (700, "killed", "fighters", "more than")),
        ("Dozens were wounded in the blast.", (12, "injured", None, None)),
        ("The death toll from Thursday's strike has risen to 27 civilians.", (27, "killed", None, None)),
        ("The drone attack killed no fewer than 23 civilians.", (23, "killed", "civilians", "no fewer than")),
        ("Officers found three shell casings near two parked cars.", None),
    ],
)  # fmt: skip
def test_casualty_constructions(sentence, expected):
    found = figures(sentence)
    if expected is None:
        assert found == []
    else:
        assert expected in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Samir Haidar, 67, was killed outside his shop.",  # the age is not a count
        "A 57-year-old vendor and his 3 sons ran the stall for 30 years.",
        "The 13-year war has killed more than 500,000 people.",  # background toll
        "In 2012, a gunman killed 26 people at a school in Newtown.",  # another event
        "The shooting happened at 10 p.m. in the 6500 block of 46th Street.",
        "Police seized 12 cars and $40,000 in cash.",
        "The one-year-old girl shot in Chapel Hill Dec. 25 has died.",  # a date's day
        "Gary Dunn, Jr., 28, who lived nearby, was pronounced dead.",  # an age after Jr.
        # A month's count, and a count over several incidents.
        "It was the second homicide of August, after 45 people were killed in July.",
        "Only eleven days into the year, 14 teens were shot in separate shootings.",
        # A night's count over the city, beside the count of this shooting's victims.
        "The four men were among 14 people who were wounded in shootings across the city's "
        "South and West sides since Monday evening.",
        "Police said 45 people were shot citywide over the holiday.",
        "Three people were hurt in two shootings on the South Side since Monday morning.",
        "26 yr old man in critical condition in backseat.",  # an age, however written
    ],
)
def test_numbers_that_are_not_casualties_of_this_event(sentence):
    assert all(
        value != n
        for value, *_ in figures(sentence)
        for n in (67, 57, 3, 30, 500000, 26, 6500, 46, 12, 40000, 25, 28, 45, 14)
    )


def test_one_nearly_killed_was_not():
    assert figures("Police said the bullets nearly killed his father-in-law.") == []


def test_attribution_is_kept_with_the_figure():
    article = Article(
        "t",
        "test",
        "At least 40 people were wounded, according to the Syrian "
        "Observatory for Human Rights. Two officers were hurt, police said.",
        "h",
    )
    found = {f.value: f.attributed_to for f in analyze(article).figures}
    assert found == {40: "Syrian Observatory for Human Rights", 2: "police"}


def test_sentences_do_not_break_at_abbreviations():
    article = Article(
        "t",
        "test",
        "Mr. Haidar arrived at 6 p.m. Sunday with Dr. Youssef. The U.S. envoy left.",
        "h",
    )
    assert [s.text for s in analyze(article).sentences] == [
        "Mr. Haidar arrived at 6 p.m. Sunday with Dr. Youssef.",
        "The U.S. envoy left.",
    ]


def test_a_dateline_s_state_abbreviation_ends_no_sentence():
    from crosscheck.analyze.sentences import split_sentences

    text = (
        "Boy killed\n\nSTAR TOWNSHIP, Mich. (AP) — A boy was fatally shot. He lived in "
        "Jackson, Miss. Police said so."
    )
    assert [s.text for s in split_sentences("t", text)] == [
        "Boy killed",
        "STAR TOWNSHIP, Mich. (AP) — A boy was fatally shot.",
        "He lived in Jackson, Miss.",
        "Police said so.",
    ]


def test_paragraphs_a_scraper_joined_without_a_space_are_two_sentences():
    from crosscheck.analyze.sentences import split_sentences

    text = (
        "The singer was found dead at her home.Police said there were no signs of a struggle."
        '"We are heartbroken," her manager said.The U.S. tour was cancelled. Mr. Ruiz agreed.'
        'He said: "It is over."Fans gathered outside. Details at www.Example.Com/News.Today '
        "or from desk@example.Org today."
    )
    assert [s.text for s in split_sentences("t", text)] == [
        "The singer was found dead at her home.",
        "Police said there were no signs of a struggle.",
        '"We are heartbroken," her manager said.',
        "The U.S. tour was cancelled.",
        "Mr. Ruiz agreed.",
        'He said: "It is over.',
        "Fans gathered outside.",
        "Details at www.Example.Com/News.Today or from desk@example.Org today.",
    ]


def _figure(text: str):
    return analyze(Article("t", "test", text, "h", published="2025-03-14")).figures


def test_a_part_of_a_total_is_marked_and_inherits_the_status():
    totals_and_parts = [
        (f.value, f.status, f.category, f.part_of_total)
        for f in _figure(
            "The strike killed at least 23 civilians, including seven children and two women."
        )
    ]
    assert (23, "killed", "civilians", False) in totals_and_parts
    assert (7, "killed", "children", True) in totals_and_parts
    assert (2, "killed", "women", True) in totals_and_parts
    [part] = [
        f
        for f in _figure("A drone killed 23 civilians, seven of them children.")
        if f.part_of_total
    ]
    assert (part.value, part.status, part.category) == (7, "killed", "children")


def test_named_groups_keep_their_wording_and_category():
    found = {
        (f.value, f.category, f.group)
        for f in _figure(
            "The monitor said 745 Alawite civilians, 125 members of the security forces and "
            "148 pro-Assad fighters were killed."
        )
    }
    assert (148, "fighters", "pro-Assad fighters") in found


def test_vague_amounts_keep_their_range():
    [several] = _figure("Several dozen security forces were killed in the ambush.")
    assert (several.low, several.high, several.category) == (24, 99, "security forces")
    [scores] = _figure("Scores of people were injured when the roof collapsed.")
    assert (scores.value, scores.low, scores.high, scores.status) == (20, 20, 99, "injured")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 17-year-old was shot to death on Astor Avenue.", (1, "killed")),
        ("The victim was pronounced dead at the scene.", (1, "killed")),
        ("Police said two of the four shooting victims had died.", (2, "killed")),
        ("The toll rose after four of the wounded died overnight.", (4, "killed")),
        ("Sixteen people were shot, one fatally, inside the club.", (1, "killed")),
        ("Samir Haidar, 67, was killed in the strike.", (1, "killed")),
        ("Also injured were three teenagers, each shot in the leg.", (3, "injured")),
        ("Five people, including the driver, were injured.", (5, "injured")),
        ("One man was treated for a gunshot wound.", (1, "injured")),
    ],
)
def test_single_victims_and_other_news_forms(sentence, expected):
    assert expected in [(f.value, f.status) for f in _figure(sentence)]


def test_injured_is_derived_from_shot_minus_killed():
    from crosscheck.casualties import article_counts

    counts = article_counts(
        list(_figure("Sixteen people were shot, one fatally, inside the club."))
    )
    assert counts == {"killed": 1, "injured": 15}


def test_a_headlines_monitor_is_the_one_its_text_names():
    article = Article(
        "t", "s", "The Syrian Observatory for Human Rights said a drone strike killed at least "
        "23 civilians in Saraqib on Thursday.", "h",
        title="Drone strike kills 23 civilians, monitor says",
    )  # fmt: skip
    assert {(f.span.in_title, f.attributed_to) for f in analyze(article).figures} == {
        (False, "Syrian Observatory for Human Rights"),
        (True, "Syrian Observatory for Human Rights"),
    }


def test_the_monitor_and_it_are_the_organisation_named_before():
    text = (
        "Shelling killed 12 civilians in Kafr Nabl on Tuesday, the Syrian Observatory for "
        "Human Rights said. The Britain-based monitor said 30 people were wounded. "
        "It said 4 fighters were killed. Syria's Interior Ministry said 2 soldiers were killed."
    )
    analysis = analyze(Article("a", "a", text, "h", published="2025-03-12"))
    sources = {f.value: f.attributed_to for f in analysis.figures}
    observatory = "Syrian Observatory for Human Rights"
    assert sources[12] == sources[30] == sources[4] == observatory
    assert sources[2] != observatory and "Interior Ministry" in sources[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One victim, no number: a role, a pronoun, a name, a parenthesis, a place between.
        ("A 58-year-old Glen Haven woman was fatally shot outside her home.", (1, "killed")),
        ("A teenager in Marlow died Sunday after he was shot near a park.", (1, "killed")),
        ("The victim (Darnell Price Jr.) died at the hospital.", (1, "killed")),
        ("The man, whose name was not released, died at the scene.", (1, "killed")),
        ("A driver was found shot to death early Monday on Route 9.", (1, "killed")),
        ("Deputies found the boy in the yard, and he was pronounced dead.", (1, "killed")),
        ("A woman was accidentally shot and killed while cleaning a rifle.", (1, "killed")),
        ("Police charged a neighbor in the shooting death of 19-year-old Tess Varga.", (1, "killed")),
        # A name the small NER model takes for an organisation is still a victim.
        ("Police charged a neighbor in the shooting death of Tess Varga, a nurse.", (1, "killed")),
        ("She later died of her injuries.", (1, "killed")),
        ("The gunman then turned the gun on himself.", (1, "killed")),
        ("A man and his nephew were shot outside a bar.", (2, "shot")),
        ("A cashier was wounded during the robbery.", (1, "injured")),
    ],
)  # fmt: skip
def test_single_victims_without_a_number(text, expected):
    assert expected in [(value, status) for value, status, *_ in figures(text)]


@pytest.mark.parametrize(
    ("text", "attacker", "expected"),
    [
        # The subject is the attacker: its count is not a toll; the object is the victim.
        ("Investigators say Rory Kale, 41, shot his girlfriend at their home.", "Kale",
         [(1, "shot")]),
        ("He shot at the car as it drove away.", "He", []),
        ("The gunman killed three people and wounded two others.", "gunman",
         [(2, "injured"), (3, "killed")]),
        ("Two gunmen killed three people at the market.", "gunmen", [(3, "killed")]),
        ("The officer fatally shot a man who charged at him.", "officer", [(1, "killed")]),
        ("He shot and killed his wife and her brother before fleeing.", "He", [(2, "killed")]),
    ],
)  # fmt: skip
def test_attackers_are_not_counted_as_victims(text, attacker, expected):
    found = _figure(text)
    assert sorted((f.value, f.status) for f in found) == expected
    assert all(attacker not in f.span.text for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said 43-year-old Nora Pike and her son, 17-year-old Cal Pike, were found dead.",
         (2, "killed")),
        ("Agent Ray Dunn and the male suspect were killed in the exchange of fire.", (2, "killed")),
        ("Police said the man and his girlfriend were wounded.", (2, "injured")),
        # The first victim opens the sentence.
        ("The clerk and a customer were wounded during the robbery.", (2, "injured")),
        # Names listed with their ages, whether or not NER takes them for people.
        ("Officials say 34-year-old Angela Benton, 19-year-old Raynord Dane and 12-year-old "
         "Joseph Tull were killed.", (3, "killed")),
        ("Bianca Rowe, 41, and Tom Pike, 40, were killed.", (2, "killed")),
        # Two by their ages; the self and another.
        ("Police said a 16 and 17-year-old were shot on Shadeville Lane.", (2, "shot")),
        ("The man accidentally shot himself and his daughter at their home.", (2, "shot")),
    ],
)  # fmt: skip
def test_victims_listed_before_one_verb_are_each_counted(text, expected):
    assert expected in [(value, status) for value, status, *_ in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Detectives are looking into a double shooting on Elm Street.", (2, "shot")),
        ("The triple homicide was the county's first this spring.", (3, "killed")),
        ("The boy accidentally shot himself in the foot while cleaning the gun.", (1, "shot")),
        ("Three people -- two of them teenagers -- were wounded near the pier.", (3, "injured")),
        ("Two men died and another man was critically injured.", (1, "injured")),
        # The victim and the shooter.
        ("Police say the deaths of the couple were a murder-suicide.", (2, "killed")),
        ("Deputies are investigating an apparent double murder-suicide in Murray.", (3, "killed")),
    ],
)  # fmt: skip
def test_counts_named_by_the_crime_or_the_self(text, expected):
    assert expected in [(value, status) for value, status, *_ in figures(text)]


def test_an_attempted_murder_suicide_is_no_count_of_dead():
    assert figures("He faces a charge over the attempted murder-suicide, police said.") == []


def test_a_citys_running_count_is_background():
    found = figures("More than 4,300 people have been shot in the city so far this year.")
    assert found == []


def test_a_count_of_an_earlier_shooting_the_sentence_recalls_is_not_this_one_s():
    found = figures(
        "Four people were wounded in a Thursday afternoon shooting on a South Shore street, "
        "just a block away from where five people were wounded in a December shooting."
    )
    assert found == [(4, "injured", None, None)]
    assert figures("Two men were killed in an earlier shooting on the same block.") == []
    # This shooting's own month or day is no other shooting.
    assert figures("Three people were shot in a Sunday shooting in Dayton.") == [
        (3, "shot", None, None)
    ]


def test_an_age_between_commas_is_not_a_count_and_a_place_is_not_a_victim():
    found = figures(
        "Officers named the victim as Jay Rowe. Jay Rowe, 16, of Morgantown, died at the scene. "
        "Two men were shot in Newark, and one of them has died."
    )
    killed = sorted(value for value, status, *_ in found if status == "killed")
    assert killed == [1, 1]  # Rowe; the one of the two men, not "Newark and one"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hit, grazed or taken to hospital: a casualty whose fate other sentences give.
        ("The woman was hit by a stray bullet while sitting on her porch.", (1, "shot")),
        ("A 24-year-old man was grazed by a bullet outside the bar.", (1, "shot")),
        ("The 17-year-old was taken to the hospital with a gunshot wound.", (1, "shot")),
        ("The gun fired, hitting a 14-year-old in the left thigh.", (1, "shot")),
        ("The shotgun went off, hurting a 9-year-old boy.", (1, "injured")),
        ("The shooting sent four people to the hospital, police said.", (4, "shot")),
        ("The victim later showed up at a local hospital with a gunshot wound.", (1, "shot")),
        # Found with wounds: dead or alive, as other sentences tell.
        ("Four people were found with gunshot wounds inside the house.", (4, "shot")),
        # Others shot beside the dead survived: had they died, the report would say so.
        ("A 27-year-old man is dead and four others were shot, police said.", (4, "injured")),
        # The victims as the shooter's object.
        ("Police are searching for the gunmen who shot four people at a party.", (4, "shot")),
        ("A man shot and killed two people outside the bar.", (2, "killed")),
        ("The gunman shot and wounded three teenagers.", (3, "injured")),
        # A wound suffered tells of a shooting; only its words say whether the victim lived.
        ("A 30-year-old man suffered a gunshot wound to the chest.", (1, "shot")),
        ("Two men suffered non-life-threatening gunshot wounds.", (2, "injured")),
        ("The driver suffered fatal injuries in the crash.", (1, "killed")),
        ("A 19-year-old suffered a fatal gunshot wound outside the store.", (1, "killed")),
        # A count whose noun the sentence already gave.
        ("The gunman shot four people, killing two, before fleeing.", (2, "killed")),
        ("Gunmen opened fire on the market, killing at least 12 and wounding 30.", (30, "injured")),
        ("Police are investigating a shooting that claimed the life of a 20-year-old man.",
         (1, "killed")),
        # What became of a victim is the verb after the relative clause; "mortally" kills.
        ("The 16-year-old boy who was shot was pronounced dead at the scene.", (1, "killed")),
        ("Officers found the victim, Stephen Grey, mortally wounded.", (1, "killed")),
        # "Another" victim is not the one already counted dead.
        ("A man was killed and another man suffered a gunshot wound to the leg.", (1, "injured")),
    ],
)  # fmt: skip
def test_wounded_by_other_words(text, expected):
    assert expected in [(value, status) for value, status, *_ in figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The victim was rushed to a hospital, where he was pronounced dead.",
        "The victim, Diego Rowe, suffered a gunshot wound to the chest. He was taken to "
        "University Hospital, where he was pronounced dead.",
    ],
)
def test_a_victim_shot_or_taken_to_hospital_who_died_is_not_injured(text):
    from crosscheck.casualties import article_counts

    article = Article("t", "test", text, "h")
    assert article_counts(list(analyze(article).figures)) == {"killed": 1, "injured": 0}


def test_a_victim_of_one_verb_is_not_listed_with_another_verbs_object():
    text = (
        "Deputies said a father fatally shot his 1-year-old daughter and wounded his son, 7, "
        "at their home."
    )
    found = [(value, status) for value, status, *_ in figures(text)]
    assert (1, "killed") in found and (1, "injured") in found and (2, "injured") not in found


def _headlined(title: str, text: str):
    return analyze(Article("t", "test", text, "h", title=title, published="2025-03-14"))


def test_a_page_without_a_story_keeps_its_headlines_figures():
    from crosscheck.casualties import article_counts

    # A video page: the text is a playlist, the headline is the report.
    title = "5 shot, 1 killed in grocery store lot - WPLG Local 10"
    analysis = _headlined(title, "0:56 Coach speaks after loss. 2:13 Music professor on learning.")
    found = [(f.value, f.status, f.span.in_title) for f in analysis.figures]
    assert found == [(5, "shot", True), (1, "killed", True)]
    for f in analysis.figures:
        assert title[f.span.start : f.span.end] == f.span.text
    assert article_counts(list(analysis.figures)) == {"killed": 1, "injured": 4}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A headline's bare participle is passive: these four were shot at the party.
        ("Search continues after 4 people shot at Coachella party", (4, "shot")),
        # Headlines drop the article before a lone victim.
        ("Man shot, killed in SE Houston", (1, "killed")),
        ("Fort Worth man fatally shot while hunting near Azle", (1, "killed")),
        ("Woman wounded in drive-by", (1, "injured")),
        ("Otter Tail County Boy Dies After Being Accidentally Shot", (1, "killed")),
        ("2 Teens Die in Shooting at Party", (2, "killed")),
        # A victim's clause may follow a conjunction; an object drops its article too.
        ("Cops: Loaded gun left on couch before 6-year-old shot, killed", (1, "killed")),
        ("1 charged in accidental shooting that killed Columbia teen Sunday", (1, "killed")),
        ("Guilty Plea In Shooting Death Of Nephew", (1, "killed")),
        ("Amateur Boxer Dead at 25 After Shooting", (1, "killed")),
        ("Teens identified in double fatal shooting", (2, "killed")),
        ("Gang member was the target, but 2-year-old was shot", (1, "shot")),
        ("Boy, 4, shoots self in leg with grandfather's handgun", (1, "shot")),
        ("Boy, 14, fatally shot in O'Fallon Park neighborhood", (1, "killed")),
        ("Magnolia youth, Hank Boyer, dies in hunting accident", (1, "killed")),
        ("Bartow teenager found dead of gunshot wound", (1, "killed")),
        ("4-year-old boy fatally shoots himself with gun found in home", (1, "killed")),
        ("Family of five found shot dead in Maine home: police", (5, "killed")),
        ("Caretaker booked after 8-year-old shoots, injures brother", (1, "injured")),
        ("Juvenile shot by cousin", (1, "shot")),
        ("Woman recovering after accidental shooting", (1, "injured")),
        # Victims listed as the subject: each noun one.
        ("Man, woman and boy wounded in Fort Collins shooting", (3, "injured")),
        ("Police: 10-Year-Old Girl, Teen Shot", (2, "shot")),
        ("Mother, toddler killed in shooting in Fort Washington", (2, "killed")),
        ("Boy, 2, man in critical condition after shooting", (2, "shot")),
        ("Gunman, victim dead in shooting at Dayton bar", (2, "killed")),
    ],
)
def test_headline_forms(title, expected):
    analysis = _headlined(title, "Police are investigating.")
    assert [(f.value, f.status) for f in analysis.figures] == [expected]


def test_the_text_s_count_wins_over_the_headline_s():
    analysis = _headlined(
        "2 dead, 3 hurt in shooting at party",
        "Two people were killed and four were wounded at a party late Saturday.",
    )
    # The text counts both the dead and the wounded: the headline adds its number of dead
    # only, which the article's count (its largest) already holds.
    assert [(f.value, f.status, f.span.in_title) for f in analysis.figures] == [
        (2, "killed", False),
        (4, "injured", False),
        (2, "killed", True),
    ]
    # Where the text counts only the dead, the headline gives the wounded.
    partial = _headlined("2 dead, 3 hurt in shooting at party", "Two people were killed.")
    assert [(f.value, f.status, f.span.in_title) for f in partial.figures] == [
        (2, "killed", False),
        (2, "killed", True),
        (3, "injured", True),
    ]


def test_a_headline_s_number_of_dead_sums_the_victims_the_text_tells_one_by_one():
    from crosscheck.casualties import article_counts

    analysis = _headlined(
        "3 dead, 2 hurt in shooting at Elm Street party",
        "A man was shot and killed at the party. A woman was also wounded. "
        "Police said a second man died at the hospital and a third was found dead nearby.",
    )
    assert article_counts(list(analysis.figures))["killed"] == 3
    # An unnumbered headline victim adds nothing where the text counts its dead.
    one = _headlined("Man shot, killed in SE Houston", "Two men were killed on Sunday.")
    assert [(f.value, f.span.in_title) for f in one.figures] == [(2, False)]


def test_a_parents_children_are_not_a_count():
    assert _headlined("Mother of 3 killed in crash", "Police said.").figures == ()


def test_one_who_may_die_has_not_died():
    assert figures("Doctors said the boy could die of his wounds.") == []


def test_counts_listed_after_their_verb_are_summed_and_nothing_before_the_verb_is():
    from crosscheck.casualties import article_counts

    def counts(text: str) -> dict[str, int]:
        return article_counts(list(analyze(Article("t", "test", text, "h")).figures))

    listed = (
        "The strikes killed 745 civilians, 125 members of the security forces and 148 fighters."
    )
    assert counts(listed) == {"killed": 1018}
    crowd = "Three men opened fire into a crowd of more than 100 teenagers, injuring 14 people."
    assert counts(crowd) == {"injured": 14}
    # Another verb's count, or one after the count's own predicate, is not listed with it.
    assert counts("The gunman killed three people and two others were wounded.") == {
        "killed": 3,
        "injured": 2,
    }
    assert counts("A shooting left two people dead and three others in the hospital.") == {
        "killed": 2,
        "injured": 3,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One of the two, not a third.
        ("Officers found two male victims, one with an arm wound, the other with a hand "
         "wound.", {"injured": 2}),
        ("Police found four victims, one with a gunshot wound to the head.", {"injured": 4}),
        # An age in a list is one person, not two.
        ("A two year old child and a woman are shot overnight in north St. Louis.",
         {"injured": 2}),
        # The victim an ordinal names is the last of that many.
        ("Officers found four victims who had been struck by gunfire. A fifth male adult "
         "victim who was struck by gunfire was found later at a hospital.", {"injured": 5}),
        ("Two men were killed and a third man was wounded.", {"killed": 2, "injured": 1}),
        # Alive when reported: in a condition, or in the hospital.
        ("The boy is in critical condition after the shooting on Elm Street.", {"injured": 1}),
        ("A Marietta teen remains in the hospital following an accidental shooting.",
         {"injured": 1}),
        ("Two are dead and two are in critical condition after a shooting on Gherald.",
         {"killed": 2, "injured": 2}),
        ("Five men were wounded. Of the five men, two are in critical but stable condition.",
         {"injured": 5}),
        # A suspect is not among the victims.
        ("Two people were wounded. A third suspect was shot by police.", {"injured": 2}),
    ],
)  # fmt: skip
def test_victims_told_one_by_one_beside_a_count_are_counted_once(text, expected):
    from crosscheck.casualties import article_counts

    found = article_counts(list(analyze(Article("t", "test", text, "h")).figures))
    assert found == expected


@pytest.mark.parametrize(
    ("text", "numbered"),
    [
        ("Police said the man killed his wife.", False),
        ("She was killed at home, a neighbour said.", False),
        ("Five people were found dead at the cabin.", True),
        ("Police said 1 man died at the scene.", True),
        ("The triple homicide shocked the town.", True),
        # An age is no count: these name one victim each.
        ("Police said Marcus Johnson, 22, was also shot and killed.", False),
        ("A 22-year-old man was killed on Elm Street.", False),
        ("Two 17-year-olds were killed on Elm Street.", True),
    ],
)  # fmt: skip
def test_a_count_of_people_only_named_is_marked_as_written_with_no_number(text, numbered):
    found = [f for f in analyze(Article("t", "t", text, "t")).figures if f.status == "killed"]
    assert [f.numbered for f in found] == [numbered]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A paywalled page: its headline calls the shooting fatal and counts no one.
        ("Police investigate deadly shooting in Mount Holly park",
         "Sign in using your account to continue reading.", [(1, "at least", False)]),
        ("Kenosha fatal shooting victim identified",
         "The victim has been identified as 23-year-old Sean Kovac.", [(1, "at least", False)]),
        # The text's own count of dead is the article's; "fatal" adds nothing to it.
        ("Fatal shooting on Elm Street", "Two men were shot dead on Sunday.", [(2, None, True)]),
        # Another, earlier shooting is not this report's dead.
        ("Jury still out in murder trial",
         "The jury is still out in the man's second trial for the 2008 fatal shooting.", []),
        ("Man wounded", "It was the second shooting on the block after an earlier deadly "
         "shooting. A man was wounded.", []),
    ],
)  # fmt: skip
def test_a_shooting_called_fatal_counts_at_least_one_dead(title, text, expected):
    article = Article("t", "test", text, "h", published="2025-03-14", title=title)
    found = [f for f in analyze(article).figures if f.status == "killed"]
    assert [(f.value, f.qualifier, f.numbered) for f in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 14-month-old was injured in an accidental shooting Tuesday night.", (1, "injured")),
        ("The 14-month-old is recovering at the hospital.", (1, "injured")),
        ("A female victim is expected to recover, police said.", (1, "injured")),
        ("Two men are expected to survive their wounds.", (2, "injured")),
        # Not a victim's recovery, nor a count.
        ("Officers were recovering evidence at the scene.", None),
        ("The K-9, named Geronimo, is expected to recover.", None),
    ],
)  # fmt: skip
def test_the_young_and_the_recovering_are_casualties(sentence, expected):
    found = [(value, status) for value, status, *_ in figures(sentence)]
    assert found == ([expected] if expected else [])


def test_a_video_playlist_s_headlines_are_not_the_article_s_figures():
    text = (
        "A 7-year-old boy was grazed by a bullet on Fourth Street on Sunday. "
        "He was treated and released.\n\n"
        "0:55 Resident of Wilson Homes Apartments describes fatal shooting as tragic\n\n"
        "1:27 1 dead after Fife collision, police say"
    )
    found = [(value, status) for value, status, *_ in figures(text)]
    assert found == [(1, "shot")]
    # A time of day before a story's line is no playlist.
    assert (2, "killed") in [
        (value, status) for value, status, *_ in figures("7:12 a.m. Two men were killed.")
    ]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # The wounded as the subject of a later death: dead, not injured.
        ("", "A woman who was wounded in a Sunday night shooting in Metairie has died.",
         {"killed": 1}),
        ("", "A man injured in a November 2 shooting at 22nd and Bragg has died. Police said "
         "five people were shot.", {"killed": 1, "injured": 4}),
        ("", "A 14-year-old boy shot earlier this week while riding in a car downtown has died.",
         {"killed": 1}),
        # Some of them: two shot, one dead, one alive.
        ("One of two men shot late Monday in Belle Glade dies", "Police are investigating.",
         {"killed": 1, "injured": 1}),
        ("", "Police said one of four women wounded in a late night shooting has died.",
         {"killed": 1, "injured": 3}),
        # Another clause's subject died: the two taken to hospital are not both dead.
        ("", "Both victims were taken to the hospital where the child later died.",
         {"killed": 1, "injured": 1}),
        # An ordinal counts the dead so far.
        ("", "A third person has died from the shooting outside the pub.", {"killed": 3}),
        ("Third victim in Metairie shooting dies", "Police are investigating.", {"killed": 3}),
        ("", "He was the third person to die in a shooting this year.", {}),
    ],
)  # fmt: skip
def test_the_wounded_who_later_died_are_dead(title, text, expected):
    from crosscheck.casualties import article_counts

    analysis = _headlined(title, text)
    counts = article_counts(list(analysis.figures))
    assert {k: v for k, v in counts.items() if k in {"killed", "injured"}} == expected


def test_an_ordinal_of_the_dead_is_a_numbered_toll():
    # Numbered, so not a lower bound that would back a larger toll elsewhere.
    [third] = _figure("A third person has died from the shooting outside the pub.")
    assert (third.value, third.status, third.numbered) == (3, "killed", True)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("MPD: Teen arrested after shooting 18-year-old girl in chest", (1, "shot")),
        ("Fresno juvenile arrested after shooting friend in the back", (1, "shot")),
        ("College Basketball Player Injured In South Philly Shooting", (1, "injured")),
    ],
)
def test_a_headline_s_victim_without_an_article(title, expected):
    analysis = _headlined(title, "Sign in to read more.")
    assert expected in [(f.value, f.status) for f in analysis.figures]


def test_a_crime_is_not_the_subject_of_a_victims_death():
    # "died" is the teenager's; the double shooting stays two people shot, not two dead.
    found = figures("A teenager wounded in a double shooting that killed his brother died Tuesday.")
    assert (2, "shot", None, None) in found and (2, "killed", None, None) not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sheriff said Maria Stone and her two children died in a murder-suicide.", 3),
        ("Deputies reported finding a mother and her two children dead inside the home.", 3),
        # Kin counted in a clause of their own are not listed with the victims before it.
        ("Four people were killed and their two children were wounded.", 4),
    ],
)
def test_a_victim_listed_before_a_count_of_kin_adds_one(text, expected):
    from crosscheck.casualties import article_counts

    assert (
        article_counts(list(analyze(Article("t", "test", text, "h")).figures))["killed"] == expected
    )


def _killed(title: str | None, text: str) -> int | None:
    from crosscheck.casualties import article_counts

    analysis = analyze(Article("t", "test", text, "h", title=title, published="2025-03-14"))
    return article_counts(list(analysis.figures)).get("killed")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # The killer's own death, told under his verb after his victims, adds one.
        (None, "A man killed a woman and her son before killing himself, police said.", 3),
        (None, "A man shot four relatives, killing two, before turning the gun on himself.", 3),
        (None, "Police say the man killed his wife and later took his own life.", 2),
        ("Avoyelles Parish man kills 7-year-old daughter, himself", "", 2),
        # Told apart from the victims' verb, the count already holds him.
        (None, "Two people were killed, including the gunman, who turned the gun on himself.", 2),
        ("Two young girls shot, killed by father in double-murder and suicide", "", 3),
        # Every verb that kills the victims is the killer's: "fatally wounded" too.
        (None, "Police said the man fatally wounded his wife before turning the gun on himself.", 2),
    ],
)  # fmt: skip
def test_a_killer_s_own_death_after_his_victims_is_summed(title, text, expected):
    assert _killed(title, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"It\'s just a blessing that no one died in this case," the captain said.',
        "Police were not able to say if the man had died.",
        "It was unclear whether two people were killed.",
    ],
)
def test_no_one_and_an_open_question_count_no_dead(text):
    assert _killed(None, text) is None


def test_a_killer_who_killed_himself_is_none_of_the_people_he_shot():
    from crosscheck.casualties import article_counts

    article = Article(
        "t",
        "test",
        "A man shot four relatives, killing two, before turning the gun on himself.",
        "h",
    )
    found = list(analyze(article).figures)
    assert article_counts(found) == {"killed": 3, "injured": 2}
    # Nor where the story's other reports count the three dead.
    assert article_counts(found, killed=3) == {"killed": 3, "injured": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # He shot two, then killed himself: two wounded, one dead.
        ("The gunman shot his wife and daughter before killing himself.",
         {"killed": 1, "injured": 2}),
        # A pronoun with a victim named after it, and an apposition before his death.
        ("Her father, 24-year-old Luis Ortiz, shot her and her mother, 21-year-old Ana "
         "Ortiz, before killing himself, investigators said.", {"killed": 1, "injured": 2}),
        # His death retold is still one death.
        ("The gunman shot his wife and daughter before killing himself. Police said he shot "
         "his wife and daughter before killing himself in the kitchen.",
         {"killed": 1, "injured": 2}),
    ],
)  # fmt: skip
def test_the_people_a_killer_shot_before_killing_himself_lived(text, expected):
    from crosscheck.casualties import article_counts

    found = list(analyze(Article("t", "test", text, "h")).figures)
    assert article_counts(found) == expected


def test_the_deaths_of_listed_victims_count_each():
    assert (
        _killed(
            "Police: Family found shot to death in home",
            "Police are investigating the shooting deaths of a mother, son and little girl at a "
            "home on Friday afternoon.",
        )
        == 3
    )


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A count of kin after the victim: one and four.
        (None, "Police are looking for a man suspected of killing his wife and their four "
         "children.", 5),
        (None, "Police suspect him of fatally shooting his wife and four daughters.", 5),
        # Shot to death, then his own death told under his verb.
        (None, "Authorities say a man shot his 7-year-old daughter to death and then killed "
         "himself.", 2),
        # His own death told in a sentence of its own.
        (None, "Investigators say a man killed his girlfriend and her daughter at her home. "
         "Investigators say Shawn Navarre shot his girlfriend and her young daughter, then "
         "turned the gun on himself.", 3),
        # Not where another count of dead is as large: it may hold him.
        (None, "Two people died in the murder-suicide. The man killed his wife. He then turned "
         "the gun on himself.", 2),
        # A child who shot himself is no killer of anyone else.
        (None, "A man was arrested after his 2-year-old son found a loaded gun on the table and "
         "fatally shot himself in the head.", 1),
        ("Man playing with gun charged in his brother's death", "", 1),
        # The crime's name says the killer died: a murder-suicide of a man who killed four.
        (None, "Police say a man killed his wife and three children. The town will have to "
         "deal with the murder-suicide.", 5),
        (None, "The brother of the woman killed in a murder-suicide spoke. Lee and her three "
         "children were shot dead by Paul Kerr, her companion.", 5),
        (None, "Four people died in the murder-suicide. The man killed his wife and two "
         "children.", 4),
        # The age, then the noun, then the kin.
        (None, "Officials say a woman killed her 30-year-old daughter and two young "
         "grandchildren before turning the gun on herself.", 4),
    ],
)  # fmt: skip
def test_victims_of_one_killer_and_his_own_death(title, text, expected):
    assert _killed(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A count the source has since corrected is not counted.
        (None, "Chief Hargrove initially told us at the scene that three of the victims had "
         "died. Two of the four people who were shot died before reaching the hospital.", 2),
        ("Whitehouse teen who died in hunting accident 'touched many people'",
         "Plans are underway to honor his memory.", 1),
        ("Update: Sarasota death ruled homicide by gunshot wound", "Apr MAY Jun 2016", 1),
        (None, "Melissa Crane, 21, has been charged with the murder of her 4-year-old "
         "daughter.", 1),
        (None, "He was charged with the attempted murder of his wife.", None),
    ],
)  # fmt: skip
def test_deaths_told_by_a_charge_a_ruling_or_a_correction(title, text, expected):
    assert _killed(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Fatal victim ID'd, 3 others injured in Dayton shooting", "Police named him Saturday.", 1),
        ("Body found on Cricket Drive in Dorchester County", "Deputies are investigating.", 1),
        ("Search of the river ends", "Divers searched the river. No body was found.", None),
    ],
)  # fmt: skip
def test_a_fatal_victim_or_a_body_found_is_at_least_one_dead(title, text, expected):
    assert _killed(title, text) == expected


def test_a_headline_s_victim_hurt_in_a_part_of_the_body():
    title = "13-year-old's toe grazed by bullet at Little Rock strip mall"
    analysis = analyze(Article("t", "test", "Subscribe to read more.", "h", title=title))
    assert [(f.value, f.status) for f in analysis.figures] == [(1, "shot")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four boys between ages 12 and 16 were wounded in a shooting.", [(4, "injured")]),
        ("Seven people between the ages of 11 and 15 were wounded.", [(7, "injured")]),
        ("Three women aged 25 to 51 were shot.", [(3, "shot")]),
        # Ages alone count no one.
        ("Officers found three women, aged 25, 32 and 51, with gunshot wounds.", []),
        ("Children under the age of 16 have been murdered in the city.", []),
        ("Officers arrived to find Banes and Clark, both 31, of Jackson, with gunshot wounds.", []),
        # A running count over months is no count of this shooting.
        ("In the past two months, eight youths have been injured or killed by gunfire.", []),
    ],
)
def test_victims_ages_are_not_counts(text, expected):
    assert [(value, status) for value, status, *_ in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wounded fatally is killed, in the active voice as in the passive.
        (
            "The rifle went off while he was cleaning it, fatally wounding his younger brother.",
            [(1, "killed")],
        ),
        ("Deputies say he mortally wounded his neighbor during the argument.", [(1, "killed")]),
        ("The bullet passed through the door, wounding his brother.", [(1, "injured")]),
        # A law's wording tells of no one.
        (
            "The law also states a parent or guardian of a child who is injured or dies of an "
            "accidental shooting shall be prosecuted only when the parent behaved recklessly.",
            [],
        ),
    ],
)
def test_fatal_wounds_and_a_law_s_wording(text, expected):
    assert [(value, status) for value, status, *_ in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One person shot beside another killed, each in his own clause, lived.
        (
            "A 19-year-old boy was shot and killed, and a 17-year-old boy was shot in the leg.",
            [(1, "killed"), (1, "injured")],
        ),
        # The same person told twice stays among those shot.
        (
            "The victim was shot several times, and the 22-year-old victim was killed, police said.",
            [(1, "shot"), (1, "killed")],
        ),
    ],
)
def test_one_shot_beside_another_killed_lived(text, expected):
    assert [(value, status) for value, status, *_ in figures(text)] == expected


def _counts(text: str) -> dict[str, int]:
    from crosscheck.casualties import article_counts

    return article_counts(
        list(analyze(Article("t", "test", text, "h", published="2025-03-14")).figures)
    )


def test_victims_listed_before_both_are_its_parts_not_more_victims():
    text = (
        "Officers were called to a shooting at about 6 p.m. and found one male victim and one "
        "female victim, both with gunshot wounds."
    )
    assert _counts(text) == {"injured": 2}


def test_victims_also_shot_after_the_dead_lived():
    text = (
        "A 23-year-old man was shot and killed outside a bar on Main Street. Raymond Pierce, "
        "Brian Dorsey and Marquell Pickens were also struck by bullets, police said."
    )
    assert _counts(text) == {"killed": 1, "injured": 3}
    # One told of as also shot who then died is among the dead, not the living.
    died = (
        "The woman was pronounced dead at the scene. Police said the toddler also suffered a "
        "gunshot wound and was rushed to a hospital where she was later pronounced dead."
    )
    assert _counts(died).get("injured", 0) == 0


def test_a_headline_s_wounded_count_where_the_text_tells_of_one_victim_only():
    def counts(title: str, text: str) -> dict[str, int]:
        from crosscheck.casualties import article_counts

        article = Article("t", "test", text, "h", title=title, published="2025-03-14")
        return article_counts(list(analyze(article).figures))

    text = (
        "One woman is dead and another is in critical condition after a shooting south of the "
        "city, deputies said. The woman who was in critical condition was taken to University "
        "Hospital."
    )
    title = "1 dead, 1 critically injured after shooting in south Bexar County"
    assert counts(title, text) == {"killed": 1, "injured": 1}
    # A headline's count of people shot is no count of this text's victim.
    roundup = "6 shot Sunday in Chicago"
    told = "A 24-year-old man was shot in the leg about 1 a.m. in the 600 block of West 63rd."
    assert counts(roundup, told) == {"injured": 1}
    # Victims a headline lists are more than the one its text names.
    listed = "Man, woman and boy wounded in Fort Collins shooting"
    boy = "The boy arrived at Poudre Valley Hospital for treatment of a gunshot wound."
    assert counts(listed, boy) == {"injured": 3}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two single victims of one sentence, of different ages: two people.
        ("A 10-year-old girl was hit by a stray bullet when a man shot a 19-year-old woman "
         "Thursday, police say.", {"injured": 2}),
        ("Police said a 26-year-old man was shot in the arm and a 23-year-old woman was "
         "shot in the leg.", {"injured": 2}),
        # One victim, told twice with the same age, is one.
        ("A 19-year-old man was shot in the leg; police said the 19-year-old was taken to "
         "a hospital.", {"injured": 1}),
    ],
)  # fmt: skip
def test_single_victims_of_different_ages_are_different_people(text, expected):
    from crosscheck.casualties import article_counts

    found = list(analyze(Article("t", "test", text, "h")).figures)
    assert article_counts(found) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Three men shot, a fourth wounded by shrapnel in SE Fresno", {"injured": 4}),
        (
            "Deputies: 3 men walk into store with gunshots, 4th shooting victim found",
            {"injured": 4},
        ),
        # A gunshot, not a victim.
        ("The second shot struck a parked car, police say", {}),
    ],
)
def test_an_ordinal_victim_is_the_last_of_that_many_shot(title, expected):
    from crosscheck.casualties import article_counts

    article = Article(
        "t", "test", "Police are investigating.", "h", title=title, published="2025-03-14"
    )
    assert article_counts(list(analyze(article).figures)) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Others listed after one victim of the verb, in a headline and in the text.
        (
            "Drive-by shooting that wounded an 8-year-old, 2 others has neighborhood on edge",
            "Police are investigating.",
            {"injured": 3},
        ),
        (None, "A gunman wounded a 19-year-old man and two others outside a bar.", {"injured": 3}),
        # Kin and neighbours counted in the plural.
        (None, "He shot his wife, and two neighbors were hurt.", {"injured": 2}),
        (
            None,
            "Three brothers were killed and their cousin was wounded.",
            {"killed": 3, "injured": 1},
        ),
        # Another victim and one more, under one verb.
        (
            None,
            "A man was shot and killed. Another man and a six-month-old baby were also injured.",
            {"killed": 1, "injured": 2},
        ),
    ],
)
def test_counts_listed_after_one_victim_and_plural_kin(title, text, expected):
    from crosscheck.casualties import article_counts

    article = Article("t", "test", text, "h", title=title, published="2025-03-14")
    assert article_counts(list(analyze(article).figures)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jalen Brooks was asleep when a stray bullet from a 9 mm handgun struck the back of "
            "his head, deputies said.",
            [(1, "shot", False)],
        ),
        ("The gun fired, with the bullet striking the victim in the back.", [(1, "shot", False)]),
        # A bullet that hit a thing hit no one.
        ("A bullet struck his car door and another hit the house.", []),
        ("Another deputy fired at the dog and a bullet grazed a deputy.", [(1, "shot", False)]),
        (
            "The round hit the truck, then ricocheted and hit the front seat passenger.",
            [(1, "shot", False)],
        ),
        (
            "His cousin was showing him a pistol when the gun went off accidentally, grazing "
            "the side of his neck.",
            [(1, "shot", False)],
        ),
        ("A stray bullet pierces skull of sleeping infant", [(1, "shot", False)]),
    ],
)
def test_a_bullet_that_struck_a_body_is_one_shot(text, expected):
    article = Article("t", "test", text, "h", published="2025-03-14")
    assert [(f.value, f.status, f.numbered) for f in analyze(article).figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative clause between the count and its verb.
        (
            "Two deputies who went into the trailer were wounded, the sheriff said.",
            [(2, "injured", "police")],
        ),
        # The clause is the victims', not the verb's: "save the wounded" counts no one.
        ("Her son who tried to help save the wounded child was praised by police.", []),
        # A possessive among the victim's modifiers.
        (
            "The driver's 19-year-old girlfriend was also shot and is expected to recover.",
            [(1, "shot", None)],
        ),
    ],
)
def test_victims_described_by_a_clause_or_a_possessive(text, expected):
    assert [found[:3] for found in figures(text)] == expected


def test_a_vague_amount_keeps_its_words():
    text = "Numerous people were wounded, many critically, and 4 were killed."
    found = {
        f.status: (f.value, f.low, f.high, f.vague)
        for f in analyze(Article("v", "wire", text, "h")).figures
    }
    # "numerous" and "many" count alike (3 to 99): only the words tell them apart.
    assert found == {"injured": (3, 3, 99, "numerous"), "killed": (4, 4, 4, None)}
