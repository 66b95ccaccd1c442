#!/usr/bin/env bash
# make test: pip-audit of the locked dependencies (requirements.txt) against PyPI's
# vulnerability data. Where that cannot be reached (an offline machine, a network that only
# reaches a package mirror), it says so and skips: the audit then runs elsewhere (CI with
# network, Dependabot's alerts), never silently.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
if ! "$VENV/bin/python" - <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen("https://pypi.org/pypi/pip-audit/json", timeout=10) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
then
    echo "NOTICE: pip-audit skipped: PyPI's vulnerability data cannot be reached from here."
    exit 0
fi
# --disable-pip: audit the file, install nothing (its hashes are checked).
uitvoer=$("$VENV/bin/pip-audit" --requirement requirements.txt --require-hashes --disable-pip \
    --progress-spinner off 2>&1)
status=$?
totaal=$(grep -c '^[A-Za-z0-9_.-]*==' requirements.txt)
overgeslagen=$(grep -c 'could not be audited' <<<"$uitvoer")
if [ "$overgeslagen" -ge "$totaal" ]; then
    echo "NOTICE: pip-audit skipped: PyPI has no vulnerability data for these releases here" \
        "($overgeslagen of $totaal packages not found: a mirror, not PyPI itself)."
    exit 0
fi
grep -v 'could not be audited' <<<"$uitvoer"
[ "$overgeslagen" -gt 0 ] && echo "NOTICE: $overgeslagen of $totaal packages could not be audited."
exit $status
