"""Structural check of the GitHub Action (action.yml), for scripts/test-ecosystem.sh.

The action cannot run here (it needs GitHub's runners and the code scanning API), so this checks
what can be checked offline: the YAML parses; it is a composite action with a name, a
description and branding; every `${{ inputs.X }}` it uses is declared and every declared input
is used; every `${{ steps.ID.outputs.Y }}` names an earlier step with that id whose script writes
Y to $GITHUB_OUTPUT; each `run` step has a shell and its bash parses (`bash -n`); fairlint runs
with `--format sarif` and the SARIF file goes to github/codeql-action/upload-sarif. Exits 1 with
the list of problems.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml


def check(path: Path) -> list[str]:
    problems: list[str] = []
    action = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(action, dict):
        return [f"{path}: not a YAML mapping"]
    for key in ("name", "description", "inputs", "outputs", "runs", "branding"):
        if key not in action:
            problems.append(f"missing top-level key '{key}'")
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problems.append(f"runs.using is {runs.get('using')!r}, not 'composite'")
    steps = runs.get("steps") or []
    if not steps:
        problems.append("runs.steps is empty")
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not isinstance(spec, dict) or "description" not in spec:
            problems.append(f"input '{name}' has no description")
    text = path.read_text(encoding="utf-8")
    used_inputs = set(re.findall(r"\$\{\{[^}]*\binputs\.([A-Za-z0-9_-]+)", text))
    for name in sorted(used_inputs - set(inputs)):
        problems.append(f"input '{name}' is used but not declared")
    for name in sorted(set(inputs) - used_inputs):
        problems.append(f"input '{name}' is declared but never used")

    seen: dict[str, str] = {}  # step id -> its run script
    uploads = 0
    sarif_runs = 0
    for index, step in enumerate(steps):
        where = f"step {index + 1} ({step.get('name', '?')})"
        if "name" not in step:
            problems.append(f"{where}: no name")
        blob = yaml.safe_dump(step)
        for sid, out in re.findall(r"steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)", blob):
            if sid not in seen:
                problems.append(f"{where}: uses steps.{sid} before (or without) such a step")
            elif not re.search(rf"\b{re.escape(out)}=.*GITHUB_OUTPUT", seen[sid]):
                problems.append(f"{where}: steps.{sid} never writes output '{out}'")
        if "run" in step:
            if step.get("shell") != "bash":
                problems.append(f"{where}: a run step needs `shell: bash` in a composite action")
            script = step["run"]
            # `${{ }}` expressions are substituted by the runner before bash sees the script.
            plain = re.sub(r"\$\{\{.*?\}\}", "x", script)
            syntax = subprocess.run(["bash", "-n"], input=plain, text=True, capture_output=True)
            if syntax.returncode != 0:
                problems.append(f"{where}: bash -n: {syntax.stderr.strip()}")
            if re.search(r"fairlint check\b", script):
                if "--format sarif" not in script:
                    problems.append(f"{where}: fairlint check runs without --format sarif")
                sarif_runs += 1
        elif "uses" in step:
            if step["uses"].startswith("github/codeql-action/upload-sarif@"):
                uploads += 1
                sarif_file = (step.get("with") or {}).get("sarif_file", "")
                if "sarif-file" not in str(sarif_file):
                    problems.append(f"{where}: upload-sarif is not given the SARIF file")
        else:
            problems.append(f"{where}: neither run nor uses")
        if "id" in step:
            seen[step["id"]] = step.get("run", "")
    if sarif_runs != 1:
        problems.append(f"{sarif_runs} steps run `fairlint check`, expected 1")
    if uploads != 1:
        problems.append(f"{uploads} upload-sarif steps, expected 1")
    for name, spec in (action.get("outputs") or {}).items():
        value = str((spec or {}).get("value", ""))
        if not re.search(r"steps\.[A-Za-z0-9_-]+\.outputs\.", value):
            problems.append(f"output '{name}' is not a step output")
        for sid, out in re.findall(r"steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)", value):
            if sid not in seen or not re.search(rf"\b{re.escape(out)}=.*GITHUB_OUTPUT", seen[sid]):
                problems.append(f"output '{name}': steps.{sid} does not write '{out}'")
    return problems


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "action.yml")
    problems = check(path)
    if problems:
        for p in problems:
            print(f"{path}: {p}", file=sys.stderr)
        return 1
    action = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    print(f"{path}: composite action, {len(action['inputs'])} inputs, {len(steps)} steps: structure ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
