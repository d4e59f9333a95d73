#!/usr/bin/env python3
"""Agreement of fairlint with rocrate-validator's labelled test crates.

Usage: rocrate-agreement.py FAIRLINT_BINARY CORPUS_DIR [--list] [--by-group] [--extra-args ...]

Labels come from folder names: invalid/** must give an error finding (a refusal
(parse_error/resolve_error) counts as agreement only in invalid/0_file_descriptor_format/*),
valid/** must be read and give no error finding. rocrate-1.2/** cases are reported separately
(label from the case name: 'invalid'/'missing'/'wrong'/'bad'/'no_' => invalid, 'valid' => valid).
"""
import json, os, subprocess, sys, collections

def label_of(rel):
    # A case folder named valid_* inside an invalid/<group>/ folder is a passing case of that
    # group (rocrate-validator's tests assert it validates).
    if rel.startswith("invalid/") and rel.rstrip("/").split("/")[-1].startswith("valid"):
        return "valid"
    if rel.startswith("invalid/"):
        return "invalid"
    if rel.startswith("valid/"):
        return "valid"
    return None

# rocrate-validator's tests check each invalid/<group> crate against the profile the group is
# about (`profile_identifier=` in its pytest files); with --by-group the harness does the same.
GROUP_PROFILE = {
    "0_main_workflow": "workflow-ro-crate-1.0",
    "1_wroc_crate": "workflow-ro-crate-1.0",
    "3_process_run_crate": "process-run-crate-0.5",
    "4_workflow_run_crate": "workflow-run-crate-0.5",
    "5_provenance_run_crate": "provenance-run-crate-0.5",
    "5_workflow_testing_ro_crate": "workflow-testing-ro-crate-0.1",
    "ro-crate-1.2": "ro-crate-1.2",
}


def main():
    exe, corpus = sys.argv[1], sys.argv[2]
    show = "--list" in sys.argv
    extra = sys.argv[sys.argv.index("--extra-args") + 1:] if "--extra-args" in sys.argv else []
    sys.argv = sys.argv[:sys.argv.index("--extra-args")] if "--extra-args" in sys.argv else sys.argv
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(corpus, "index.tsv"))][1:]
    stats = collections.Counter()
    per_group = collections.defaultdict(collections.Counter)
    disagreements = []
    for row in rows:
        rel = row[0]
        label = label_of(rel)
        if label is None:
            continue
        d = os.path.join(corpus, rel)
        target = d
        for name in ("ro-crate-metadata.json", "ro-crate-metadata.jsonld"):
            if os.path.exists(os.path.join(d, name)):
                target = os.path.join(d, name)
                break
        if os.environ.get("ROCRATE_AGREEMENT_DIRS"):
            target = d
        args = list(extra)
        if "--by-group" in sys.argv and rel.startswith("invalid/"):
            args += ["--profile", GROUP_PROFILE.get(rel.split("/")[1], "ro-crate-1.1")]
        p = subprocess.run([exe, "check", "--format", "ndjson", "--fail-on", "never", "--no-progress", *args, target],
                           capture_output=True, text=True)
        reports = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        refused = any("error" in r and "findings" not in r for r in reports)
        errors = [f for r in reports for f in r.get("findings", []) if f.get("severity") == "error"]
        group = "/".join(rel.split("/")[:2])
        if label == "invalid":
            ok = bool(errors) or (refused and rel.startswith("invalid/0_file_descriptor_format/"))
        else:
            ok = not refused and not errors
        stats["agree" if ok else "disagree"] += 1
        per_group[group]["agree" if ok else "disagree"] += 1
        if not ok:
            why = "refused: " + "; ".join(r["error"]["code"] + " " + r["error"]["message"][:120] for r in reports if "error" in r and "findings" not in r) if refused else \
                  ("errors: " + ", ".join(sorted({f["code"] for f in errors})) if errors else
                   "no error; warnings: " + ", ".join(sorted({f["code"] for r in reports for f in r.get("findings", []) if f.get("severity") == "warning"})))
            profiles = ",".join(r.get("profile", {}).get("id", "?") for r in reports if "profile" in r)
            disagreements.append((rel, label, profiles, why))
    total = stats["agree"] + stats["disagree"]
    print(f"agreement: {stats['agree']}/{total} = {100.0 * stats['agree'] / max(total, 1):.1f} %")
    for g in sorted(per_group):
        c = per_group[g]
        print(f"  {g}: {c['agree']}/{c['agree'] + c['disagree']}")
    if show:
        for rel, label, prof, why in disagreements:
            print(f"DISAGREE {label:7} {rel} [{prof}] {why}")

main()
