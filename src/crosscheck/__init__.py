"""crosscheck: from a pile of news reports to a sourced record of what happened.

The library face is small: `Pipeline` runs ingest → analyze → link → reconcile over a store
and writes the outputs; `analyze_text` analyses one report. Both load spaCy, so they are
imported on first use and `import crosscheck` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Pipeline", "RunResult", "__version__", "analyze_text"]

if TYPE_CHECKING:
    from crosscheck.runner import Pipeline, RunResult, analyze_text


def __getattr__(name: str) -> object:
    if name in ("Pipeline", "RunResult", "analyze_text"):
        from crosscheck import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'crosscheck' has no attribute {name!r}")
