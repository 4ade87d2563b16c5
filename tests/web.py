"""Helpers for tests that run `crosscheck serve` for real: a free port, the server as a
subprocess, and the browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

TOKEN = "test-token-4f9c"
ARTIFACTS = Path(
    os.environ.get("CROSSCHECK_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts")
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, *extra: str, token: str | None = TOKEN):
    """`crosscheck serve` on a loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "CROSSCHECK_TOKEN": token or ""}
    # A file, not a pipe: a pipe nobody reads fills up and blocks the server's logging.
    log = db.with_suffix(".log")
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crosscheck",
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
                *list(extra),
            ],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, proc, log)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()


def _wait_ready(base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text()}")
        try:
            if httpx.get(base + "/api/status", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("server did not start within 60 s")


def chromium_path() -> str:
    """The system Chromium; CI (.ci/run) installs it and sets CROSSCHECK_BROWSER_REQUIRED,
    so a missing browser fails there instead of skipping."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CROSSCHECK_BROWSER_REQUIRED"):
        pytest.fail("Chromium is required (CROSSCHECK_BROWSER_REQUIRED) but not installed")
    pytest.skip("no Chromium on this machine (apt-get install chromium)")


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def overlapping(boxes: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of bounding boxes (Playwright's x, y, width, height) that overlap."""
    return [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    ]
