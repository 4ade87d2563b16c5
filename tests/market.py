"""One shelling of a market, told six ways: the wire story, two outlets running it (one
trimmed), a paraphrased rewrite that adds an unsourced quote, an independent report, and a
look-alike shelling of the same market a week later. Composed for these tests."""

from __future__ import annotations

from reports import report

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
    "Artillery shells hit a busy vegetable market in Sarmada, a town in northwestern Syria, "
    "on Thursday, killing at least 14 civilians, four of them children, according to a war "
    "monitor. "
    "Another 31 people were wounded in the shelling, which struck the market just after "
    "dawn prayers, the Syrian Observatory for Human Rights reported. "
    "White Helmets rescue workers pulled survivors out of the collapsed stalls and took the "
    "wounded to a field hospital at the edge of the town. "
    '"This is a deliberate massacre of innocent shoppers and the world is silent," '
    "a local shopkeeper told reporters. "
    "According to residents, the shells were fired from government positions south of the "
    "town. "
    "Sarmada, close to the border with Turkey, is home to tens of thousands of displaced "
    "families."
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


def market_articles() -> list[Article]:
    return [
        report("wire", "Shelling of Syrian market kills 14", WIRE, "2025-03-13T09:00:00Z",
             "Levant Wire"),
        report("daily", "Market massacre in Sarmada", WIRE, "2025-03-13T11:00:00Z",
             "Gulf Daily"),
        # A second outlet runs the copy without its closing paragraph.
        report("courier", "Fourteen civilians killed in Idlib market", WIRE.rsplit(". ", 1)[0]
             + ".", "2025-03-13T12:30:00Z", "Border Courier"),
        report("spun", "Syrian bazaar shelling leaves 14 dead", SPUN, "2025-03-13T15:00:00Z",
             "newsflash24.example"),
        report("own", "'I saw a boy fall': survivors of Sarmada shelling", INDEPENDENT,
             "2025-03-13T16:00:00Z", "Idlib Voice"),
        report("later", "Sarmada market shelled again", LOOK_ALIKE, "2025-03-21T10:00:00Z",
             "Levant Wire"),
    ]  # fmt: skip
