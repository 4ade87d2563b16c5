"""An outlet's coverage area, read from its own reports, settles which namesake town a
report means and, where no report places the story at all, which state it is in."""

from __future__ import annotations

import json

import pytest
from conftest import write

from crosscheck import pipeline
from crosscheck.analyze import ANALYZER_VERSION, analyze
from crosscheck.reconcile import coverage
from crosscheck.reconcile.outlet_names import named_place
from crosscheck.reconcile.places import story_places
from crosscheck.records import Article, OutletStates
from crosscheck.store import SQLiteStore

_VALLEY = "https://www.miamivalleybeacon.com/news/"
_OHIO_REPORTS = [
    (
        "Dayton man charged in bar fight",
        "DAYTON, Ohio — A 27-year-old man was charged Monday with assault after a fight "
        "outside a bar on Wayne Avenue, Dayton police said.",
    ),
    (
        "Xenia council approves new fire station",
        "The Xenia city council voted on Tuesday to build a fire station on the east side. "
        "Greene County, Ohio, will pay a third of the cost.",
    ),
    (
        "Huber Heights teen hurt in crash",
        "A 17-year-old driver was hurt Wednesday when his car left Interstate 70 near Huber "
        "Heights, Ohio, the State Highway Patrol said.",
    ),
]
_SPRINGFIELD = (
    "Man shot on East High Street",
    "Springfield police said a 34-year-old man was shot Thursday night on East High Street. "
    "He was taken to a hospital with wounds that were not life-threatening, and officers "
    "were looking for a man seen running from the area.",
)
_NOWHERE = (
    "Woman killed outside nightclub",
    "A 22-year-old woman was shot and killed early Sunday outside a nightclub, police said. "
    "Detectives asked anyone with video of the parking lot to call them.",
)


def _line(n: int, title: str, text: str, url: str) -> str:
    return json.dumps(
        {
            "id": f"r{n}",
            "url": f"{url}{n}",
            "title": title,
            "published": f"2024-05-0{n}",
            "text": text,
        }
    )


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("coverage")
    reports = [*_OHIO_REPORTS, _SPRINGFIELD, _NOWHERE]
    lines = [_line(n, t, x, _VALLEY) for n, (t, x) in enumerate(reports, start=1)]
    source = write(folder / "beacon.jsonl", "\n".join(lines) + "\n")
    with SQLiteStore(folder / "store.sqlite") as store:
        pipeline.ingest_into(store, [str(source)])
        pipeline.analyze_pending(store)
        pipeline.reconcile_all(store, linked=pipeline.link_all(store, rewrites=False))
        stories = {a: s for s in store.stories() for a in s.articles}
        yield store, stories


def test_the_ohio_outlets_reports_give_it_ohio(run):
    store, _ = run
    tally = store.outlet_states(["miamivalleybeacon.com", "elsewhere.example"])
    assert list(tally) == ["miamivalleybeacon.com"]
    assert tally["miamivalleybeacon.com"].states["Ohio"] == 3


def test_a_local_outlets_town_is_its_namesake_in_the_state_it_covers(run):
    _, stories = run
    place = stories["r4"].incident.places[0]
    assert (place["name"], place["admin1"], place["inferred_from"]) == (
        "Springfield",
        "Ohio",
        None,
    )


def test_without_the_outlets_coverage_the_most_populous_namesake_wins(run):
    store, _ = run
    places = story_places(["r4"], store.analyses(["r4"]))
    assert (places[0]["name"], places[0]["admin1"]) == ("Springfield", "Missouri")


def test_a_story_no_report_places_gets_its_outlets_state_marked_as_inferred(run):
    _, stories = run
    assert [
        (p["name"], p["precision"], p["inferred_from"]) for p in stories["r5"].incident.places
    ] == [("Ohio", "region", "outlet")]


def test_a_report_that_names_its_state_keeps_it_whatever_the_outlet_covers():
    article = Article(
        "x", "x.txt", "Springfield, Missouri, police said a man was shot Friday.", "h",
        title="Man shot", outlet="miamivalleybeacon.com",
    )  # fmt: skip
    area = coverage(OutletStates("miamivalleybeacon.com", 10, {"Ohio": 9}))
    places = story_places(["x"], {"x": analyze(article)}, {"x": area})
    assert places[0]["admin1"] == "Missouri"


def _placed(article: str, *places: tuple[str, str | None, str, str]):
    from crosscheck.records import Analysis, Place, Span

    return Analysis(
        article,
        (),
        places=tuple(
            Place(Span(article, 0, len(name), name), name, None, None, admin1, country, precision)
            for name, admin1, country, precision in places
        ),
    )


