#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (a test tool's own browser download cannot work
# here). Install it with apt-get when it is missing; do nothing when it is there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Chromium is missing: installing Debian's chromium package (once)..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Two test runs started together on a fresh machine both install it: the second waits for
# the first's lock (then finds nothing left to do) instead of failing.
LOCK="-o DPkg::Lock::Timeout=900"
$SUDO apt-get $LOCK update -qq
$SUDO apt-get $LOCK install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
