"""Places geocoded offline and disambiguated by the article's other places."""

from __future__ import annotations

import json

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.event_places import incident_examples, incident_places
from crosscheck.analyze.nlp import load_nlp
from crosscheck.analyze.parsing import Parses
from crosscheck.analyze.places import find_places, story_start
from crosscheck.analyze.sentences import split_sentences
from crosscheck.gazetteer import country_examples, demonym_examples, load_gazetteer
from crosscheck.records import Article


def places(text: str):
    return [
        (p.name, p.admin1, p.country, p.precision)
        for p in analyze(Article("t", "s", text, "h")).places
    ]


def test_dateline_with_ap_state_abbreviation():
    assert places("SACRAMENTO, Calif. (AP) — Four people were wounded overnight.")[0] == (
        "Sacramento",
        "California",
        "US",
        "town",
    )


def test_springfield_is_resolved_by_the_state_the_article_names():
    assert ("Springfield", "Illinois", "US", "town") in places(
        "Two people were shot in Springfield on Sunday, Illinois State Police said."
    )
    assert ("Springfield", "Ohio", "US", "town") in places("A man was shot in Springfield, Ohio.")


def test_a_shared_town_name_is_the_namesake_next_to_the_article_s_other_towns():
    # Columbus beside Phenix City is Georgia's, though Ohio's is four times larger.
    assert ("Columbus", "Georgia", "US", "town") in places(
        "A child was grazed by a bullet in Columbus on Friday. The suspect fled across the "
        "river to Phenix City, police said."
    )
    assert ("Columbus", "Ohio", "US", "town") in places("A child was grazed in Columbus.")
    # The state the article names wins over the neighbour: this Columbus is Ohio's.
    assert ("Columbus", "Ohio", "US", "town") in places(
        "He drove from Phenix City to Columbus, Ohio, where he was arrested."
    )
    # A village beside a city's namesake does not move the city: Atlanta stays Georgia's.
    found = places("A man from Atlanta was shot in Noblesville on Sunday.")
    assert ("Atlanta", "Georgia", "US", "town") in found
    assert ("Noblesville", "Indiana", "US", "town") in found


def test_the_towns_a_written_name_can_mean():
    from crosscheck.gazetteer import load_gazetteer

    def us(name: str) -> set[tuple[str, str | None]]:
        return {(t.name, t.admin1) for t in load_gazetteer().namesakes(name) if t.country == "US"}

    # Alternate names GeoNames lists for other towns, where towns bear the name as their own.
    assert ("Macon", "Georgia") not in us("Troy") and ("Troy", "Alabama") in us("Troy")
    assert ("Town Creek", "Alabama") not in us("Jonesboro")
    assert ("Jonesboro", "Arkansas") in us("Jonesboro")
    # A town whose own name holds the name is still meant.
    assert ("Greenacres City", "Florida") in us("Greenacres")


def test_a_name_another_town_bears_as_its_own_is_no_alternate_name_of_a_town_in_the_state():
    # GeoNames lists "Troy" among Macon's names and "Dallas" among Bethany, Missouri's.
    troy = places("A 10-year-old boy was shot in the Troy area of Gilmer County, West Virginia.")
    assert not any(name == "Macon" for name, *_ in troy)
    # Nor, where no state is named, the largest Troy: a county only Georgia and West Virginia
    # have puts this one in neither New York nor Michigan. It is West Virginia's village,
    # too small for GeoNames, a postal town.
    troy = places("A boy was shot in the Troy area of Gilmer County on Wednesday.")
    assert troy[0][:2] == ("Troy", "West Virginia")
    assert not any(
        name == "Bethany" for name, *_ in places("Police in Dallas said he was from Missouri.")
    )
    # A town whose own name holds the name written is still meant: Greenacres City.
    assert ("Greenacres City", "Florida", "US", "town") in places(
        "GREENACRES, Fla. -- Four people were found shot dead in Greenacres."
    )


