"""The case path: one explicit state machine, and the only place a case changes status.

    ontvangen → in-gesprek → één of meer van advies, bemiddeling, doorverwezen,
    formele-procedure → nazorg → afgesloten

A step of the restorative chain (action 2.1) is taken only with the reporter's
recorded consent for it (the consent ledger, ``Toestemming``). A case may be closed
from any open status, with an outcome: a reporter may withdraw, or never come back.

The two clocks of the EU whistleblowing directive (2019/1937, art. 9(1)(b) and (f)) are
kept here too. *Acknowledgement* (7 days): any sign from the team to the reporter, a
message or a step on the path. *Feedback* (3 months): information on the action envisaged
or taken and the reasons for it (art. 5(13)); only an explicit act stops that clock: a
message the handler marks as feedback, a referral the reporter agreed to, or the closing
message. A case is closed only once the reporter has had feedback, and with every monitoring code
filled in (``onbekend`` is a valid answer, an empty code is not).
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vangnet.meldingen.choices import ONBEKEND, Auteur, Handeling, Stap, Status, Uitkomst
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


def noteer_erkenning(melding: Melding, moment: datetime) -> None:
    """The team gave a first sign to the reporter: the 7-day clock stops (once)."""
    if melding.erkend_op:
        return
    Melding.objects.filter(pk=melding.pk, erkend_op__isnull=True).update(erkend_op=moment)
    melding.erkend_op = Melding.objects.values_list("erkend_op", flat=True).get(pk=melding.pk)


def noteer_terugkoppeling(melding: Melding, moment: datetime, *, door: Behandelaar | None) -> None:
    """The reporter was told what is done or planned and why (art. 5(13)).

    Feedback is also a sign of receipt: both clocks stop, each at its first moment.
    """
    from vangnet.meldingen import audit

    noteer_erkenning(melding, moment)
    if melding.teruggekoppeld_op:
        return
    Melding.objects.filter(pk=melding.pk, teruggekoppeld_op__isnull=True).update(
        teruggekoppeld_op=moment
    )
    melding.teruggekoppeld_op = Melding.objects.values_list("teruggekoppeld_op", flat=True).get(
        pk=melding.pk
    )
    audit.noteer(melding, Handeling.TERUGKOPPELING, gebruiker=door.user if door else None)


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
        if naar == Status.AFGESLOTEN and uitkomst not in [*Uitkomst.values, ONBEKEND]:
            raise OngeldigeOvergang(_("Kies een uitkomst om de melding af te sluiten."))
        if naar == Status.AFGESLOTEN and (
            ontbrekend := melding.ontbrekende_codes(behalve=("uitkomst",))
        ):
            # Monitoring counts codes, never guesses: each one filled in, "onbekend" allowed.
            raise OngeldigeOvergang(
                _(
                    "Vul eerst de codes voor de monitoring in (%(codes)s). Weet je het niet, "
                    "kies dan “onbekend”."
                )
                % {"codes": ", ".join(ontbrekend)}
            )
        if naar == Status.AFGESLOTEN and not melding.teruggekoppeld_op:
            # Closing is an action taken: the reporter hears what happened and why first.
            raise OngeldigeOvergang(
                _(
                    "De melder kreeg nog geen terugkoppeling. Schrijf bij het afsluiten wat er "
                    "met de melding gebeurde en waarom."
                )
            )
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
