"""Shared set-up of the monitoring tests: synthetic cases at a fixed moment.

``nu`` is 1 March 2026: 2024 and 2025 are whole years, 2026 has begun.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest

from vangnet.monitoring import momentopname, synthetisch

NU = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def nu(monkeypatch):
    """The platform's clock stands on ``NU`` for the whole test."""
    monkeypatch.setattr(timezone, "now", lambda: NU)
    return NU


@pytest.fixture
def twee_jaar(db, nu):
    """2,000 synthetic cases over two years before ``NU``, their ended quarters fixed."""
    synthetisch.maak_meldingen(2000, jaren=2, zaad=7, nu=nu)
    momentopname.leg_vast(nu, wachttijd=momentopname.timedelta(0))
    return nu
