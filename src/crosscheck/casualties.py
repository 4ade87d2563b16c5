"""One article's casualty counts from its figures: shared by linking (do two reports give the
same toll?) and reconciling (what does each report count?)."""

from __future__ import annotations

from collections import defaultdict

from crosscheck.records import Figure


def article_counts(figures: list[Figure]) -> dict[str, int]:
    """One article's count per status: its largest total, with injured derived from shot."""
    counts: dict[str, int] = {}
    lists: dict[tuple[str, int], int] = defaultdict(int)
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
        injured = shot - counts.get("killed", 0)
        if injured >= counts.get("injured", 0):
            counts["injured"] = injured
    return counts