def test_tripoli_is_resolved_by_the_country_the_article_names():
    assert ("Tripoli", "Liban-Nord", "LB", "town") in places(
        "Clashes broke out near Tripoli, Lebanon, on Friday."
    )
    assert ("Tripoli", "Tripoli", "LY", "town") in places(
        "Militias fought in Tripoli, the capital of Libya."
    )


def test_sentence_initial_words_and_organisations_are_not_places():
    found = places("Police said the victim was taken to a hospital. The Observatory said so.")
    assert [p for p in found if p[3] == "town"] == []


def test_a_state_alone_is_a_region_level_place():
    assert ("Ohio", "Ohio", "US", "region") in places(
        "Three people were wounded in a shooting in rural Ohio."
    )


@pytest.mark.parametrize(
    "text",
    [
        "A 7-year-old boy was injured in a shooting in Washington, D.C., on Saturday.",
        "Three people were wounded in Northeast Washington D.C. on Wednesday.",
        "A man was shot in Southeast DC, police said.",
    ],
)
def test_washington_dc_is_the_city_not_the_state(text):
    found = {(name, admin1, precision) for name, admin1, _, precision in places(text)}
    assert found == {("Washington", "District of Columbia", "town")}


def test_a_states_name_with_a_state_after_it_is_a_town():
    found = places("Two men were shot in New York, N.Y., on Friday.")
    assert [(name, admin1, precision) for name, admin1, _, precision in found] == [
        ("New York City", "New York", "town")
    ]


def test_story_places_appear_in_the_contract_with_coordinates(example_run):
    out, _ = example_run
    stories = json.loads((out / "stories.json").read_text())["stories"]
    saraqib = [p for s in stories for p in s["incident"]["places"] if p["name"] == "Saraqib"]
    assert saraqib and all(p["country"] == "SY" and 35 < p["lat"] < 36.5 for p in saraqib)


def test_a_village_missing_from_geonames_comes_from_the_curated_list():
    found = analyze(
        Article(
            "t",
            "s",
            "Drones struck Sarmada and the Hmeimim Air Base overnight, the monitor said.",
            "h",
        )
    ).places
    by_name = {p.name: p for p in found}
    assert by_name["Sarmada"].country == "SY" and 36 < by_name["Sarmada"].lat < 36.4
    assert by_name["Hmeimim Air Base"].precision == "point"


def test_us_villages_of_a_few_hundred_people_are_places():
    found = places(
        "WOODRUFF COUNTY, Ark. — An 11-year-old boy was shot Sunday at a home west of Cotton "
        "Plant, state police said. Deputies from Toomsuba, Miss., were not involved."
    )
    assert ("Cotton Plant", "Arkansas", "US", "town") in found  # about 600 people
    assert ("Toomsuba", "Mississippi", "US", "town") in found  # about 800


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NER stops at "Prince George"; the town of that name is in British Columbia.
        ("PRINCE GEORGE'S CO., MD. (WUSA9) - Six people were shot early Sunday.",
         ("Prince George's County", "Maryland", "US", "district")),
        ("Six people were shot in Prince George's Co. early Sunday, police said.",
         ("Prince George's County", "Maryland", "US", "district")),
        # Caddo, Oklahoma is a town; Caddo Parish is in Louisiana.
        ("A 10-year-old boy died at a hospital, Caddo Parish sheriff's deputies said.",
         ("Caddo Parish", "Louisiana", "US", "district")),
        # NER splits a county word in capitals from its name.
        ("Deputies in Caddo PARISH said the 10-year-old boy died at a hospital.",
         ("Caddo Parish", "Louisiana", "US", "district")),
    ],
)  # fmt: skip
def test_a_county_written_short_or_split_by_ner_is_the_county(text, expected):
    assert places(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("A boy shot himself in the foot while hunting, Vermont State Police say.", "Vermont"),
        ("The Florida Highway Patrol said the driver was shot on the interstate.", "Florida"),
        ("New York State Police troopers found the hunter's body.", "New York"),
        ("The Ohio State Highway Patrol is investigating.", "Ohio"),
    ],
)
def test_a_state_force_names_its_state(text, state):
    assert (state, state, "US", "region") in places(text)


