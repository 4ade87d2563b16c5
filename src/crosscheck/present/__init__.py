"""Present: the stories.json contract, incidents.csv and the HTML report."""

from crosscheck.present.contract import build_contract, load_schema
from crosscheck.present.csv_export import incidents_csv
from crosscheck.present.report import render_report

__all__ = ["build_contract", "incidents_csv", "load_schema", "render_report"]
