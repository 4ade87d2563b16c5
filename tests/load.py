"""Concurrent clients posting distinct reports to one server: shared by the load test and
bench/load_api.py."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

TOWNS = "Marlow Kessing Ardent Belmont Corriston Dunmore Everly Falston Garrick Hollis".split()


def report(client: int, n: int) -> dict:
    town = TOWNS[(client + n) % len(TOWNS)]
    return {
        "title": f"Shooting in {town} leaves {n % 7 + 1} hurt (client {client}, report {n})",
        "outlet": f"Load Gazette {client}",
        "published": f"2025-05-{n % 28 + 1:02d}T12:00:00Z",
        "text": (
            f"{town.upper()} — A shooting on {n} Oak Street in {town} left {n % 7 + 1} people "
            f"injured on Saturday, police said. Report {n} from client {client}. Officers "
            f"recovered {n % 11 + 2} shell casings and asked witnesses to come forward."
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
