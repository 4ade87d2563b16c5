"""A massacre told six ways, composed for the reconcile tests.

- `early`: the first report, with the monitor's older, lower toll (600 civilians);
- `wire`: the monitor's full toll (745 civilians, 125 security forces, 148 fighters: 1,018),
  which the wire agency says it could not verify, and the monitor's director quoted;
- `copy`: an outlet running the wire story under its own headline;
- `spun`: a content-farm rewrite of the wire story that rewords the director's quotation
  and adds a detail nobody sourced;
- `local`: an independent report with the same toll and the director's words in another
  translation;
- `ministry`: an independent report quoting the director a third way, and officials
  putting the security forces' losses at "several dozen".
"""

from __future__ import annotations

from reports import report

from crosscheck.analyze import analyze_many
from crosscheck.link import link
from crosscheck.link.alignment import by_article
from crosscheck.link.embeddings import SentenceEncoder
from crosscheck.reconcile import reconcile
from crosscheck.records import Analysis, Article, Linkage, StoryRecord

EARLY = (
    "BEIRUT (Levant Wire) — At least 600 civilians have been killed in three days of "
    "sectarian killings in Syria's coastal region, the Syrian Observatory for Human Rights "
    "said on Saturday. "
    "The Britain-based monitor said gunmen went from house to house in villages near the "
    "city of Baniyas. "
    "Levant Wire could not independently verify the toll."
)
WIRE = (
    "BEIRUT (Levant Wire) — Fighting and revenge killings in Syria's coastal region have "
    "killed 1,018 people since Thursday, the Syrian Observatory for Human Rights said on "
    "Monday. "
    "The monitor said 745 civilians, 125 members of the security forces and 148 "
    "pro-government fighters were killed. "
    "Most of the civilians were shot dead in their homes in villages around Baniyas, the "
    "monitor said. "
    '"These are among the biggest massacres of the Syrian conflict," said Rami '
    "Abdulrahman, the observatory's director. "
    "Levant Wire could not independently verify the toll. "
    "Residents said many families had fled into the mountains."
)
SPUN = (
    "Violence and reprisal killings along the Syrian coast have left 1,018 people dead since "
    "Thursday, according to the Syrian Observatory for Human Rights on Monday. "
    "The group said 745 civilians, 125 security personnel and 148 former regime fighters "
    "had died. "
    "The group said the majority of civilians were gunned down inside their houses in "
    "villages near Baniyas. "
    '"These are some of the largest massacres in the Syrian war," said Rami Abdulrahman, '
    "who runs the observatory. "
    "Witnesses said the attackers arrived in trucks bearing no insignia. "
    "Many families escaped to the mountains, according to local people."
)
LOCAL = (
    "LATAKIA, Syria — Um Ali buried her two sons in the garden of her house in a village "
    "outside Baniyas on Sunday. "
    "The Syrian Observatory for Human Rights said 745 civilians had been killed along the "
    "coast since Thursday. "
    '"These massacres are among the worst of the whole Syrian conflict," Rami Abdurrahman '
    "of the observatory told local radio. "
    "Shops in Latakia stayed shut and the roads to the villages were blocked by checkpoints."
)
MINISTRY = (
    "DAMASCUS — Syria's interior ministry said several dozen members of the security forces "
    "were killed in ambushes by remnants of the former government around Baniyas and "
    "Jableh on the coast since Thursday. "
    "The ministry gave no figure for civilian deaths in the coastal villages. "
    "The Syrian Observatory for Human Rights said 745 civilians had been killed in the "
    "revenge killings. "
    '"What happened on the coast is one of the largest massacres of this war," said Rami '
    "Abdel Rahman, who heads the observatory. "
    "The government has promised an inquiry."
)


def coast_articles() -> list[Article]:
    return [
        report("early", "Hundreds killed in Syria coastal violence, monitor says", EARLY,
             "2025-03-08T12:00:00Z", "Levant Wire"),
        report("wire", "Syria coast death toll passes 1,000, monitor says", WIRE,
             "2025-03-10T09:00:00Z", "Levant Wire"),
        report("copy", "Over 1,000 dead in Syrian coastal killings", WIRE,
             "2025-03-10T11:00:00Z", "Gulf Daily"),
        report("spun", "Syrian coast violence leaves 1,018 dead", SPUN,
             "2025-03-10T15:00:00Z", "newsflash24.example"),
        report("local", "Baniyas villages bury their dead", LOCAL,
             "2025-03-10T16:00:00Z", "Coast Voice"),
        report("ministry", "Syrian ministry says dozens of security forces killed", MINISTRY,
             "2025-03-10T18:00:00Z", "Damascus Herald"),
    ]  # fmt: skip


def coast_story() -> tuple[list[Article], dict[str, Analysis], Linkage, StoryRecord]:
    """The six reports analysed, linked (with the rewrite search) and reconciled: they
    must make one story."""
    encoder = SentenceEncoder()
    articles = coast_articles()
    analyses = {a.article: a for a in analyze_many(articles)}
    linkage = link(articles, analyses, by_article(encoder.encode))
    (story, members), *others = linkage.stories.items()
    assert not others, linkage.stories
    chosen = [a for a in articles if a.id in members]
    record = reconcile(story, chosen, analyses, linkage, lambda t: encoder.encode(list(t)))
    return articles, analyses, linkage, record
