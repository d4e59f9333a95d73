#!/usr/bin/env bash
# Ecosystem integrations, each exercised as a user would:
#   - the pre-commit hook (.pre-commit-hooks.yaml) with the pinned pre-commit from PyPI, on a
#     scratch git repository: `pre-commit try-repo` with this working tree as the hook repo, and
#     `pre-commit install` + `git commit` with this repository's HEAD as `repo:`/`rev:`; a good
#     record passes, a bad one fails the hook, other JSON is not checked;
#   - the GitHub Action (action.yml): its structure (it cannot run here: it needs GitHub's
#     runners; the YAML, the inputs and outputs it uses, the upload-sarif step, the bash of
#     each step);
#   - the manual page (`fairlint man`) renders with man(1).
# The shell completions and the roff are tested in fair-cli's tests (tests/shell.rs).
# No network beyond PyPI (pre-commit) and apt (man-db, only when man is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
ROOT="$PWD"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
PRE_COMMIT_VERSION=4.7.0
TOOLS="${FAIRLINT_TOOLS:-$HOME/.cache/fairlint-tools}"
step() { printf '\n==> %s\n' "$*"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
bash scripts/import-rocrate-profiles.sh

step "the fairlint CLI (the hook is language: system: it runs the fairlint on PATH)"
cargo build --quiet -p fair-cli
export PATH="$TARGET_DIR/debug:$PATH"
command -v fairlint

step "pre-commit ${PRE_COMMIT_VERSION} (PyPI) in $TOOLS/pre-commit-${PRE_COMMIT_VERSION}"
PC_VENV="$TOOLS/pre-commit-${PRE_COMMIT_VERSION}"
if ! "$PC_VENV/bin/pre-commit" --version 2>/dev/null | grep -qx "pre-commit ${PRE_COMMIT_VERSION}"; then
  rm -rf "$PC_VENV"
  python3 -m venv "$PC_VENV"
  "$PC_VENV/bin/pip" install --quiet --disable-pip-version-check "pre-commit==${PRE_COMMIT_VERSION}"
fi
PRE_COMMIT="$PC_VENV/bin/pre-commit"
"$PRE_COMMIT" --version

step "pre-commit: the hook on a scratch repository"
SCRATCH="$TARGET_DIR/ecosystem/pre-commit"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/repo"
export PRE_COMMIT_HOME="$SCRATCH/home"   # pre-commit's clones and logs, kept out of ~/.cache
cd "$SCRATCH/repo"
git init --quiet --initial-branch=main .
git config user.email "test@example.org"
git config user.name "fairlint test"
git config commit.gpgsign false
cp "$ROOT/examples/dataset.jsonld" good.jsonld
printf '%s\n' '{"@context": "https://schema.org/", "@type": "Dataset", "@id": "https://example.org/ds/1",' \
  ' "name": "Broken", "identifier": "doi:10.1234", "license": "not a licence" }' >bad.jsonld
printf '%s\n' '{"name": "not-metadata", "version": "1.0.0"}' >package.json
fairlint check --no-progress good.jsonld >/dev/null || fail "examples/dataset.jsonld should pass fairlint check"
if fairlint check --no-progress bad.jsonld >/dev/null; then fail "bad.jsonld should fail fairlint check"; fi
git add good.jsonld bad.jsonld package.json

# 1. try-repo: the working tree as the hook repository (uncommitted changes included).
"$PRE_COMMIT" try-repo "$ROOT" fairlint --files good.jsonld package.json >"$SCRATCH/good.log" 2>&1 ||
  { cat "$SCRATCH/good.log"; fail "the hook failed on a good record"; }
grep -q "fairlint.*Passed" "$SCRATCH/good.log" || { cat "$SCRATCH/good.log"; fail "the hook did not run on good.jsonld"; }
if "$PRE_COMMIT" try-repo "$ROOT" fairlint --files bad.jsonld >"$SCRATCH/bad.log" 2>&1; then
  cat "$SCRATCH/bad.log"
  fail "the hook passed a bad record"
fi
grep -q "fairlint.*Failed" "$SCRATCH/bad.log" || { cat "$SCRATCH/bad.log"; fail "the hook did not fail"; }
grep -q "bad.jsonld" "$SCRATCH/bad.log" || { cat "$SCRATCH/bad.log"; fail "the hook's output does not name the file"; }
# package.json alone: no file matches the hook's `files`, so it is skipped, not failed.
"$PRE_COMMIT" try-repo "$ROOT" fairlint --files package.json >"$SCRATCH/other.log" 2>&1 ||
  { cat "$SCRATCH/other.log"; fail "the hook checked package.json"; }
grep -q "fairlint.*no files to check.*Skipped" "$SCRATCH/other.log" ||
  { cat "$SCRATCH/other.log"; fail "package.json was not skipped"; }
echo "try-repo: good record passed, bad record failed, package.json skipped"

# 2. As users configure it: repo = this repository, rev = its HEAD commit (a local clone, no
#    network), `pre-commit install`, then commits.
REV="$(git -C "$ROOT" rev-parse HEAD)"
if git -C "$ROOT" cat-file -e "$REV:.pre-commit-hooks.yaml" 2>/dev/null; then
  cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $ROOT
    rev: $REV
    hooks:
      - id: fairlint
YAML
  git reset --quiet
  git add .pre-commit-config.yaml good.jsonld package.json
  "$PRE_COMMIT" install >/dev/null
  git commit --quiet -m "good record" >"$SCRATCH/commit-good.log" 2>&1 ||
    { cat "$SCRATCH/commit-good.log"; fail "commit of a good record was refused"; }
  git add bad.jsonld
  if git commit --quiet -m "bad record" >"$SCRATCH/commit-bad.log" 2>&1; then
    cat "$SCRATCH/commit-bad.log"
    fail "commit of a bad record was accepted"
  fi
  grep -q "fairlint.*Failed" "$SCRATCH/commit-bad.log" || { cat "$SCRATCH/commit-bad.log"; fail "no hook failure"; }
  echo "pre-commit install: commit of a good record accepted, of a bad one refused (rev $REV)"
else
  fail "HEAD ($REV) of $ROOT has no .pre-commit-hooks.yaml: commit it first"
fi
cd "$ROOT"

step "GitHub Action: action.yml structure (not executed: it needs GitHub's runners)"
"$PC_VENV/bin/python" scripts/lib/check_action.py action.yml

step "manual page: fairlint man renders with man(1)"
if ! command -v man >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q man-db
fi
MAN_DIR="$TARGET_DIR/ecosystem/man"
mkdir -p "$MAN_DIR"
fairlint man >"$MAN_DIR/fairlint.1"
MANWIDTH=100 man -l "$MAN_DIR/fairlint.1" 2>"$MAN_DIR/warnings.txt" >"$MAN_DIR/fairlint.txt"
if [ -s "$MAN_DIR/warnings.txt" ]; then
  cat "$MAN_DIR/warnings.txt"
  fail "man reported warnings"
fi
for word in NAME SYNOPSIS check fix profiles rules completions man; do
  grep -qw "$word" "$MAN_DIR/fairlint.txt" || fail "the rendered man page lacks '$word'"
done
echo "man page: $(wc -l <"$MAN_DIR/fairlint.txt") lines rendered"
echo "ecosystem: all checks passed"
