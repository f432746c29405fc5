#!/usr/bin/env python3
"""The bench's Python baseline: the report's figures, the plain way.

Reads every log of a workspace (logs/**/*.yaml and *.yml) in full with
PyYAML's C loader, then computes the figures `revitalize report` gives for
the month and the year to date, each as metric-definitions.ts defines it:
counts and sums by kind of entry, the mean evaluation score, the villages
the joint organisations cover, and from the suggestion ledger the
suggestions resolved, the resolution rate (办结率) and the backlog at month
end. No checking, no per-village figures, no rendering: a script someone
might write instead of using the tool, which is what the tool is compared
with.

    python3 scripts/bench/headline-figures.py <workspace> <YYYY-MM>

Prints {"files", "entries", "month", "figures": {key: {"month", "ytd"}}}
as JSON; the bench checks the figures against the JSON report's.
"""

import calendar
import json
import os
import sys

import yaml

JIN_PER_UNIT = {"斤": 1, "jin": 1, "公斤": 2, "kg": 2, "吨": 2000, "t": 2000}

# Counted: one per entry of the kind.
COUNTS = {
    "organization.joint-orgs": "joint-org",
    "organization.projects": "project",
    "talent.cultivated": "talent",
    "talent.returnees": "returnee",
    "talent.cooperatives": "cooperative",
    "talent.livelihood-projects": "livelihood-project",
    "talent.trainings": "training",
    "talent.education-upgrades": "education",
    "night-talk.sessions": "session",
    "night-talk.suggestions": "suggestion",
    "ecology.teams": "team",
    "ecology.joint-actions": "joint-action",
    "ecology.evaluations": "evaluation",
}

# Summed: an amount per entry of the kind.
SUMS = {
    "organization.investment": ("project", lambda entry: entry.get("investment") or 0),
    "organization.sales-jin": ("sale", lambda entry: float(entry["quantity"]) * JIN_PER_UNIT[entry["unit"]]),
    "talent.mentees": ("mentoring", lambda entry: len(entry["mentees"])),
    "talent.training-attendance": ("training", lambda entry: entry["attendees"]),
    "night-talk.attendance": ("session", lambda entry: entry["attendees"]),
    "ecology.team-members": ("team", lambda entry: entry["members"]),
}


def find_log_files(folder):
    found = []
    for parent, folders, files in os.walk(folder):
        folders.sort()
        found.extend(os.path.join(parent, name) for name in sorted(files) if name.endswith((".yaml", ".yml")))
    return found


def day(value):
    # The C loader makes a datetime.date of an unquoted date; the report compares days as text.
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def month_windows(month):
    year, number = (int(part) for part in month.split("-"))
    end = f"{month}-{calendar.monthrange(year, number)[1]:02d}"
    return {"month": (f"{month}-01", end), "ytd": (f"{year}-01-01", end)}


def within(date, window):
    return window[0] <= date <= window[1]


def round_sum(value):
    return round(value * 1e6) / 1e6


def compute_figures(entries, month):
    windows = month_windows(month)
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.get("kind"), []).append(entry)

    # The suggestion ledger: resolved by an inline `resolved` date or by one `resolution` entry naming it.
    resolved_on = {}
    for suggestion in by_kind.get("suggestion", []):
        if suggestion.get("resolved") is not None:
            resolved_on[suggestion["id"]] = day(suggestion["resolved"])
    for resolution in by_kind.get("resolution", []):
        resolved_on.setdefault(resolution["ref"], day(resolution["date"]))
    suggestions = [(day(s["date"]), resolved_on.get(s["id"])) for s in by_kind.get("suggestion", [])]

    figures = {}
    for name, window in windows.items():
        in_window = {kind: [e for e in items if within(day(e["date"]), window)] for kind, items in by_kind.items()}
        values = {key: len(in_window.get(kind, [])) for key, kind in COUNTS.items()}
        for key, (kind, amount) in SUMS.items():
            values[key] = round_sum(sum(amount(entry) for entry in in_window.get(kind, [])))
        covered = {village for entry in in_window.get("joint-org", []) for village in entry["villages"]}
        values["organization.villages-covered"] = len(covered)
        scores = [entry["score"] for entry in in_window.get("evaluation", [])]
        values["ecology.average-score"] = sum(scores) / len(scores) if scores else None

        end = window[1]
        collected = [resolved for date, resolved in suggestions if within(date, window)]
        resolved_by_end = [resolved for resolved in collected if resolved is not None and resolved <= end]
        values["night-talk.resolved"] = sum(1 for _, resolved in suggestions if resolved is not None and within(resolved, window))
        values["night-talk.resolution-rate"] = len(resolved_by_end) / len(collected) if collected else None
        # A stock: the backlog on the window's last day, the same for the month and the year to date.
        values["night-talk.open"] = sum(1 for date, resolved in suggestions if date <= end and (resolved is None or resolved > end))
        for key, value in values.items():
            figures.setdefault(key, {})[name] = value
    return figures


def main(arguments):
    if len(arguments) != 2:
        print("usage: python3 scripts/bench/headline-figures.py <workspace> <YYYY-MM>", file=sys.stderr)
        return 2
    workspace, month = arguments
    files = find_log_files(os.path.join(workspace, "logs"))
    entries = []
    for file in files:
        with open(file, encoding="utf-8") as stream:
            document = yaml.load(stream.read(), Loader=yaml.CLoader)
        if isinstance(document, dict) and isinstance(document.get("entries"), list):
            entries.extend(document["entries"])
    figures = compute_figures(entries, month)
    print(json.dumps({"files": len(files), "entries": len(entries), "month": month, "figures": figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