def test_rare_syrian_towns_are_places_not_organisations():
    found = places("Shelling hit Jisr al-Shughur and villages near Maarat al-Numan, Syria.")
    assert ("Jisr al-Shughur", "Idlib", "SY", "town") in found
    assert ("Maarat al-Numan", "Idlib", "SY", "town") in found


def test_names_that_are_towns_elsewhere_are_not_places_here():
    found = places(
        "Officer Jackson said the suspect appeared in Federal court on Thursday, according to Sgt. Dan Smith."
    )
    assert [p for p in found if p[3] == "town"] == []


def test_provinces_and_counties_have_their_precision():
    found = places(
        "Shelling continued across Idlib province. In Ohio, Franklin County deputies said two men were hurt."
    )
    assert ("Idlib", "Idlib", "SY", "region") in found
    assert any(p[0] == "Franklin County" and p[3] == "district" for p in found)


def test_a_postal_code_after_a_town_names_its_state():
    found = places("Two men were shot outside a bar in Kansas City, MO, late Saturday.")
    assert ("Kansas City", "Missouri", "US", "town") in found
    # Alone, a capitalised "IN" is a word, not Indiana.
    assert all(p[1] != "Indiana" for p in places("SHOOTING IN DAYTON LEAVES TWO HURT"))


def test_a_county_only_one_state_has_names_the_state_of_its_towns():
    found = places("Deputies in Fairfax County said a man was shot in Vienna on Friday.")
    assert ("Vienna", "Virginia", "US", "town") in found


def test_a_town_that_bears_the_name_comes_before_one_known_by_it():
    assert places("A man was wounded in a shooting in Santa Ana on Friday.")[0][:3] == (
        "Santa Ana",
        "California",
        "US",
    )


def test_a_police_force_names_its_town():
    # NER takes "The Grand Junction Police Department" for an organisation; the force is
    # named after its town, even when the article names another state for something else.
    assert ("Grand Junction", "Colorado", "US", "town") in places(
        "The Grand Junction Police Department said a 14-year-old boy was shot."
    )
    assert ("Phoenix", "Arizona", "US", "town") in places(
        "Sgt. Jon Howard of the Phoenix Police Department said the man had moved from Missouri."
    )
    # A merged force is named after its first town; a hyphenated town is named whole.
    assert ("Savannah", "Georgia", "US", "town") in places(
        "Savannah-Chatham police are investigating a shooting."
    )
    assert ("Winston-Salem", "North Carolina", "US", "town") in places(
        "Winston-Salem police said a man was shot."
    )


