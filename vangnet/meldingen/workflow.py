"""The case path: one explicit state machine, and the only place a case changes status.

    ontvangen → in-gesprek → één of meer van advies, bemiddeling, doorverwezen,
    formele-procedure → nazorg → afgesloten

A step of the restorative chain (action 2.1) is taken only with the reporter's
recorded consent for it (the consent ledger, ``Toestemming``). A case may be closed
from any open status, with an outcome: a reporter may withdraw, or never come back.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vangnet.meldingen.choices import Auteur, Handeling, Stap, Status, Uitkomst
from vangnet.meldingen.models import Behandelaar, Melding, Statusovergang

_STAPPEN = {Status.ADVIES, Status.BEMIDDELING, Status.DOORVERWEZEN, Status.FORMELE_PROCEDURE}

TOEGELATEN_OVERGANGEN: dict[str, set[str]] = {
    Status.ONTVANGEN: {Status.IN_GESPREK, Status.AFGESLOTEN},
    Status.IN_GESPREK: _STAPPEN | {Status.NAZORG, Status.AFGESLOTEN},
    **{stap: (_STAPPEN - {stap}) | {Status.NAZORG, Status.AFGESLOTEN} for stap in _STAPPEN},
    Status.NAZORG: {Status.AFGESLOTEN},
    Status.AFGESLOTEN: set(),
}

VEREISTE_TOESTEMMING: dict[str, str] = {
    Status.ADVIES: Stap.ADVIES,
    Status.BEMIDDELING: Stap.BEMIDDELING,
    Status.DOORVERWEZEN: Stap.DOORVERWIJZING,
    Status.FORMELE_PROCEDURE: Stap.FORMELE_PROCEDURE,
}

# What the reporter reads on their follow-up page, in plain words.
IN_GEWONE_WOORDEN: dict[str, str] = {
    Status.ONTVANGEN: _("Je melding is goed aangekomen. Iemand van het team leest ze binnenkort."),
    Status.IN_GESPREK: _("Iemand van het team heeft je melding gelezen en volgt ze op."),
    Status.ADVIES: _("Het team geeft je advies over wat je kunt doen."),
    Status.BEMIDDELING: _("Er loopt een bemiddeling of herstelgesprek."),
    Status.DOORVERWEZEN: _("Je bent, met je toestemming, doorverwezen."),
    Status.FORMELE_PROCEDURE: _("Er loopt een formele procedure."),
    Status.NAZORG: _("Het team volgt nog op hoe het met je gaat."),
    Status.AFGESLOTEN: _("Deze melding is afgesloten."),
}


class OngeldigeOvergang(Exception):
    """A status change the case path does not allow, with a message for the handler."""


def volgende_statussen(melding: Melding) -> list[str]:
    """Where the case may go from here, in the order of the path."""
    toegelaten = TOEGELATEN_OVERGANGEN[melding.status]
    return [status for status in Status.values if status in toegelaten]


def ontbrekende_toestemming(melding: Melding, naar: str) -> str | None:
    """The consent step still missing for ``naar``, or None."""
    stap = VEREISTE_TOESTEMMING.get(naar)
    if stap is None:
        return None
    if melding.toestemmingen.filter(stap=stap, beslissing="gegeven").exists():
        return None
    return stap


def verander_status(
    melding: Melding,
    naar: str,
    *,
    door: Behandelaar | None,
    uitkomst: str = "",
) -> Statusovergang:
    """Move ``melding`` to ``naar``, or raise ``OngeldigeOvergang`` saying why not.

    Records who and when; closing requires an outcome for monitoring.
    """
    from vangnet.meldingen import audit

    gegeven = melding
    with transaction.atomic():
        melding = Melding.objects.select_for_update().get(pk=melding.pk)
        if melding.vernietigd_op:
            raise OngeldigeOvergang(_("Deze melding is vernietigd."))
        if naar not in TOEGELATEN_OVERGANGEN[melding.status]:
            raise OngeldigeOvergang(
                _("Van “%(van)s” kan een melding niet naar “%(naar)s”.")
                % {"van": Status(melding.status).label, "naar": Status(naar).label}
                if naar in Status.values
                else _("Onbekende status.")
            )
        stap = ontbrekende_toestemming(melding, naar)
        if stap is not None:
            raise OngeldigeOvergang(
                _("Daarvoor is eerst de toestemming van de melder nodig (%(stap)s).")
                % {"stap": Stap(stap).label}
            )
        if naar == Status.AFGESLOTEN and uitkomst not in Uitkomst.values:
            raise OngeldigeOvergang(_("Kies een uitkomst om de melding af te sluiten."))
        nu = timezone.now()
        overgang = Statusovergang.objects.create(
            melding=melding,
            van=melding.status,
            naar=naar,
            auteur=Auteur.BEHANDELAAR if door else Auteur.SYSTEEM,
            behandelaar=door,
            tijd=nu,
        )
        melding.status = naar
        velden = ["status", "nieuws_voor_melder"]
        melding.nieuws_voor_melder = True
        if naar != Status.ONTVANGEN and not melding.erkend_op:
            melding.erkend_op = nu
            velden.append("erkend_op")
        if naar == Status.AFGESLOTEN:
            melding.afgesloten_op = nu
            melding.uitkomst = uitkomst
            velden += ["afgesloten_op", "uitkomst"]
        melding.save(update_fields=velden)
        for veld in velden:  # the caller's copy stays true to the database
            setattr(gegeven, veld, getattr(melding, veld))
        audit.noteer(
            melding,
            Handeling.STATUS,
            gebruiker=door.user if door else None,
            detail=f"{overgang.van} → {naar}",
        )
    return overgang
