"""Prints the search-quality figure at the end of a test run that measured it."""

import pytest

UITSLAG = pytest.StashKey["object"]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    uitslag = config.stash.get(UITSLAG, None)
    if uitslag is None:
        return
    terminalreporter.write_sep("-", "zoekkwaliteit (vangnet/zoeken/kwaliteit.py)")
    for soort, (found, total) in uitslag.per_soort().items():
        terminalreporter.write_line(f"  {soort:<14} {found}/{total}")
    for resultaat in uitslag.gemist():
        terminalreporter.write_line(
            f"  gemist: {resultaat.proef.naam!r} -> {list(resultaat.getoond[:5])}"
        )
    terminalreporter.write_line(uitslag.regel())
