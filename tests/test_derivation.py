"""Derivation: wire copy reused verbatim, a paraphrased rewrite that adds an unsourced quote,
an independent report of the same event, and a look-alike event a week later."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze_many
from crosscheck.link import link
from crosscheck.link.derivation import find_derivations, fingerprints
from crosscheck.link.embeddings import SentenceEncoder
from crosscheck.link.paraphrase import align
from crosscheck.records import Article

WIRE = (
    "BEIRUT (Levant Wire) — Artillery shells struck a crowded vegetable market in the "
    "northwestern Syrian town of Sarmada on Thursday, killing at least 14 civilians, "
    "including four children, a war monitor said. "
    "The Syrian Observatory for Human Rights said 31 other people were wounded in the "
    "shelling, which hit the market shortly after dawn prayers. "
    "Rescue workers from the White Helmets pulled survivors from collapsed stalls and "
    "carried the wounded to a field hospital on the edge of town. "
    "Residents said the shells came from positions held by government forces to the south. "
    "The Levant Wire could not independently verify the death toll. "
    "Sarmada lies near the Turkish border and shelters tens of thousands of displaced families."
)
SPUN = (
    "Shelling hit a busy produce bazaar in Sarmada, a town in Syria's northwest, on "
    "Thursday and left no fewer than 14 civilians dead, four of them children, according to "
    "a monitoring group. "
    "Another 31 people suffered injuries in the bombardment, which landed on the bazaar just "
    "after the morning prayer, the Syrian Observatory for Human Rights reported. "
    "White Helmets volunteers dug survivors out of flattened market stands and rushed the "
    "injured to a makeshift clinic at the town's outskirts. "
    '"This is a deliberate massacre of innocent shoppers and the world is silent," '
    "a local shopkeeper told reporters. "
    "Locals blamed government troops stationed south of the town for firing the rounds. "
    "The border town near Turkey is home to many thousands of families who fled the fighting."
)
INDEPENDENT = (
    "SARMADA, Syria — Abu Khaled was buying tomatoes when the first shell landed. "
    '"I saw a boy fall next to me," he said by telephone from a clinic where he was being '
    "treated for shrapnel wounds. "
    "Local doctors counted 14 bodies by Thursday afternoon and said dozens of wounded had "
    "overwhelmed the town's only clinic. "
    "Civil defence teams worked through the morning to clear rubble from the market. "
    "The town's council called on Turkey to press for a halt to the bombardment, and "
    "several families said they would move closer to the border camps."
)
LOOK_ALIKE = (
    "BEIRUT (Levant Wire) — Shells hit the market in the Syrian town of Sarmada on Friday "
    "for the second time in a week, killing three people, the Syrian Observatory for Human "
    "Rights said. "
    "The monitor said eight others were wounded. "
    "Residents said the shells were fired from government positions to the south. "
    "The Levant Wire could not independently verify the death toll."
)


def _articles() -> list[Article]:
    def make(id_, title, text, published, outlet):
        return Article(id_, id_, text, id_, title=title, published=published, outlet=outlet)

    return [
        make("wire", "Shelling of Syrian market kills 14", WIRE, "2025-03-13T09:00:00Z",
             "Levant Wire"),
        make("daily", "Market massacre in Sarmada", WIRE, "2025-03-13T11:00:00Z",
             "Gulf Daily"),
        # A second outlet runs the copy without its closing paragraph.
        make("courier", "Fourteen civilians killed in Idlib market", WIRE.rsplit(". ", 1)[0]
             + ".", "2025-03-13T12:30:00Z", "Border Courier"),
        make("spun", "Syrian bazaar shelling leaves 14 dead", SPUN, "2025-03-13T15:00:00Z",
             "newsflash24.example"),
        make("own", "'I saw a boy fall': survivors of Sarmada shelling", INDEPENDENT,
             "2025-03-13T16:00:00Z", "Idlib Voice"),
        make("later", "Sarmada market shelled again", LOOK_ALIKE, "2025-03-21T10:00:00Z",
             "Levant Wire"),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


@pytest.fixture(scope="module")
def linkage(encoder):
    articles = _articles()
    analyses = {a.article: a for a in analyze_many(articles)}
    return link(articles, analyses, lambda _id, sentences: encoder.encode(sentences))


def test_the_rewrite_shares_almost_no_five_word_run_with_its_origin():
    # Why shingles alone cannot find it.
    articles = {a.id: a for a in _articles()}
    edges = find_derivations(fingerprints([articles["wire"], articles["spun"]]))
    assert edges == ()


def test_one_story_for_the_event_and_another_for_the_look_alike(linkage):
    stories = sorted(sorted(m) for m in linkage.stories.values())
    assert stories == [["courier", "daily", "own", "spun", "wire"], ["later"]]


def test_copies_and_the_rewrite_go_back_to_the_wire_story(linkage):
    edges = {(d.article, d.source): d.kind for d in linkage.derivations}
    assert edges[("daily", "wire")] == "verbatim"
    assert edges[("courier", "wire")] in {"verbatim", "edited"}
    assert edges[("spun", "wire")] == "paraphrase"
    assert not any("own" in pair for pair in edges)  # the independent report derives from none
    assert not any("later" in pair for pair in edges)
    origin = linkage.origin_of
    assert {origin[a] for a in ("wire", "daily", "courier", "spun")} == {"wire"}
    assert origin["own"] == "own"


def test_independent_origins_count_the_wire_story_once(linkage):
    story = next(m for m in linkage.stories.values() if "wire" in m)
    assert len({linkage.origin_of[a] for a in story}) == 2


def test_the_added_quote_is_the_rewrite_s_unsupported_sentence(linkage):
    added = [u for u in linkage.unsupported if u.article == "spun"]
    assert [u.origin for u in added] == ["wire"]
    assert "deliberate massacre" in added[0].span.text
    text = dict((a.id, a.text) for a in _articles())["spun"]
    assert text[added[0].span.start : added[0].span.end] == added[0].span.text
    # Word-for-word copies add nothing of their own.
    assert not [u for u in linkage.unsupported if u.article in {"daily", "courier"}]


def test_alignment_keeps_the_order_of_both_articles(encoder):
    a = encoder.encode(["The bridge collapsed at noon.", "Two workers died.", "Police came."])
    b = encoder.encode(
        ["Officers arrived.", "At midday the bridge fell down.", "Two labourers were killed."]
    )
    chain = align(a @ b.T)
    assert [(i, j) for i, j in chain] == [(0, 1), (1, 2)]


def test_the_encoder_gives_unit_vectors_that_rank_meaning(encoder):
    v = encoder.encode(
        ["Fourteen civilians were killed by shelling.", "Shells killed 14 civilians.",
         "The football season starts in August."]
    )  # fmt: skip
    assert v.shape == (3, 384)
    assert abs(float(v[0] @ v[0]) - 1.0) < 1e-5
    assert v[0] @ v[1] > 0.7 > 0.2 > v[0] @ v[2]