def test_a_county_after_a_town_and_the_outlet_in_the_title_give_its_state():
    assert ("Chester", "Pennsylvania", "US", "town") in places(
        "A six-year-old boy was shot in Chester, Delaware County, on Monday afternoon."
    )
    # Duluth, Minnesota is the larger; the Atlanta station's credit says Georgia.
    article = Article(
        "t", "s", "The Duluth Police Department is investigating.", "h",
        title="Man shot in Duluth - WSB-TV Atlanta, GA",
    )  # fmt: skip
    assert {(p.name, p.admin1) for p in analyze(article).places} == {("Duluth", "Georgia")}
    # The credit may come in several parts; its postal code is read wherever it stands.
    station = Article(
        "t", "s", "Jackson police said a man was shot.", "h",
        title="Man shot in Jackson - WBBJ 7 - TN",
    )  # fmt: skip
    assert {(p.name, p.admin1) for p in analyze(station).places} == {("Jackson", "Tennessee")}
    untitled = Article("t", "s", "The Duluth Police Department is investigating.", "h")
    assert {(p.name, p.admin1) for p in analyze(untitled).places} == {("Duluth", "Minnesota")}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Shooting reported in Fort Myers - NBC-2 News for Fort Myers, Cape Coral",
         ("Fort Myers", "Florida")),
        ("Allentown Man Accidentally Shoots Self In Leg, Police Say", ("Allentown", "Pennsylvania")),
        ("13-year-old's toe grazed by bullet at Little Rock strip mall", ("Little Rock", "Arkansas")),
        # Not "Say" (a town in Niger) before "Woman".
        ("Police Say Woman Shot Her Husband & Son in Dundalk", ("Dundalk", "Maryland")),
        # Not "Bar" (a town in Montenegro) but the more populous of the name's two ends.
        ("4 People Injured In Zanesville Bar Shooting", ("Zanesville", "Ohio")),
    ],
)  # fmt: skip
def test_a_page_with_no_story_text_has_its_headline_places(title, expected):
    article = Article("t", "s", "Thank you for registering! Sign in to read on.", "h", title=title)
    found = [(p.name, p.admin1, p.in_title) for p in analyze(article).places]
    # The headline's place only: not "Leg" (an alternate name of Aleg), nor the credit's.
    assert found == [(*expected, True)]


@pytest.mark.parametrize(
    "title",
    [
        "Five dead in Cascade Mall shooting; gunman still at large",  # not Cascade, Seychelles
        "Teen shot near Hamilton Township school",  # not Hamilton, Ontario
    ],
)
def test_a_headline_name_before_a_site_or_a_township_is_no_town(title):
    article = Article("t", "s", "Thank you for registering! Sign in to read on.", "h", title=title)
    assert analyze(article).places == ()


def test_a_street_named_after_a_state_does_not_name_the_state():
    found = places(
        "One juvenile was killed in a shooting on Tuesday in South Los Angeles, officials said. "
        "It happened at a strip mall near 60th Street and Vermont Avenue."
    )
    # "Vermont Avenue" neither is a place of the story nor makes Los Angeles another state's.
    assert [(name, admin1) for name, admin1, *_ in found] == [("Los Angeles", "California")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A street named after a town, and a cross street named after a state: neither a
        # place of the story, nor a state that would make St. Louis another state's town.
        ("ST. LOUIS (KMOX) – Officers say it happened around six Sunday morning on South "
         "Grand at Montana.", [("St. Louis", "Missouri")]),
        ("CHICAGO — Paramedics responded to the 5900 block of South Peoria and found the girl "
         "with a gunshot wound.", [("Chicago", "Illinois")]),
        # Part of a town, or its area, is still the town.
        ("Two people were killed in a shooting in west Phoenix, police said.",
         [("Phoenix", "Arizona")]),
        ("A boy shot himself inside a Waldorf area apartment, a Charles County sheriff's "
         "office spokeswoman said.", [("Waldorf", "Maryland"), ("Charles County", "Maryland")]),
    ],
)  # fmt: skip
def test_streets_are_not_places_and_parts_of_towns_are(text, expected):
    assert [(name, admin1) for name, admin1, *_ in places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NER reads a small town after "in" as a person; the county the article names says
        # which state's town it is.
        (
            "The shooting happened Sunday in the 3000 block of Gradyville Road in McComb. "
            "The Pike County Sheriff's Department is investigating.",
            ("McComb", "Mississippi", "US", "town"),
        ),
        (
            "The deputy went to the source of the gunfire near Grandwood Drive in Patterson. "
            "The St. Mary Parish Sheriff's Office said the boy died.",
            ("Patterson", "Louisiana", "US", "town"),
        ),
    ],
)
def test_a_small_town_is_read_in_the_state_of_the_county_the_article_names(text, expected):
    assert expected in places(text)


