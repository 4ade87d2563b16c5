"""A city's night told three ways: two reports of one shooting each, and a roundup of the
night's shootings that tells of both (compose-your-own fixture, no real text)."""

from __future__ import annotations

from crosscheck.records import Article

DAY = "2024-03-25"

ROUNDUP_REPORTS = {
    "englewood": (
        "Boy, 16, wounded in Englewood",
        "CHICAGO — A 16-year-old boy was shot Sunday evening while walking in the 6300 block "
        "of South Halsted Street in the Englewood neighborhood, police said. A gunman stepped "
        "out of a gangway and fired, striking the teen in the leg. The boy was taken to Comer "
        "Children's Hospital in good condition. No arrests were made.",
    ),
    "austin": (
        "Man shot on North Cicero Avenue",
        "CHICAGO — A 35-year-old man was wounded Sunday night on the West Side. The man was "
        "standing on the sidewalk in the 1700 block of North Cicero Avenue in Austin around "
        "9:45 p.m. when someone in a passing sedan opened fire, according to police. He was "
        "hospitalized at Mount Sinai in serious condition.",
    ),
    "roundup": (
        "6 shot Sunday across Chicago",
        "CHICAGO — Six people, including a teenage boy, were wounded in Chicago shootings "
        "Sunday, police said. About 9:45 p.m. on the West Side, a 35-year-old man was "
        "standing in the 1700 block of North Cicero Avenue in Austin when someone in a passing "
        "sedan opened fire. He was hospitalized at Mount Sinai in serious condition. Earlier, "
        "a 16-year-old boy was walking in the 6300 block of South Halsted Street in Englewood "
        "when a gunman fired from a gangway. He was taken to Comer Children's Hospital in good "
        "condition.",
    ),
}


def roundup_articles() -> list[Article]:
    return [
        Article(key, f"https://example.test/{key}", text, key, title, published=DAY)
        for key, (title, text) in ROUNDUP_REPORTS.items()
    ]
