"""One article's casualty counts from its figures: shared by linking (do two reports give the
same toll?) and reconciling (what does each report count?)."""

from __future__ import annotations

from collections import defaultdict

from crosscheck.records import Figure

# The status whose count an article takes from its headline and lead: the dead. Wounds are
# summed over the whole text ("shot" and "died" told anywhere), so every count of them stands.
TOLD_IN_LEAD = "killed"


def own_figures(figures: list[Figure]) -> list[Figure]:
    """The figures that tell the article's own counts: the dead its headline or lead counts
    are its toll, so the counts of dead further down are left out where the lead gives one
    (another attack recalled, or a victim named one by one)."""
    if any(f.status == TOLD_IN_LEAD and not f.below_lead for f in figures):
        return [f for f in figures if not (f.status == TOLD_IN_LEAD and f.below_lead)]
    return figures


def by_article(figures: list[Figure]) -> dict[str, list[Figure]]:
    """A story's figures grouped by the article that states them."""
    found: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        found[figure.article].append(figure)
    return found


def article_counts(figures: list[Figure], killed: int | None = None) -> dict[str, int]:
    """One article's count per status: its largest total (of dead, the largest its lead
    gives), with injured derived from shot.

    `killed` is the story's count of dead when known: a report that says only that "Jay
    Rowe was shot" counts him among the injured unless the story knows he died."""
    counts: dict[str, int] = {}
    lists: dict[tuple[str, int], int] = defaultdict(int)
    figures = own_figures(figures)
    for figure in figures:
        if figure.part_of_total:
            continue
        counts[figure.status] = max(counts.get(figure.status, 0), figure.value)
        if figure.listed_with is not None:
            lists[(figure.status, figure.listed_with)] += figure.value
    for (status, _), total in lists.items():
        counts[status] = max(counts[status], total)
    shot = counts.pop("shot", None)
    if shot is not None:
        # "Sixteen people were shot, one fatally": fifteen injured, whatever else is said.
        # A killer who then killed himself is among the dead, not among those he shot;
        # however many sentences retell his death, it is one.
        own = max((f.value for f in figures if f.perpetrator and not f.part_of_total), default=0)
        dead = max(counts.get("killed", 0), killed or 0) - own
        injured = max(0, shot - dead)
        if injured >= counts.get("injured", 0):
            counts["injured"] = injured
    return counts
