"""Casualty counts read from the dependency parse (analyze/tolls.py): every example of
data/casualties.json, through the whole analysis, and the rules that keep a count out."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.tolls import tolls_examples
from crosscheck.casualties import article_counts
from crosscheck.records import Analysis, Article


def _analysed(text: str) -> Analysis:
    article = Article("t", "wire", text, "h", published="2025-04-02T08:00:00Z")
    return analyze(article)


@pytest.mark.parametrize("example", tolls_examples(), ids=lambda e: e["sentence"][:40])
def test_every_example_of_the_casualty_lexicon(example):
    figures = _analysed(example["sentence"]).figures
    read = {(f.status, f.value, f.category, f.qualifier) for f in figures}
    for status, value, category, qualifier in example["counts"]:
        assert (status, value, category, qualifier) in read
    assert not {f.value for f in figures} & set(example["not"])


def test_a_count_after_including_is_a_part_of_the_one_before():
    figures = _analysed(
        "Twelve civilians among them four children were killed in a rocket attack."
    ).figures
    children = next(f for f in figures if f.category == "children")
    civilians = next(f for f in figures if f.category == "civilians")
    assert civilians.value == 12 and not civilians.part_of_total
    assert children.value == 4 and children.part_of_total
    assert article_counts(figures)["killed"] == 12


def test_coordinated_victims_are_listed_together_and_keep_their_attribution():
    text = (
        "Some 90 government soldiers and 35 allied militiamen were killed in the assault, "
        "the observatory said."
    )
    figures = [f for f in _analysed(text).figures if f.status == "killed"]
    listed = {f.value: f.listed_with for f in figures}
    assert listed[90] is not None and listed[90] == listed[35]
    assert {f.attributed_to for f in figures} == {"observatory"}


def test_every_count_of_a_list_the_patterns_do_not_read_is_added():
    text = "Residents said 14 villagers and 9 teachers were murdered by the militia."
    dead = [f for f in _analysed(text).figures if f.status == "killed"]
    assert sorted(f.value for f in dead) == [9, 14]
    assert len({f.listed_with for f in dead}) == 1
    assert article_counts(dead)["killed"] == 23


def test_a_war_wide_toll_is_dropped_but_a_day_count_since_dawn_is_kept():
    text = (
        "Air strikes killed 17 people since dawn in the eastern suburbs. More than 250,000 "
        "people have been killed since the conflict erupted in March 2011."
    )
    dead = [f.value for f in _analysed(text).figures if f.status == "killed"]
    assert 17 in dead and 250000 not in dead


def test_a_victim_named_or_told_of_as_one_is_one_dead_unnumbered():
    text = (
        "Unidentified gunmen today killed Jorge Salas, a local judge, outside her "
        "home. The attack followed the killing of a provincial mayor."
    )
    dead = [f for f in _analysed(text).figures if f.status == "killed"]
    assert {(f.value, f.group, f.numbered) for f in dead} >= {
        (1, "Jorge Salas", False),
        (1, "provincial mayor", False),
    }


def test_the_article_s_count_of_dead_is_the_one_its_lead_gives():
    lead = (
        "Air strikes on a market in the north killed 12 people on Tuesday, a monitor said. "
        "Rescue workers searched the rubble. The market had reopened a week earlier. "
    )
    later = "A strike on a nearby town killed 30 people, the monitor added."
    figures = list(_analysed(lead + later).figures)
    assert {f.value for f in figures if f.status == "killed"} >= {12, 30}
    assert article_counts(figures)["killed"] == 12
    only_later = "Rescue workers searched the rubble. It rained. The roads were shut. " + later
    assert article_counts(list(_analysed(only_later).figures))["killed"] == 30


def test_victims_after_including_in_a_relative_clause_are_a_part_and_among_is_not():
    part = _analysed(
        "The offensive has left some 400 dead, including 6 teachers who were assassinated "
        "in their school."
    ).figures
    teachers = next(f for f in part if f.value == 6)
    assert teachers.status == "killed" and teachers.part_of_total
    assert article_counts(part)["killed"] == 400
    among = _analysed("At least four children were among eight people killed in the shelling.")
    assert article_counts(among.figures)["killed"] == 8


def test_a_partitive_relative_clause_counts_no_antecedent():
    dead = _analysed("Troops clashed with some 30 guerrillas, 5 of whom died.").figures
    assert {f.value for f in dead if f.status == "killed"} == {5}


def test_a_date_run_into_a_headline_is_no_count():
    text = (
        "The army shelled the area. Updated 12-05-2016 14 Fighters Killed in Clashes Near "
        "the Dam. The army shelled the area again."
    )
    assert {f.value for f in _analysed(text).figures} == {14}


@pytest.mark.parametrize(
    "dateline",
    ["Medellin, 1 Oct 89 (Radio Cadena Nacional) --", "Bogota, 6 Sep 89 (Radio Cadena 1) --"],
)
def test_the_first_sentence_is_parsed_without_its_dateline(dateline):
    # Parsed with the sentence, the dateline's town is the subject of "was assassinated".
    text = (
        f"{dateline} Maria Elena Duarte, a judge in Antioquia, was assassinated this evening. "
        "She had just left her office."
    )
    dead = [f for f in _analysed(text).figures if f.status == "killed"]
    assert [(f.value, f.group) for f in dead] == [(1, "Maria Elena Duarte")]
    assert dead[0].span.text.startswith("Maria Elena Duarte")


def test_below_the_lead_a_count_of_dead_is_added_and_one_of_wounded_only_where_none_is():
    text = (
        "Gunmen killed two farmers and wounded three people in the village on Monday, "
        "police said. The attackers fled on foot. Troops searched the hills. The army "
        "blamed the rebels. The bishop prayed for the six priests, who were murdered in "
        "their residence. He also visited the eleven villagers who were wounded."
    )
    figures = _analysed(text).figures
    dead = {f.value for f in figures if f.status == "killed"}
    wounded = {f.value for f in figures if f.status == "injured"}
    assert {2, 6} <= dead and 11 not in wounded
    assert article_counts(figures) == {"killed": 2, "injured": 3}


def test_a_page_s_date_stamp_is_no_part_of_the_first_sentence_s_parse():
    text = "09-09-2016 31 Terrorists Killed in Idleb Syrian Army Regains Several Towns in Hama."
    assert {f.value for f in _analysed(text).figures if f.status == "killed"} == {31}
