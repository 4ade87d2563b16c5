"""MkDocs hook: pages whose reference part is generated from the code, so it cannot drift.

`<!-- schema: stories -->` in a page becomes a table per record of that JSON Schema, and
`<!-- openapi -->` the table of the HTTP API's operations from the OpenAPI document the
server itself serves.
"""

from __future__ import annotations

import re
from pathlib import Path

_SCHEMA = re.compile(r"<!-- schema: (\w+) -->")
_OPENAPI = "<!-- openapi -->"


def on_page_markdown(markdown: str, **_: object) -> str:
    markdown = _SCHEMA.sub(lambda m: schema_tables(m.group(1)), markdown)
    if _OPENAPI in markdown:
        markdown = markdown.replace(_OPENAPI, openapi_table())
    return markdown


def schema_tables(name: str) -> str:
    from crosscheck.present import load_schema

    schema = load_schema(name)
    parts = [_table(f"`{name}` document", schema)]
    for record, definition in schema.get("$defs", {}).items():
        parts.append(_table(f"`{record}`", definition))
    return "\n\n".join(parts)


def _table(title: str, definition: dict) -> str:
    rows = [f"#### {title}", ""]
    if definition.get("description"):
        rows += [_one_line(definition["description"]), ""]
    properties = definition.get("properties", {})
    if not properties:
        return "\n".join([*rows, f"Type: {_type(definition)}."])
    required = set(definition.get("required", ()))
    rows += ["| field | type | required | meaning |", "| --- | --- | --- | --- |"]
    for field, spec in properties.items():
        meaning = _one_line(spec.get("description", ""))
        rows.append(
            f"| `{field}` | {_type(spec)} | {'yes' if field in required else ''} | {meaning} |"
        )
    return "\n".join(rows)


def _type(spec: dict) -> str:
    if "$ref" in spec:
        return f"`{spec['$ref'].rsplit('/', 1)[-1]}`"
    if "enum" in spec:
        return " \\| ".join(f"`{v}`" for v in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type", "any")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        return f"list of {_type(spec.get('items', {}))}"
    if "anyOf" in spec or "oneOf" in spec:
        return " or ".join(_type(s) for s in spec.get("anyOf", spec.get("oneOf", [])))
    return kind


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def openapi_table() -> str:
    from crosscheck.present.web import ServerSettings, create_app

    document = create_app(ServerSettings(db=Path("unused.sqlite"), process=False)).openapi()
    rows = ["| method | path | what it does |", "| --- | --- | --- |"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            summary = _one_line(operation.get("summary", ""))
            details = _one_line(operation.get("description", ""))
            rows.append(f"| {method.upper()} | `{path}` | {summary}. {details} |")
    return "\n".join(rows)