def test_counties_and_parishes_as_written():
    from crosscheck.gazetteer import load_gazetteer

    text = (
        "The St. Mary Parish coroner, the Prince George’s County police, DeKalb County "
        "deputies and, on Sunday, The Catoosa County sheriff."
    )
    parish, prince_georges, dekalb, catoosa = load_gazetteer().counties_in(text)
    assert (parish, prince_georges, catoosa) == (("Louisiana",), ("Maryland",), ("Georgia",))
    # A name several states give a county stands for each of them.
    assert "Georgia" in dekalb and "Illinois" in dekalb


def test_a_country_s_name_is_the_us_town_in_a_state_the_article_names():
    assert ("Lebanon", "Tennessee", "US", "town") in places(
        "A teen was shot in Lebanon on Saturday, Tennessee authorities said."
    )
    assert places("Israeli jets struck targets in Lebanon on Saturday.") == [
        ("Lebanon", None, "LB", "country")
    ]


def test_a_big_city_force_named_by_its_initials_names_its_city():
    article = Article("t", "s", "The boy was taken to Riley Hospital.", "h",
                      title="IMPD: 8-year-old accidentally shoots self")  # fmt: skip
    assert [(p.name, p.admin1, p.span.in_title) for p in analyze(article).places] == [
        ("Indianapolis", "Indiana", True)
    ]
    # Initials several forces share (Columbus, Chicago, Cincinnati) name none.
    assert places("CPD said the man was shot on Elm Street.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Postal villages GeoNames lacks, where the copy says they are places in a state the
        # article names: after "in", in a dateline, before their state.
        ("Deputies say it happened Sunday on Highway 30 in Stokes around 7:45 a.m., the Pitt "
         "County Sheriff's Office said.", ("Stokes", "North Carolina", "US", "town")),
        ("WAITSFIELD, Vt. (WCAX) - A 13-year-old accidentally shot himself in the foot.",
         ("Waitsfield", "Vermont", "US", "town")),
        ("The encounter happened in Seibert, Colo., about 45 miles from the Kansas line.",
         ("Seibert", "Colorado", "US", "town")),
        ("It happened March 1 in the town of Seibert, Kit Carson County deputies said.",
         ("Seibert", "Colorado", "US", "town")),
        ("It was reported on Independence Road just south of Lizemores, West Virginia State "
         "Police said.", ("Lizemores", "West Virginia", "US", "town")),
        ("The shooting was at a rental home in the Warne community of Clay County, N.C.",
         ("Warne", "North Carolina", "US", "town")),
        # A village bearing the name, before a town that only has it as an alternate name.
        ("The shooting took place at a residence on Olmstead Road in Olmstead, Logan County "
         "Sheriff Wallace Whittaker said.", ("Olmstead", "Kentucky", "US", "town")),
    ],
)  # fmt: skip
def test_a_village_the_gazetteer_s_towns_lack_is_read_from_postal_towns(text, expected):
    found = places(text)
    assert expected in found
    village = next(p for p in analyze(Article("t", "s", text, "h")).places if p.name == expected[0])
    assert village.lat is not None and village.lon is not None  # on the map


@pytest.mark.parametrize(
    "text",
    [
        # Streets, hospitals and surnames that are postal villages somewhere.
        "The shooting was reported at the corner of Wilson and Robin, Houston, Texas police said.",
        "He was rushed to Ryder Trauma Center in Miami, Florida.",
        "Gunfire erupted near Gratiot and Whithorn in Detroit, Michigan.",
        # A name only villages bear, after "in", in an article naming no state it lies in.
        "The shooting happened in Waitsfield, police in Portland said.",
    ],
)
def test_a_postal_village_s_name_elsewhere_is_no_place(text):
    names = {name for name, *_ in places(text)}
    assert not names & {"Wilson", "Ryder", "Gratiot", "Waitsfield"}


