"""Concurrent clients posting distinct reports to one server: shared by the load test and
bench/load_api.py."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

TOWNS = [
    ("Dayton", "Ohio"), ("Fresno", "Calif."), ("Tulsa", "Okla."), ("Macon", "Ga."),
    ("Flint", "Mich."), ("Erie", "Pa."), ("Joliet", "Ill."), ("Mobile", "Ala."),
    ("Gary", "Ind."), ("Camden", "N.J."), ("Yakima", "Wash."), ("Pueblo", "Colo."),
]  # fmt: skip


def report(client: int, n: int) -> dict:
    """A distinct templated crime brief: the form local newsrooms fill in, so the wording
    is nearly the same across reports of different shootings."""
    town, state = TOWNS[(client * 7 + n) % len(TOWNS)]
    hurt = n % 7 + 1
    return {
        "title": f"{hurt} hurt in shooting on {n} Oak Street (client {client}, report {n})",
        "outlet": f"Load Gazette {client}",
        "published": f"2025-05-{n % 28 + 1:02d}T12:00:00Z",
        "text": (
            f"{town.upper()}, {state} — A shooting on {n} Oak Street in {town} left {hurt} "
            f"people injured on Saturday, police said. Report {n} from client {client}. "
            f"Officers recovered {n % 11 + 2} shell casings and asked witnesses to come forward."
        ),
    }


@dataclass
class LoadResult:
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    ids: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def post_concurrently(base: str, token: str, clients: int, each: int) -> LoadResult:
    result = LoadResult()
    lock = threading.Lock()

    def run(client: int) -> None:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as http:
            for n in range(each):
                try:
                    response = http.post("/api/articles", json=report(client, n), timeout=120)
                except httpx.HTTPError as err:
                    with lock:
                        result.failures.append(f"{client}/{n}: {err!r}")
                    continue
                with lock:
                    result.statuses[response.status_code] += 1
                    if response.status_code in (200, 201):
                        result.ids.extend(a["id"] for a in response.json()["articles"])
                    else:
                        result.failures.append(f"{client}/{n}: {response.text[:200]}")

    threads = [threading.Thread(target=run, args=(c,)) for c in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - start
    return result
