# Shared by the reference-data import scripts (import-vocab.sh, import-contexts.sh,
# import-schemas.sh): download one pinned artifact from a public registry with its ordinary
# client and check its sha256. Source it after setting $work (a scratch directory).

log() { printf '%s\n' "$*" >&2; }

verify_sha256() { # file expected
  local got
  got="$(sha256sum "$1" | cut -d' ' -f1)"
  if [[ "$got" != "$2" ]]; then
    log "sha256 mismatch for $(basename "$1"): expected $2, got $got"
    exit 1
  fi
  log "ok  sha256 $(basename "$1")"
}

# fetch_pypi NAME VERSION FILE SHA256 [KIND]   (KIND: wheel (default) | sdist)
# Prints the path of the verified artifact.
fetch_pypi() {
  local name="$1" ver="$2" file="$3" sha="$4" kind="${5:-wheel}" dest
  dest="$work/pypi-$name-$ver"
  mkdir -p "$dest"
  local fmt=(--only-binary=:all:)
  [[ "$kind" == sdist ]] && fmt=(--no-binary=:all:)
  # --no-deps: only the one artifact; the sha256 pins its exact bytes.
  pip download --quiet --no-deps --disable-pip-version-check "${fmt[@]}" \
    --dest "$dest" "$name==$ver" >&2
  [[ -f "$dest/$file" ]] || { log "expected $file from PyPI $name==$ver"; ls "$dest" >&2; exit 1; }
  verify_sha256 "$dest/$file" "$sha"
  printf '%s\n' "$dest/$file"
}

# fetch_npm NAME VERSION FILE SHA256 -> path of the verified tarball
fetch_npm() {
  local name="$1" ver="$2" file="$3" sha="$4" dest
  dest="$work/npm-$name-$ver"
  mkdir -p "$dest"
  (cd "$dest" && npm pack --silent --loglevel=error "$name@$ver" >/dev/null)
  [[ -f "$dest/$file" ]] || { log "expected $file from npm $name@$ver"; ls "$dest" >&2; exit 1; }
  verify_sha256 "$dest/$file" "$sha"
  printf '%s\n' "$dest/$file"
}
