"""The static checks CI holds the code to, and the documentation build: each runs the tool
as a developer would and fails with its report."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

BIN = os.path.dirname(sys.executable)


def tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [os.path.join(BIN, args[0]), *args[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "src", "tests", "bench", "tools", "docs"),
        ("ruff", "format", "--check", "src", "tests", "bench", "tools", "docs"),
        ("mypy",),  # files and settings from pyproject.toml
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_static_checks_pass(command):
    proc = tool(*command)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_documentation_builds_without_warnings(tmp_path):
    proc = tool("mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    api = (tmp_path / "site" / "python" / "index.html").read_text()
    assert "analyze_text" in api and "RunResult" in api  # rendered from the docstrings
    contract = (tmp_path / "site" / "outputs" / "index.html").read_text()
    assert "independent_origins" in contract  # the schema's tables were generated
