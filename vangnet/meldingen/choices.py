"""The code lists of the reporting channel, with translated labels.

Values are the action plan's words and never change: the monitoring module counts
cases by them without reading any content. Behaviour, sector and a reporter's
status reuse the kaart's lists (one vocabulary for the whole platform).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The explicit "we do not know" a handler picks for a monitoring code at closing: monitoring
#: counts it as unknown, never as a guess (docs/meldingen.md, "Classification at close").
ONBEKEND = "onbekend"


def met_onbekend(keuzes: type[models.TextChoices]) -> list[tuple[str, str]]:
    """A code list with the explicit ``onbekend`` choice at the end."""
    return [*keuzes.choices, (ONBEKEND, _("onbekend"))]


class OntvangerSoort(models.TextChoices):
    """The kinds of contact point the platform hosts (actions 2.3.c, 2.4, 2.5 and 2.7)."""

    API = "api", _("Aanspreekpunt Integriteit van een organisatie")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("vertrouwenspersoon")
    MELDPUNT_PUBLIEK = "meldpunt-publiek", _("publiek meldpunt van een evenement of zaal")
    PEER_SUPPORT = "peer-support", _("lotgenotencontact")


class Rol(models.TextChoices):
    """A handler's role in one receiver's team."""

    BEHANDELAAR = "behandelaar", _("behandelaar")
    # A beheerder also holds the receiver's own key: it can give a new team member
    # access to the cases that came in before they joined.
    BEHEERDER = "beheerder", _("beheerder")


class Status(models.TextChoices):
    """Where a case is on its path (the restorative chain of action 2.1)."""

    ONTVANGEN = "ontvangen", _("ontvangen")
    IN_GESPREK = "in-gesprek", _("in gesprek")
    ADVIES = "advies", _("advies")
    BEMIDDELING = "bemiddeling", _("bemiddeling")
    DOORVERWEZEN = "doorverwezen", _("doorverwezen")
    FORMELE_PROCEDURE = "formele-procedure", _("formele procedure")
    NAZORG = "nazorg", _("nazorg")
    AFGESLOTEN = "afgesloten", _("afgesloten")


class Wens(models.TextChoices):
    """What the reporter would like, as asked on the form."""

    GEHOORD = "gehoord", _("gehoord worden")
    ADVIES = "advies", _("advies over wat ik kan doen")
    BEMIDDELING = "bemiddeling", _("bemiddeling of een herstelgesprek")
    FORMELE_PROCEDURE = "formele-procedure", _("een formele procedure")
    DOORVERWIJZING = "doorverwijzing", _("doorverwezen worden naar gespecialiseerde hulp")
    NOG_NIETS = "nog-niets", _("ik weet het nog niet")


class Contactwens(models.TextChoices):
    """What kind of contact someone wants from a peer-support intake (action 2.7)."""

    GESPREK = "gesprek", _("een gesprek met iemand die iets gelijkaardigs meemaakte")
    GROEP = "groep", _("een groep van lotgenoten")
    SCHRIFTELIJK = "schriftelijk", _("schriftelijk contact, via berichten hier")
    TELEFOON = "telefoon", _("een telefoongesprek")
    INFORMATIE = "informatie", _("eerst wat informatie, nog geen contact")
    NOG_NIET = "nog-niet", _("ik weet het nog niet")


class Stap(models.TextChoices):
    """A step or a sharing the reporter must agree to (the consent ledger)."""

    GEHOORD = "gehoord", _("gehoord worden")
    ADVIES = "advies", _("advies")
    BEMIDDELING = "bemiddeling", _("bemiddeling")
    ANDERE_PARTIJ = "andere-partij", _("de andere partij betrekken bij de bemiddeling")
    DOORVERWIJZING = "doorverwijzing", _("doorverwijzing")
    FORMELE_PROCEDURE = "formele-procedure", _("formele procedure")


class Beslissing(models.TextChoices):
    GEVRAAGD = "gevraagd", _("gevraagd")
    GEGEVEN = "gegeven", _("gegeven")
    GEWEIGERD = "geweigerd", _("geweigerd")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


class Omvang(models.TextChoices):
    """What a referral hands over."""

    VOLLEDIG = "volledig", _("de volledige melding")
    SAMENVATTING = "samenvatting", _("enkel een samenvatting die de melder goedkeurde")


class Kanaal(models.TextChoices):
    """A conversation of a case: with the reporter, or with the other party in mediation."""

    MELDER = "melder", _("met de melder")
    ANDERE_PARTIJ = "andere-partij", _("met de andere partij")


class PartijRol(models.TextChoices):
    MELDER = "melder", _("melder")
    ANDERE_PARTIJ = "andere-partij", _("andere partij")


class Auteur(models.TextChoices):
    MELDER = "melder", _("melder")
    ANDERE_PARTIJ = "andere-partij", _("andere partij")
    BEHANDELAAR = "behandelaar", _("behandelaar")
    SYSTEEM = "systeem", _("Vangnet")


class ConflictBron(models.TextChoices):
    VERKLAARD = "verklaard", _("verklaard door de behandelaar")
    MELDER = "melder", _("uitgesloten door de melder")


class Route(models.TextChoices):
    """The route a case took, for monitoring."""

    GEHOORD = "gehoord", _("gehoord en opgevangen")
    ADVIES = "advies", _("advies")
    BEMIDDELING = "bemiddeling", _("bemiddeling")
    DOORVERWEZEN_PLATFORM = "doorverwezen-platform", _("doorverwezen binnen Vangnet")
    DOORVERWEZEN_EXTERN = "doorverwezen-extern", _("doorverwezen naar een externe dienst")
    FORMELE_PROCEDURE = "formele-procedure", _("formele procedure")


class Uitkomst(models.TextChoices):
    """How a case ended, for monitoring."""

    GEHOLPEN = "geholpen", _("de melder is geholpen")
    BEMIDDELING_GESLAAGD = "bemiddeling-geslaagd", _("bemiddeling geslaagd")
    BEMIDDELING_NIET_GESLAAGD = "bemiddeling-niet-geslaagd", _("bemiddeling niet geslaagd")
    DOORVERWEZEN = "doorverwezen", _("doorverwezen")
    MAATREGEL = "maatregel", _("maatregel of sanctie genomen")
    INGETROKKEN = "ingetrokken", _("ingetrokken door de melder")
    GEEN_CONTACT = "geen-contact", _("geen contact meer met de melder")
    GEEN_MELDING = "geen-melding", _("geen melding over grensoverschrijdend gedrag")


class Handeling(models.TextChoices):
    """What the audit log records."""

    INGEDIEND = "ingediend", _("melding ingediend")
    GELEZEN = "gelezen", _("melding gelezen")
    GEOPEND_DOOR_PARTIJ = "geopend-door-partij", _("geopend met een ontvangstbewijs")
    BERICHT = "bericht", _("bericht toegevoegd")
    NOTITIE = "notitie", _("interne notitie toegevoegd")
    BIJLAGE = "bijlage", _("bijlage toegevoegd")
    BIJLAGE_GELEZEN = "bijlage-gelezen", _("bijlage geopend")
    STATUS = "status", _("status gewijzigd")
    TOESTEMMING = "toestemming", _("toestemming gevraagd of beslist")
    DOORVERWEZEN = "doorverwezen", _("doorverwezen")
    CONFLICT = "conflict", _("belangenconflict")
    CLASSIFICATIE = "classificatie", _("classificatie gewijzigd")
    GEDEELD = "gedeeld", _("toegang gegeven aan een teamlid")
    TOEGEWEZEN = "toegewezen", _("toegewezen")
    VERNIETIGD = "vernietigd", _("vernietigd")
    ANDERE_PARTIJ = "andere-partij", _("andere partij uitgenodigd")
    VRAGENLIJST = "vragenlijst", _("vragenlijst van de ontvanger gewijzigd")
    SLEUTELS = "sleutels", _("sleutels vernieuwd of ingetrokken")
    TERUGKOPPELING = "terugkoppeling", _("terugkoppeling gegeven")