def test_a_village_in_the_state_of_more_of_the_named_counties_wins():
    # Madison County is in 20 states, Elbert County in two: Georgia has both, so "Carlton" is
    # Georgia's village, not the GeoNames town in Montana, which has a Madison County.
    found = places(
        "The teen was putting a boat in the Broad River near Carlton, Madison County sheriff's "
        "deputies said. Elbert County deputies assisted."
    )
    assert ("Carlton", "Georgia", "US", "town") in found
    assert not any(state == "Montana" for _, state, *_ in found)


@pytest.mark.parametrize(
    ("title", "text", "absent"),
    [
        # A hunt is no place.
        ("Oelwein Man Killed in Turkey Hunting Accident",
         "An Oelwein man was fatally injured while turkey hunting in Fayette County, Iowa.",
         "Turkey"),
        # In a report of US places only, a foreign town known by the name only as an
        # alternate one, or found by dropping a compass word, is not meant.
        ("", "A man killed his girlfriend at her home in Galvez, the Ascension Parish "
         "Sheriff's Office in Louisiana said.", "Gobernador Gálvez"),
        ("", "Two men were wounded on the South Side of Chicago, Illinois, on Sunday.", "Side"),
    ],
)  # fmt: skip
def test_words_and_foreign_namesakes_in_a_us_report_are_no_places(title, text, absent):
    analysis = analyze(Article("t", "s", text, "h", title=title or None))
    assert absent not in {p.name for p in analysis.places}


def test_a_dateline_below_a_time_stamp_is_read():
    found = places(
        "Posted Wednesday, February 22, 2017 11:18 am\n\nFORSYTH COUNTY, Ga. — While looking "
        "at his friend's new guns, a man accidentally shot the friend in the leg."
    )
    assert ("Forsyth County", "Georgia", "US", "district") in found


def test_a_dateline_s_state_is_read_where_its_town_is_unknown():
    found = places(
        "Boy, 12, shot himself in West Price Hill home\n\nWEST PRICE HILL, Ohio (WKRC) -- Police "
        "were called to a home on Tuesday."
    )
    assert ("Ohio", "Ohio", "US", "region") in found


def test_a_sheriff_s_office_after_a_page_stamp_names_its_county():
    # The stamp's last word, a line above, is no part of the county's name.
    found = places(
        "Four people shot Posted: Monday, March 2, 2015 12:06 AM EST Updated: Monday, March 9, "
        "2015 12:06 AM EDT\n\nThe Orange County Sheriff's Office is investigating multiple "
        "shootings in Tangelo Park, Florida."
    )
    assert ("Orange County", "Florida", "US", "district") in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A part of the city the report is about: "West Ashley" is Charleston's, not Ashley,
        # Pennsylvania; "the West Side" is no other name of West Newton, Pennsylvania.
        ("Charleston police in South Carolina say they recovered a body from a pond at a West "
         "Ashley golf course. The man had come back from Mexico.", "Pennsylvania"),
        ("A basketball star was among six people shot at a party on the West Side on Sunday.",
         "Pennsylvania"),
        # The last name of someone the report names is that person.
        ("Darnell Cook was a sophomore at the high school. On Sunday, Cook, Reyes and another "
         "friend went to a house.", "Cook"),
    ],
)  # fmt: skip
def test_parts_of_a_city_and_people_s_names_are_not_towns_elsewhere(text, absent):
    assert absent not in {word for name, state, *_ in places(text) for word in (name, state)}


def test_a_surname_is_a_place_only_where_the_words_around_say_so():
    # "Cook, Minn." is the town; "Cook, Reyes and another friend" the teenager.
    found = places(
        "Darnell Cook was a sophomore at the high school. His family moved from Cook, Minn., "
        "last year. On Sunday, Cook, Reyes and another friend went to a house."
    )
    assert found == [("Cook", "Minnesota", "US", "town")]


