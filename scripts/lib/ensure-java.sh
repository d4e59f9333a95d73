#!/usr/bin/env bash
# A Java runtime for Spark (pyspark 4 needs Java 17 or 21): nothing to do when `java -version`
# works; else Debian's default-jre-headless (Java 17 on bookworm) through apt-get, with sudo
# when not root. Idempotent.
set -euo pipefail
if java -version >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "==> Java: apt-get install default-jre-headless" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless
java -version