def test_the_store_tallies_each_analysed_articles_us_states_by_outlet(tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        store.add_articles(
            [
                Article(k, k, f"Report {k} of a shooting, police said on Friday.", k, outlet=o)
                for k, o in (("a", "beacon"), ("b", "beacon"), ("c", "beacon"), ("d", None))
            ]
        )
        ohio_town = ("Dayton", "Ohio", "US", "town")
        store.put_analyses(
            ANALYZER_VERSION,
            [
                # A town and its state name Ohio once; Indiana is named too.
                _placed(
                    "a",
                    ohio_town,
                    ("Ohio", "Ohio", "US", "region"),
                    ("Richmond", "Indiana", "US", "town"),
                ),
                # Abroad, and a county whose state is open: no state.
                _placed(
                    "b", ("Savé", None, "BJ", "town"), ("White County", None, "US", "district")
                ),
                _placed("c", ohio_town),
                _placed("d", ohio_town),  # no outlet: filed under none
            ],
        )
        tally = store.outlet_states(["beacon"])["beacon"]
        assert (tally.articles, dict(tally.states)) == (2, {"Ohio": 2, "Indiana": 1})
        # Analysed again, an article's states replace its old ones.
        store.put_analyses(ANALYZER_VERSION, [_placed("c", ("Gary", "Indiana", "US", "town"))])
        tally = store.outlet_states(["beacon"])["beacon"]
        assert (tally.articles, dict(tally.states)) == (2, {"Ohio": 1, "Indiana": 2})


@pytest.mark.parametrize(
    ("articles", "states", "covered", "home"),
    [
        # A Kansas City station covers both states; its home is the one most reports name.
        (10, {"Missouri": 6, "Kansas": 3, "Texas": 1}, {"Missouri", "Kansas"}, "Missouri"),
        # A national desk names many states, none often enough.
        (10, {s: 1 for s in ("Ohio", "Texas", "Maine", "Iowa", "Utah")}, set(), None),
        # Two reports in two states: both covered, neither home.
        (2, {"Ohio": 1, "Indiana": 1}, {"Ohio", "Indiana"}, None),
    ],
)
def test_coverage_needs_a_share_of_the_outlets_reports(articles, states, covered, home):
    area = coverage(OutletStates("o", articles, states))
    assert (set(area.states), area.home) == (covered, home)


def test_only_the_storys_own_outlets_place_it():
    article = Article("z", "z.txt", "A man was shot and killed Friday, police said.", "h3")
    ohio = coverage(OutletStates("beacon", 10, {"Ohio": 9}))
    places = story_places(["z"], {"z": analyze(article)}, {"other": ohio})
    assert places == ()


def _abroad(article: str, name: str, country: str, precision: str = "town"):
    return _placed(article, (name, None, country, precision))


def test_a_foreign_town_one_local_report_names_does_not_keep_the_story_unplaced():
    ohio = coverage(OutletStates("beacon", 10, {"Ohio": 9}))
    # "Save" in the page's share buttons, read as Savé, Benin.
    places = story_places(["a"], {"a": _abroad("a", "Savé", "BJ")}, {"a": ohio})
    assert [(p["name"], p["inferred_from"]) for p in places] == [
        ("Savé", None),
        ("Ohio", "outlet"),
    ]
    # Two reports naming the town, or a report naming the country, place the story abroad.
    both = {"a": _abroad("a", "Savé", "BJ"), "b": _abroad("b", "Savé", "BJ")}
    assert len(story_places(["a", "b"], both, {"a": ohio, "b": ohio})) == 1
    country = {"a": _abroad("a", "Benin", "BJ", "country")}
    assert len(story_places(["a"], country, {"a": ohio})) == 1


def test_a_county_several_states_have_is_the_one_in_the_outlets_coverage():
    article = Article(
        "w", "w.txt", "A 13-year-old was killed in an accidental shooting in White County on "
        "Saturday, deputies said.", "h4", title="Teen killed in accidental shooting",
    )  # fmt: skip
    analysis = analyze(article)
    # Eight states have a White County; the report does not say which.
    assert [(p.name, p.admin1, p.precision) for p in analysis.places] == [
        ("White County", None, "district")
    ]
    tennessee = coverage(OutletStates("wsmv.com", 6, {"Tennessee": 4, "Ohio": 1, "Idaho": 1}))
    places = story_places(["w"], {"w": analysis}, {"w": tennessee})
    assert (places[0]["name"], places[0]["admin1"]) == ("White County", "Tennessee")


@pytest.mark.parametrize(
    ("outlet", "covered", "expected"),
    [
        ("delrionewsherald.com", (), ("Del Rio", "Texas", "town")),
        ("fox13memphis.com", (), ("Memphis", "Tennessee", "town")),
        ("goerie.com", (), ("Erie", "Pennsylvania", "town")),
        ("www.ledger-enquirer.com", (), None),
        ("chicago.cbslocal.com", (), ("Chicago", "Illinois", "town")),
        ("centralillinoisproud.com", (), ("Illinois", "Illinois", "region")),
        # A state before the town of its name; the capital before the state.
        ("delawareonline.com", (), ("Delaware", "Delaware", "region")),
        ("nbcwashington.com", (), ("Washington", "District of Columbia", "town")),
        # Words of outlets' names are not towns, nor a part of a word that is no name.
        ("king5.com", (), None),
        ("timesunion.com", (), None),
        ("hutchnews.com", (), None),
        ("sfgate.com", (), None),
        # Springfields of four states are as large: the outlet's coverage says which.
        ("springfieldnewssun.com", (), None),
        ("springfieldnewssun.com", ("Ohio",), ("Springfield", "Ohio", "town")),
        ("onlineathens.com", (), ("Athens", "Georgia", "town")),
        ("Associated Press", (), None),
    ],
)
def test_the_town_or_state_an_outlets_address_is_named_for(outlet, covered, expected):
    found = named_place(outlet, frozenset(covered))
    assert (found and (found.name, found.state, found.precision)) == expected


def test_a_story_no_report_places_is_put_in_the_town_its_outlets_address_names():
    # A paywalled page: its text names no place.
    article = Article("p", "p.txt", "Please log in to continue reading.", "h4", title="Teens ID'd")
    paper = coverage(OutletStates("delrionewsherald.com", 0, {}))
    places = story_places(["p"], {"p": analyze(article)}, {"p": paper})
    assert [(p["name"], p["admin1"], p["precision"], p["inferred_from"]) for p in places] == [
        ("Del Rio", "Texas", "town", "outlet")
    ]
    assert places[0]["lat"] == pytest.approx(29.36, abs=0.05)
    # The address comes before the state its reports name, which is less precise.
    tallied = coverage(OutletStates("delrionewsherald.com", 4, {"Texas": 4}))
    assert story_places(["p"], {"p": analyze(article)}, {"p": tallied})[0]["name"] == "Del Rio"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Five people shot in apartment complex - WMC Action News 5 - Memphis, Tennessee",
         ("Memphis", "Tennessee")),
        ("Boy dies after accidental shooting - KTBS.com - Shreveport, LA News, Weather",
         ("Shreveport", "Louisiana")),
        # The headline's own town is the story's, not the credit's; a credit without its
        # state names none.
        ("Man shot in Springfield, Ohio", None),
        ("Man shot in Duluth - WSB-TV Atlanta", None),
    ],
)  # fmt: skip
def test_the_town_a_title_credit_names_is_where_the_outlet_is(title, expected):
    article = Article("c", "c.txt", "Please log in to continue reading.", "h5", title=title)
    found = analyze(article).credit_place
    assert (found and (found.name, found.admin1)) == expected


