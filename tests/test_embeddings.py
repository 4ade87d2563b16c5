"""The int8 sentence encoder a run uses, held to the float32 model it replaces."""

from __future__ import annotations

import numpy as np
import pytest

from crosscheck.link.alignment import by_article
from crosscheck.link.embeddings import ReferenceEncoder, Remembered, SentenceEncoder

# Composed sentences of the kinds crosscheck embeds: wire leads, tolls, quotes, datelines,
# station boilerplate, a long run-on sentence and a short one.
SENTENCES = [
    "At least 14 people were killed when gunmen opened fire on a wedding party in a village "
    "north of the provincial capital late on Saturday, officials said.",
    "The monitoring group said 31 civilians, 12 members of the security forces and nine "
    "fighters were among the dead, a toll that could not be independently verified.",
    '"What happened in the coastal villages is one of the worst massacres of this war," the '
    "group's director told reporters.",
    "Police said a 24-year-old man was shot in the leg outside a convenience store on Elm "
    "Street shortly after midnight and taken to a hospital in stable condition.",
    "SAN SALVADOR, 12 MAR 89 -- URBAN GUERRILLAS ATTACKED A POLICE POST IN THE CAPITAL "
    "TONIGHT, KILLING TWO AGENTS, ACCORDING TO A MILITARY SPOKESMAN.",
    "Copyright 2026 by the station. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Anyone with information is asked to call the tip line.",
    "The ministry of health raised the toll to 1,018 dead on Tuesday, after rescuers pulled "
    "more bodies from the rubble of collapsed buildings across three districts, and said "
    "the number of wounded had passed 3,000 as hospitals in the region ran short of beds, "
    "blood and fuel for their generators.",
    "Two soldiers died.",
]


@pytest.fixture(scope="module")
def int8() -> SentenceEncoder:
    return SentenceEncoder()


@pytest.fixture(scope="module")
def reference() -> ReferenceEncoder:
    return ReferenceEncoder()


def test_int8_vectors_stay_within_a_cosine_of_099_of_the_float_model(int8, reference):
    ours, float32 = int8.encode(SENTENCES), reference.encode(SENTENCES)
    assert ours.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * float32).sum(axis=1).min() >= 0.99


def test_likeness_in_meaning_keeps_its_order(int8, reference):
    """A rewording stays closer to its sentence than another sentence of the same story,
    under both encoders, and their cosines differ little."""
    pair = [
        "Gunmen killed 14 people at a wedding party in a village on Saturday, officials said.",
        "Officials said 14 wedding guests were shot dead by armed men in a village on Saturday.",
        "The group's director described the attack as one of the worst of the war.",
    ]
    for encoder in (int8, reference):
        v = encoder.encode(pair)
        assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    ours, float32 = int8.encode(pair), reference.encode(pair)
    assert abs(float(ours[0] @ ours[1]) - float(float32[0] @ float32[1])) < 0.02


def test_a_sentence_vector_does_not_depend_on_its_batch(int8):
    """Spark and a local run embed articles in other groupings; each sentence must come out
    the same."""
    together = int8.encode(SENTENCES)
    alone = np.vstack([int8.encode([s]) for s in SENTENCES])
    assert np.abs(together - alone).max() < 1e-5


def test_by_article_embeds_every_article_and_keeps_their_sentences_apart(int8):
    encode = by_article(int8.encode)
    vectors = encode({"a": SENTENCES[:3], "b": [], "c": SENTENCES[3:5]})
    assert [len(vectors[k]) for k in ("a", "b", "c")] == [3, 0, 2]
    assert np.abs(vectors["c"] - int8.encode(SENTENCES[3:5])).max() < 1e-5


def test_remembered_embeds_each_text_once():
    calls: list[int] = []

    def encode(texts):
        calls.append(len(texts))
        return np.eye(len(texts), 384, dtype=np.float32)

    remembered = Remembered(encode)
    remembered.prime(["b", "a", "b"])
    got = remembered(["a", "b"])
    assert calls == [2]
    assert got.shape == (2, 384) and float(got[0] @ got[1]) == 0.0
    assert remembered([]).shape == (0, 384)
    remembered(["c", "a"])
    assert calls == [2, 1]


def test_the_float_graph_is_the_reference_model(reference):
    """The graph written op by op is BERT: in float32 it gives the NumPy model's vectors, so
    what int8 changes is the quantisation alone."""
    ours = SentenceEncoder(quantised=False).encode(SENTENCES)
    # The reference's GELU is the tanh form, the graph's the exact one: 1e-4 apart.
    assert (ours * reference.encode(SENTENCES)).sum(axis=1).min() > 0.9999
