"""The quickscan's own code lists: what kind of organisation fills it in, and the answers.

Values are the same in data/quickscan.yaml, the cookie, saved results and the tests;
labels are translated, values never are.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisatievorm(models.TextChoices):
    """How the organisation works (action 1.4.b asks for small and less formal structures)."""

    WERKGEVER = "werkgever", _("een werkgever met personeel")
    VRIJWILLIGERSORGANISATIE = (
        "vrijwilligersorganisatie",
        _("een vereniging of organisatie die vooral met vrijwilligers werkt"),
    )
    COLLECTIEF = "collectief", _("een collectief of een projectstructuur")
    KUNSTENAAR = "kunstenaar", _("een individuele kunstenaar")


class Grootte(models.TextChoices):
    """How many workers: the Welzijnswet's thresholds are 20 and 50 workers."""

    GEEN = "geen", _("geen werknemers")
    MINDER_DAN_20 = "minder-dan-20", _("1 tot 19 werknemers")
    TWINTIG_TOT_50 = "20-tot-50", _("20 tot 49 werknemers")
    VIJFTIG_OF_MEER = "50-of-meer", _("50 werknemers of meer")


class Antwoord(models.TextChoices):
    """The answer to one statement."""

    JA = "ja", _("ja")
    DEELS = "deels", _("deels")
    NEE = "nee", _("nee")
    NVT = "nvt", _("niet van toepassing")