def test_the_town_a_person_is_from_is_a_place():
    assert places("A Hutchinson teen was arrested Sunday after police say he lied to them.") == [
        ("Hutchinson", "Kansas", "US", "town")
    ]
    assert ("Pensacola", "Florida", "US", "town") in places(
        "New evidence in a Pensacola teen's death shows it was no suicide."
    )
    # A colour or a people is no town: White, Georgia is not where "a White man" is from.
    assert places("A White man and a Black woman saw the shooting, police said.") == []


@pytest.mark.parametrize("example", demonym_examples(), ids=lambda e: e["demonym"])
def test_every_example_of_the_demonyms(example):
    gazetteer = load_gazetteer()
    assert gazetteer.demonyms[example["demonym"]] == gazetteer.countries[example["country"]]


def test_a_town_of_the_country_whose_people_the_article_names_is_the_one_meant():
    text = (
        "Lima, 3 Mar 91 (EFE) -- Peruvian police said a bomb exploded outside a building "
        "where U.S. diplomats live, wounding a guard."
    )
    article = Article("p", "wire", text, "h")
    places = analyze(article).places
    assert places[0].name == "Lima" and places[0].country == "PE"


@pytest.mark.parametrize("example", country_examples(), ids=lambda e: e["dateline"][:20])
def test_every_example_of_the_country_names(example):
    analysis = analyze(Article("c", "wire", example["dateline"], "h"))
    assert analysis.filed_from is not None
    assert analysis.filed_from.country == example["filed_from"]
    assert analysis.places[0].country == example["first_place"]


def test_a_wire_dateline_in_any_case_names_its_town_in_the_bracketed_country():
    # Title case, the country in brackets, the agency after the day.
    assert places(
        "Mexico city (Mexico), 22 Sep 89 (Reuter) -- Police said two bombs exploded in a "
        "market in the capital, wounding six vendors."
    )[0] == ("Mexico City", "Mexico City", "MX", "town")
    # A town too small for the gazetteer still says the country.
    assert places(
        "Vistahermosa del Monte (El Salvador), 19 Mar 89 (Acan-EFE) -- The colonel said "
        "that 50 guerrillas had attacked the garrison."
    )[0][2:] == ("SV", "country")


def test_a_dateline_of_the_same_country_as_the_story_stays_a_place_of_it():
    analysis = analyze(
        Article(
            "d", "wire",
            "Bogota, 3 Jan 90 (EFE) -- Gunmen killed a judge in Medellin, Colombian police said.",
            "h",
        )
    )  # fmt: skip
    assert analysis.filed_from is None
    assert [p.name for p in analysis.places][:2] == ["Bogotá", "Medellín"]


def test_a_country_that_modifies_a_noun_is_whose_not_where():
    # "U.S. embassy" names no place of the story and does not make Lima Ohio's.
    found = places(
        "Lima, 16 Jan 90 (Television Peruana) -- Ten terrorists hurled dynamite at U.S. "
        "Embassy facilities, causing serious damage but no casualties."
    )
    assert found == [("Lima", "Lima Province", "PE", "town")]
    # After a preposition it is a place.
    assert ("U.S.", None, "US", "country") in places("He was deported to the U.S. last year.")


def test_a_small_namesake_in_a_country_whose_people_are_named_does_not_unseat_a_capital():
    found = places(
        "San Salvador, 13 Nov 89 (Acan-EFE) -- The car of a Mexican newsman was destroyed "
        "by a powerful bomb today."
    )
    assert found[0][0] == "San Salvador" and found[0][2] == "SV"


def test_a_town_abroad_carries_its_first_level_division():
    found = places(
        "Air strikes on a market in Maarat al-Numan killed 12 people, and a car bomb in "
        "Jisr al-Shughur wounded five, the monitor said. In Medellin, Colombia, police "
        "defused a bomb."
    )
    assert ("Maarat al-Numan", "Idlib", "SY", "town") in found
    assert ("Jisr al-Shughur", "Idlib", "SY", "town") in found
    assert ("Medellín", "Antioquia", "CO", "town") in found


