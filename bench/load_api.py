"""The HTTP API under load: N clients posting M distinct reports each to one
`crosscheck serve`, with its background processing on. Reports the posting throughput,
what came back, and whether every report was stored exactly once; then how long the
server took to analyse, link and reconcile them all.

    python bench/load_api.py                       # 8 clients x 500 reports
    python bench/load_api.py --clients 4 --each 100
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.load import post_concurrently
from tests.web import TOKEN, serving


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--each", type=int, default=500)
    parser.add_argument("--wait", type=float, default=1800, help="seconds to wait for processing")
    args = parser.parse_args()
    expected = args.clients * args.each
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.sqlite"
        with serving(db, "--create") as base:
            result = post_concurrently(base, TOKEN, args.clients, args.each)
            print(
                f"{expected} posts from {args.clients} clients in {result.seconds:.1f} s "
                f"({expected / result.seconds:.0f}/s); statuses {dict(result.statuses)}; "
                f"failures {len(result.failures)}"
            )
            start = time.perf_counter()
            while time.perf_counter() - start < args.wait:
                status = httpx.get(base + "/api/status").json()
                if not status["busy"]:
                    break
                time.sleep(2)
            print(
                f"processed in a further {time.perf_counter() - start:.0f} s: "
                f"{status['stories']} stories, last error {status['last_error']}"
            )
        with sqlite3.connect(db) as stored:
            ids = [row[0] for row in stored.execute("SELECT id FROM articles")]
    lost = expected - len(set(ids) & set(result.ids))
    print(f"stored {len(ids)} articles, {len(set(ids))} distinct; lost {lost}")
    sys.exit(1 if lost or len(ids) != expected or result.failures else 0)


if __name__ == "__main__":
    main()
