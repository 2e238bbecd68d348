#!/usr/bin/env python3
"""Rewrites the values tables of the chart READMEs and of helm/README.md from the `# --` comments in values.yaml.

Everything above the marker line in a README is hand-written and kept; everything below it is generated.
ChartConsistencyTest checks that every value appears in the READMEs. Needs PyYAML (Debian: python3-yaml).
Run from anywhere: python3 helm/tools/readmes.py
"""
import json
import os
import re

import yaml

HELM = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MARKER = "<!-- Generated below by helm/tools/readmes.py from the values files: edit those, not this. -->"


def rows(path):
    """(dotted key, default, description) for each key preceded by a `# --` comment."""
    with open(path) as f:
        text = f.read()
    data = yaml.safe_load(text)
    out, stack, pending = [], [], []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("# --"):
            pending = [stripped[4:].strip()]
            continue
        if stripped.startswith("#"):
            if pending:
                pending.append(stripped[1:].strip())
            continue
        match = re.match(r"^(\s*)([A-Za-z0-9_.-]+):(\s.*)?$", line)
        if not match:
            continue
        indent, key = len(match.group(1)), match.group(2)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, key))
        if pending:
            value = data
            for _, k in stack:
                value = value[k]
            out.append((".".join(k for _, k in stack), value, " ".join(pending)))
            pending = []
    return out


def cell(value):
    if isinstance(value, str):
        return '`""`' if value == "" else "`" + value.replace("|", "\\|") + "`"
    return "`" + json.dumps(value, ensure_ascii=False).replace("|", "\\|") + "`"


def table(values_file):
    lines = ["| Key | Default | Description |", "|---|---|---|"]
    for key, value, description in rows(values_file):
        lines.append(f"| `{key}` | {cell(value)} | {description} |")
    return "\n".join(lines)


def rewrite(readme, generated):
    with open(readme) as f:
        text = f.read()
    if MARKER not in text:
        raise SystemExit(f"{readme} has no marker line {MARKER}")
    with open(readme, "w") as f:
        f.write(text.split(MARKER)[0] + MARKER + "\n\n" + generated + "\n")


if __name__ == "__main__":
    services = ["initiative-service", "kpi-service", "budget-service"]
    for svc in services:
        rewrite(os.path.join(HELM, "charts", svc, "README.md"), table(os.path.join(HELM, "charts", svc, "values.yaml")))
    rewrite(os.path.join(HELM, "charts", "portal", "README.md"), table(os.path.join(HELM, "charts", "portal", "values.yaml")))
    umbrella = table(os.path.join(HELM, "nq57", "values.yaml"))
    rewrite(os.path.join(HELM, "nq57", "README.md"), umbrella)
    rewrite(os.path.join(HELM, "README.md"),
            "### Umbrella chart `nq57`\n\n" + umbrella + "\n\n"
            "### Each service chart (under `initiative-service`, `kpi-service`, `budget-service` in the umbrella's values)\n\n"
            "Defaults shown for initiative-service; kpi-service uses port 8082 and database `nq57_kpi`, "
            "budget-service port 8083 and `nq57_budget`.\n\n"
            + table(os.path.join(HELM, "charts", "initiative-service", "values.yaml")))
