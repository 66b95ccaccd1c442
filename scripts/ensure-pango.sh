#!/usr/bin/env bash
# WeasyPrint (the posters, ADR 0012) lays out text with Pango, a system library that pip
# cannot install. Install Debian's package when it is missing; do nothing when it is there.
set -euo pipefail
if ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then
  exit 0
fi
echo "Pango is missing: installing Debian's libpangoft2-1.0-0 package (once)..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
