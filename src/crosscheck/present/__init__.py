"""Present: the stories.json contract, incidents.csv and the HTML report."""

from crosscheck.present.contract import build_contract, load_schema
from crosscheck.present.csv_export import write_incidents_csv
from crosscheck.present.report import render_report, write_report

__all__ = ["build_contract", "load_schema", "render_report", "write_incidents_csv", "write_report"]