@pytest.mark.parametrize("example", incident_examples(), ids=lambda e: e["text"][:40])
def test_every_example_of_the_incident_s_place(example):
    text = example["text"]
    nlp = load_nlp()
    doc = nlp(text)
    parses = Parses(nlp, doc, split_sentences("e", text))
    found = find_places(doc, "e", load_gazetteer(), parses=parses)
    everywhere = [*found.places, *([found.filed_from] if found.filed_from else [])]
    assert [p.span.text for p in incident_places(parses, everywhere)] == example["incident"]
    assert (found.filed_from.span.text if found.filed_from else None) == example["filed_from"]
    # The dateline's town stays a place of the story where the incident is in its country.
    if example["filed_from"] is None:
        assert found.places[0].span.start == 0


def test_a_report_filed_from_home_reads_a_shared_name_as_its_country_s_town():
    # Guatemala's San Pablo, not the Philippine city twenty times its size.
    text = (
        "Guatemala City, 16 May 90 (Acan-EFE) -- A member of the civil patrols was shot to "
        "death in San Pablo, in the northwest of the country."
    )
    assert ("San Pablo", "GT") in [(p[0], p[2]) for p in places(text)]


def test_a_small_namesake_abroad_is_no_place_of_a_report_filed_from_home():
    # Palo Blanco is a Mexican village to the gazetteer and Caracas a capital: the first is
    # likely a hamlet too small for it, the second the city meant.
    text = (
        "San Salvador, 22 Mar 90 -- Troops entered Palo Blanco, in Chalatenango, at dawn "
        "and burned three houses, a week before the talks in Caracas."
    )
    assert [(p[0], p[2]) for p in places(text)] == [
        ("San Salvador", "SV"),
        ("Chalatenango", "SV"),
        ("Caracas", "VE"),
    ]


def test_a_wire_dateline_is_its_city_where_the_report_names_a_us_state():
    # "Bogota" and "Medellin" without their accents are still Bogotá's and Medellín's.
    text = (
        "Bogota, 10 Sep 89 (DPA) -- Two bombs exploded in Medellin, a day after the "
        "extradition of a trafficker to Florida."
    )
    assert [(p[0], p[2]) for p in places(text)][:2] == [("Bogotá", "CO"), ("Medellín", "CO")]


def test_a_division_is_read_by_its_name_and_kind_in_any_country():
    # NER takes "Antioquia Department" for a body; GeoNames' division names drop the kind.
    found = places(
        "Bogota, 3 Jan 90 (EFE) -- Two policemen were killed in Antioquia Department and "
        "three soldiers in clashes in Meta department."
    )
    assert ("Antioquia", "Antioquia", "CO", "region") in found
    assert ("Meta Department", "Meta Department", "CO", "region") in found
    assert [p[1:] for p in places("Shelling killed four people in Morazan Department.")] == [
        ("Morazán", "SV", "region")
    ]


def test_a_body_named_department_is_no_division():
    # "Central Department" is also a division's name (Paraguay's, and regions elsewhere).
    found = places("WASHINGTON (AP) — The Central Department said a reporter was shot in Ohio.")
    assert all(p[3] != "region" or p[2] == "US" for p in found)


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("Lima, 16 Jan 90 (Television Peruana) -- Three people died.", "Three people died."),
        ("KABUL, Afghanistan (Reuters) - Ten people died.", "Ten people died."),
        ("NEW ORLEANS (AP) — A man died.", "A man died."),
        ("A man died in NEW ORLEANS (AP) on Monday.", "A man died in NEW ORLEANS (AP) on Monday."),
        ("26.11.2014 Some 50 civilians died.", "Some 50 civilians died."),
        ("2016-05-14 Ten people died.", "Ten people died."),
        ("12 people died on 26.11.2014.", "12 people died on 26.11.2014."),
    ],
)
def test_the_story_starts_after_its_dateline_or_date_stamp(text, story):
    assert text[story_start(text) :] == story