def test_a_story_no_report_places_is_put_in_the_town_its_title_credit_names():
    title = "Five people shot in apartment complex - WMC Action News 5 - Memphis, Tennessee"
    article = Article("m", "m.txt", "Sign in using your profile to read on.", "h6", title=title)
    places = story_places(["m"], {"m": analyze(article)}, {})
    assert [(p["name"], p["admin1"], p["precision"], p["inferred_from"]) for p in places] == [
        ("Memphis", "Tennessee", "town", "outlet")
    ]
    # A report that places the story keeps its place.
    placed = Article("n", "n.txt", "Two men were shot in Germantown on Sunday.", "h7", title=title)
    assert story_places(["n"], {"n": analyze(placed)}, {})[0]["name"] == "Germantown"


def test_a_story_placed_in_a_county_and_no_town_gets_the_county_s_main_town():
    article = Article(
        "c", "c", "A 19-year-old man was killed in a hunting accident on Saturday, the Pima "
        "County Sheriff's Department said.", "c", title="Hunter killed in Pima County",
    )  # fmt: skip
    places = story_places(["c"], {"c": analyze(article)}, {})
    assert [(p["name"], p["admin1"], p["precision"], p["inferred_from"]) for p in places] == [
        ("Pima County", "Arizona", "district", None),
        ("Tucson", "Arizona", "town", "county"),
    ]
    assert places[1]["lat"] == pytest.approx(32.2, abs=0.1)
    # A report naming a town keeps it: the county adds nothing.
    named = Article(
        "d", "d", "A man was shot in Marana on Saturday, the Pima County Sheriff's "
        "Department said.", "d",
    )  # fmt: skip
    found = story_places(["d"], {"d": analyze(named)}, {})
    assert [(p["name"], p["inferred_from"]) for p in found] == [
        ("Marana", None),
        ("Pima County", None),
    ]
