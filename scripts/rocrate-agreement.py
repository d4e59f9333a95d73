#!/usr/bin/env python3
"""Agreement of fairlint with rocrate-validator's labelled test crates.

Usage: rocrate-agreement.py FAIRLINT_BINARY CORPUS_DIR [--list] [--by-group] [--descriptor-only]
                             [--extra-args ...]

Each crate is checked as a package: copied to a scratch directory with an empty placeholder for
every payload file the corpus left out (index.tsv's last column, "name(sizeB)" entries, as the
corpus README intends), so the payload rules (A130) see the crate as upstream has it. With
--descriptor-only the metadata file alone is checked (no payload rules).

Labels come from folder names: invalid/** must give an error finding (a refusal
(parse_error/resolve_error) counts as agreement only in invalid/0_file_descriptor_format/*),
valid/** must be read and give no error finding.

The payload check (A130, rocrate-validator's "Data Entity: REQUIRED resource availability")
counts only in the cases about it (EXISTENCE_CASES). rocrate-validator's own tests run every
other case with that check skipped (`skip_checks=[SKIP_LOCAL_DATA_ENTITY_EXISTENCE_CHECK_
IDENTIFIER]` for the valid ones; the invalid ones assert a different requirement), because the
repository does not ship those crates' payload (empty directories, files left out): an A130 there
says nothing about the requirement the case tests. Such A130s are counted and listed apart.

Two figures:
- strict (the issue's criterion): an error finding for each invalid case, none for each valid;
- level-aware: an invalid case whose upstream test asserts a SHOULD (RECOMMENDED) or MAY
  (OPTIONAL) requirement (LEVELS: the level and message rocrate-validator's pytest case
  asserts) agrees when fairlint reports that requirement at that level or above (warning /
  info), as the issue's MUST / SHOULD / MAY -> error / warning / info mapping has it; MUST cases
  and valid cases are judged as in the strict figure.
"""
import json, os, re, shutil, subprocess, sys, tempfile, collections

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


# The cases whose upstream test asserts "Data Entity: REQUIRED resource availability".
EXISTENCE_CASES = re.compile(r"/missing_(file|dataset)_data_entity[^/]*$")

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# Invalid cases whose upstream pytest case asserts a SHOULD / MAY requirement: the fairlint
# severity that level maps to and a text of the requirement's message (the upstream shape's
# sh:message, or the native rule's wording of the same requirement). Levels are rocrate-
# validator 0.13.0's tests (Severity.RECOMMENDED -> warning, Severity.OPTIONAL -> info).
LEVELS = {
    "invalid/2_root_data_entity_metadata/invalid_recommended_root_date": ("warning", "datePublished should give at least the day"),
    "invalid/2_root_data_entity_metadata/missing_root_license_name": ("info", "license entity may have a name"),
    "invalid/2_root_data_entity_metadata/missing_root_license_description": ("info", "license entity may have a description"),
    "invalid/4_data_entity_metadata/invalid_encoding_format_pronom": ("warning", "encodingFormat"),
    "invalid/4_data_entity_metadata/invalid_sdDatePublished": ("warning", "sdDatePublished"),
    "invalid/4_data_entity_metadata/no_sdDatePublished": ("warning", "sdDatePublished"),
    "invalid/ro-crate-1.2/detached-bad-filename": ("warning", "metadata descriptor filename"),
    "invalid/5_provenance_run_crate/controlaction_error_not_failed_status": ("warning", "error SHOULD NOT be specified unless actionStatus"),
    "invalid/5_provenance_run_crate/organizeaction_error_not_failed_status": ("warning", "error SHOULD NOT be specified unless actionStatus"),
    "invalid/5_provenance_run_crate/howtostep_bad_buildinstructions": ("info", "HowToStep MAY have a buildInstructions"),
    "invalid/5_provenance_run_crate/howtostep_no_buildinstructions": ("info", "HowToStep MAY have a buildInstructions"),
    "invalid/5_provenance_run_crate/parameterconnection_not_referenced": ("warning", "connection to this `ParameterConnection`"),
    "invalid/5_provenance_run_crate/parameterconnection_not_step_referenced": ("warning", "Missing `HowToStep` connection"),
    "invalid/5_provenance_run_crate/parameterconnection_not_workflow_referenced": ("warning", "Missing `ComputationalWorkflow` connection"),
    "invalid/5_provenance_run_crate/propertyvalue_no_unitcode": ("warning", "SHOULD have a unitCode"),
    "invalid/5_provenance_run_crate/tool_no_environment": ("info", "A tool MAY have an environment"),
    "invalid/5_provenance_run_crate/tool_no_mainentity": ("info", "The tool MAY have a mainEntity"),
    "invalid/5_provenance_run_crate/tool_no_softwarerequirements": ("info", "MAY have a softwareRequirements"),
    "invalid/5_provenance_run_crate/workflow_no_buildinstructions": ("info", "ComputationalWorkflow / HowTo MAY have a buildInstructions"),
    "invalid/5_provenance_run_crate/workflow_no_connection": ("info", "ComputationalWorkflow may have a connection"),
}


