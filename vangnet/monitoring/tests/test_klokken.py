"""The deadline figures count what the reporting channel means by each clock.

An acknowledgement is not feedback (docs/meldingen.md, "The two clocks"): a case whose
team only confirmed receipt is counted as acknowledged in time and as feedback still due.
"""

from datetime import timedelta

from django.utils import timezone

import pytest

from vangnet.meldingen import acties
from vangnet.meldingen.choices import Auteur
from vangnet.meldingen.models import Melding
from vangnet.meldingen.tests.factories import InzendingFactory, maak_team, sleutel_van
from vangnet.monitoring.periodes import Kwartaal
from vangnet.monitoring.telling import alle_meldingen, tel

pytestmark = pytest.mark.django_db


def _stand(naam: str) -> dict[str, int]:
    nu = timezone.now()
    uit = tel(alle_meldingen(), [Kwartaal.van_moment(nu)], [naam], nu=nu)
    return {waarden[0]: n for (_kw, *waarden), n in uit.cellen.items()}


def test_an_acknowledgement_alone_leaves_the_feedback_clock_running_in_the_figures():
    team = maak_team()
    hanne = team.leden["hanne"]
    enkel_erkend, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    teruggekoppeld, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    for melding, terugkoppeling in ((enkel_erkend, False), (teruggekoppeld, True)):
        acties.stuur_bericht(
            melding,
            sleutel_van(melding, hanne),
            "Goed ontvangen." if not terugkoppeling else "We doen dit, en daarom.",
            auteur=Auteur.BEHANDELAAR,
            behandelaar=hanne.behandelaar,
            terugkoppeling=terugkoppeling,
        )
    assert _stand("erkenning") == {"op-tijd": 2}
    assert _stand("terugkoppeling") == {"op-tijd": 1, "loopt": 1}


def test_feedback_given_late_is_counted_late():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    Melding.objects.filter(pk=melding.pk).update(ontvangen_op=timezone.now() - timedelta(days=95))
    melding.refresh_from_db()
    acties.stuur_bericht(
        melding,
        sleutel_van(melding, hanne),
        "Laat, maar: dit doen we.",
        auteur=Auteur.BEHANDELAAR,
        behandelaar=hanne.behandelaar,
        terugkoppeling=True,
    )
    nu = timezone.now()
    kwartalen = sorted({Kwartaal.van_moment(melding.ontvangen_op), Kwartaal.van_moment(nu)})
    uit = tel(alle_meldingen(), kwartalen, ["terugkoppeling"], nu=nu)
    assert {w[0] for (_kw, *w) in uit.cellen} == {"te-laat"}