def placeholders(column):
    """The omitted payload files of an index.tsv row: names (which may hold spaces) each
    followed by "(<size>B)", separated by spaces."""
    return [m.group(1) for m in re.finditer(r"(.+?)\((\d+)B\)(?: |$)", column.strip())]


def package(src, omitted, scratch):
    """A copy of the crate folder `src` under `scratch` with empty placeholder files."""
    dst = os.path.join(scratch, "crate")
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst, symlinks=False)
    for name in omitted:
        path = os.path.normpath(os.path.join(dst, name))
        if not path.startswith(dst + os.sep):
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "ab").close()
    return dst


def main():
    exe, corpus = sys.argv[1], sys.argv[2]
    show = "--list" in sys.argv
    extra = sys.argv[sys.argv.index("--extra-args") + 1:] if "--extra-args" in sys.argv else []
    sys.argv = sys.argv[:sys.argv.index("--extra-args")] if "--extra-args" in sys.argv else sys.argv
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(corpus, "index.tsv"))][1:]
    stats = collections.Counter()
    per_group = collections.defaultdict(collections.Counter)
    disagreements = []
    skipped_payload = []
    scratch = tempfile.mkdtemp(prefix="rocrate-agreement-")
    for row in rows:
        rel = row[0]
        label = label_of(rel)
        if label is None:
            continue
        d = os.path.join(corpus, rel)
        descriptor = next((os.path.join(d, n) for n in ("ro-crate-metadata.json", "ro-crate-metadata.jsonld")
                           if os.path.exists(os.path.join(d, n))), None)
        if "--descriptor-only" in sys.argv or descriptor is None:
            target = descriptor or d
        else:
            target = package(d, placeholders(row[4] if len(row) > 4 else ""), scratch)
        args = list(extra)
        if "--by-group" in sys.argv and rel.startswith("invalid/"):
            args += ["--profile", GROUP_PROFILE.get(rel.split("/")[1], "ro-crate-1.1")]
        p = subprocess.run([exe, "check", "--format", "ndjson", "--fail-on", "never", "--no-progress", *args, target],
                           capture_output=True, text=True)
        reports = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        refused = any("error" in r and "findings" not in r for r in reports)
        findings = [f for r in reports for f in r.get("findings", [])]
        payload_counts = bool(EXISTENCE_CASES.search(rel))
        errors = [f for f in findings if f.get("severity") == "error"
                  and (payload_counts or f.get("code") != "A130")]
        if not payload_counts and any(f.get("code") == "A130" for f in findings):
            skipped_payload.append(rel)
        group = "/".join(rel.split("/")[:2])
        if label == "invalid":
            ok = bool(errors) or (refused and rel.startswith("invalid/0_file_descriptor_format/"))
        else:
            ok = not refused and not errors
        level_ok = ok
        if label == "invalid" and not ok and rel in LEVELS:
            severity, text = LEVELS[rel]
            level_ok = any(SEVERITY_RANK.get(f.get("severity"), -1) >= SEVERITY_RANK[severity]
                           and text.lower() in f.get("message", "").lower() for f in findings)
        stats["agree" if ok else "disagree"] += 1
        stats["level_agree" if level_ok else "level_disagree"] += 1
        per_group[group]["agree" if ok else "disagree"] += 1
        if not ok:
            why = "refused: " + "; ".join(r["error"]["code"] + " " + r["error"]["message"][:120] for r in reports if "error" in r and "findings" not in r) if refused else \
                  ("errors: " + ", ".join(sorted({f["code"] for f in errors})) if errors else
                   "no error; warnings: " + ", ".join(sorted({f["code"] for f in findings if f.get("severity") == "warning"})))
            if rel in LEVELS:
                why += f" | level-aware ({LEVELS[rel][0]} '{LEVELS[rel][1]}'): " + ("agrees" if level_ok else "no such finding")
            profiles = ",".join(r.get("profile", {}).get("id", "?") for r in reports if "profile" in r)
            disagreements.append((rel, label, profiles, why))
    shutil.rmtree(scratch, ignore_errors=True)
    total = stats["agree"] + stats["disagree"]
    print(f"agreement (strict): {stats['agree']}/{total} = {100.0 * stats['agree'] / max(total, 1):.1f} %")
    print(f"agreement (level-aware): {stats['level_agree']}/{total} = {100.0 * stats['level_agree'] / max(total, 1):.1f} %")
    print(f"A130 on payload the upstream repository does not ship (not counted, as upstream's tests skip it): {len(skipped_payload)} crates")
    for g in sorted(per_group):
        c = per_group[g]
        print(f"  {g}: {c['agree']}/{c['agree'] + c['disagree']}")
    if show:
        for rel, label, prof, why in disagreements:
            print(f"DISAGREE {label:7} {rel} [{prof}] {why}")
        for rel in skipped_payload:
            print(f"A130-not-counted {rel}")

main()
