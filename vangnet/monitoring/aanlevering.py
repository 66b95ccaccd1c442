"""Figures from outside Vangnet: a partner's own counts per quarter, uploaded as CSV.

The Vlaams Meldpunt, 1712, the Genderkamer and the sector's vertrouwenspersonen keep their own
case files. A partner uploads, per quarter, how many cases it had and how they divide over the
same dimensions as Vangnet's figures (one dimension at a time), by the page
(``/monitoring/aanleveren/``) or the API with a token. The file is checked whole first: every
row that is wrong is named with its row number and the reason, and then nothing is stored.
Only a file without a single mistake replaces that partner's figures for its quarters.

The format (``sjabloon()`` gives an example)::

    kwartaal,dimensie,waarde,aantal
    2025-K1,totaal,,48
    2025-K1,sector,muziek,12
    2025-K1,gedrag,seksueel,20
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vangnet.kaart.models import Organisatie
from vangnet.monitoring.dimensies import AANLEVERBAAR, DIMENSIES, ONBEKEND
from vangnet.monitoring.models import Aanlevertoken, Momentopname, Telling
from vangnet.monitoring.periodes import Kwartaal

KOLOMMEN = ["kwartaal", "dimensie", "waarde", "aantal"]
TOTAAL = "totaal"
MAX_BYTES = 1_000_000
MAX_RIJEN = 20_000


@dataclass
class Fout:
    rij: int | None  # 1 is the header; None for a mistake of the file as a whole
    boodschap: str


@dataclass
class Uitkomst:
    fouten: list[Fout] = field(default_factory=list)
    kwartalen: list[str] = field(default_factory=list)
    rijen: int = 0

    @property
    def gelukt(self) -> bool:
        return not self.fouten


def sjabloon() -> str:
    """An example file with every dimension and value, for one quarter, counts left at 0."""
    kwartaal = Kwartaal.van_moment(timezone.now())
    vorig = (
        Kwartaal(kwartaal.jaar - 1, 4)
        if kwartaal.nummer == 1
        else Kwartaal(kwartaal.jaar, kwartaal.nummer - 1)
    )
    regels = [KOLOMMEN, [vorig.code, TOTAAL, "", "0"]]
    for naam in AANLEVERBAAR:
        regels += [[vorig.code, naam, code, "0"] for code in DIMENSIES[naam].codes]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(regels)
    return buffer.getvalue()


def lees(inhoud: bytes, nu=None) -> tuple[dict[str, dict], Uitkomst]:
    """Check a file: (counts per quarter, outcome with every mistake by row)."""
    nu = nu or timezone.now()
    uitkomst = Uitkomst()
    if len(inhoud) > MAX_BYTES:
        uitkomst.fouten.append(Fout(None, _("Het bestand is te groot (hoogstens 1 MB).")))
        return {}, uitkomst
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        uitkomst.fouten.append(
            Fout(None, _("Het bestand is geen tekst in UTF-8; bewaar het als CSV (UTF-8)."))
        )
        return {}, uitkomst
    scheiding = (
        ";" if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",") else ","
    )
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=scheiding))
    if not rijen or [k.strip().lower() for k in rijen[0]] != KOLOMMEN:
        uitkomst.fouten.append(
            Fout(
                1,
                _("De eerste rij moet de kolommen noemen: %(kolommen)s.")
                % {"kolommen": ",".join(KOLOMMEN)},
            )
        )
        return {}, uitkomst
    if len(rijen) > MAX_RIJEN:
        uitkomst.fouten.append(Fout(None, _("Te veel rijen (hoogstens %(n)s).") % {"n": MAX_RIJEN}))
        return {}, uitkomst
    huidig = Kwartaal.van_moment(nu)
    per_kwartaal: dict[str, dict] = {}
    gezien: dict[tuple, int] = {}
    for nummer, rij in enumerate(rijen[1:], start=2):
        if not any(c.strip() for c in rij):
            continue
        if len(rij) != len(KOLOMMEN):
            uitkomst.fouten.append(
                Fout(nummer, _("Deze rij heeft %(n)s kolommen in plaats van 4.") % {"n": len(rij)})
            )
            continue
        kwartaal, dimensie, waarde, aantal = (c.strip() for c in rij)
        fout = _controleer_rij(kwartaal, dimensie, waarde, aantal, huidig)
        if fout:
            uitkomst.fouten.append(Fout(nummer, fout))
            continue
        sleutel = (kwartaal, dimensie, waarde)
        if sleutel in gezien:
            uitkomst.fouten.append(
                Fout(nummer, _("Deze rij herhaalt rij %(rij)s.") % {"rij": gezien[sleutel]})
            )
            continue
        gezien[sleutel] = nummer
        kw = per_kwartaal.setdefault(kwartaal, {"totaal": None, "rij": nummer, "tellingen": {}})
        if dimensie == TOTAAL:
            kw["totaal"] = int(aantal)
        else:
            kw["tellingen"].setdefault(dimensie, Counter())[waarde] = int(aantal)
        uitkomst.rijen += 1
    for code, kw in sorted(per_kwartaal.items()):
        if kw["totaal"] is None:
            uitkomst.fouten.append(
                Fout(
                    None,
                    _("%(kwartaal)s: een rij met het totaal ontbreekt (dimensie „totaal”).")
                    % {"kwartaal": code},
                )
            )
            continue
        for dimensie, tellingen in kw["tellingen"].items():
            som = sum(tellingen.values())
            if not DIMENSIES[dimensie].meervoudig and som > kw["totaal"]:
                uitkomst.fouten.append(
                    Fout(
                        None,
                        _(
                            "%(kwartaal)s: de aantallen voor %(dimensie)s tellen op tot "
                            "%(som)s, meer dan het totaal %(totaal)s."
                        )
                        % {
                            "kwartaal": code,
                            "dimensie": dimensie,
                            "som": som,
                            "totaal": kw["totaal"],
                        },
                    )
                )
            for w, n in tellingen.items():
                if DIMENSIES[dimensie].meervoudig and n > kw["totaal"]:
                    uitkomst.fouten.append(
                        Fout(
                            gezien[(code, dimensie, w)],
                            _("%(aantal)s is meer dan het totaal van %(kwartaal)s (%(totaal)s).")
                            % {"aantal": n, "kwartaal": code, "totaal": kw["totaal"]},
                        )
                    )
    if not per_kwartaal and not uitkomst.fouten:
        uitkomst.fouten.append(Fout(None, _("Het bestand bevat geen cijfers.")))
    uitkomst.kwartalen = sorted(per_kwartaal)
    return per_kwartaal, uitkomst


def _controleer_rij(
    kwartaal: str, dimensie: str, waarde: str, aantal: str, huidig: Kwartaal
) -> str | None:
    try:
        k = Kwartaal.van_code(kwartaal)
    except ValueError:
        return _("Kwartaal „%(kwartaal)s” is geen kwartaal; schrijf bijvoorbeeld 2025-K1.") % {
            "kwartaal": kwartaal
        }
    if k >= huidig:
        return _("Kwartaal %(kwartaal)s is nog niet voorbij.") % {"kwartaal": kwartaal}
    if dimensie != TOTAAL and dimensie not in AANLEVERBAAR:
        return _("Onbekende dimensie „%(dimensie)s”; kies uit totaal, %(namen)s.") % {
            "dimensie": dimensie,
            "namen": ", ".join(AANLEVERBAAR),
        }
    if dimensie == TOTAAL and waarde:
        return _("Laat de waarde leeg in de rij met het totaal.")
    if dimensie != TOTAAL and waarde not in DIMENSIES[dimensie].codes:
        return _("Onbekende waarde „%(waarde)s” voor %(dimensie)s; kies uit %(codes)s.") % {
            "waarde": waarde,
            "dimensie": dimensie,
            "codes": ", ".join(DIMENSIES[dimensie].codes),
        }
    if not aantal.isdigit():
        return _("Het aantal „%(aantal)s” is geen geheel getal van 0 of meer.") % {"aantal": aantal}
    return None


def bewaar(organisatie: Organisatie, inhoud: bytes, door=None) -> Uitkomst:
    """Check and, only when the whole file is right, replace the partner's figures of its quarters.

    A dimension a quarter does not mention counts as not filled in; where the values of a
    dimension add up to less than the total, the rest is "niet ingevuld" too.
    """
    per_kwartaal, uitkomst = lees(inhoud)
    if not uitkomst.gelukt:
        return uitkomst
    with transaction.atomic():
        for code, kw in per_kwartaal.items():
            Momentopname.objects.filter(kwartaal=code, bron=organisatie).delete()
            opname = Momentopname.objects.create(
                kwartaal=code, bron=organisatie, aantal=kw["totaal"], door=door
            )
            rijen = []
            for dimensie in AANLEVERBAAR:
                tellingen = Counter(kw["tellingen"].get(dimensie, {}))
                if not DIMENSIES[dimensie].meervoudig:
                    tellingen[ONBEKEND] += kw["totaal"] - sum(tellingen.values())
                elif dimensie not in kw["tellingen"]:
                    tellingen[ONBEKEND] = kw["totaal"]
                rijen += [
                    Telling(momentopname=opname, dim1=dimensie, waarde1=w, aantal=n)
                    for w, n in tellingen.items()
                    if n
                ]
            Telling.objects.bulk_create(rijen)
    return uitkomst


# --- Tokens for the API ----------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def nieuw_token(organisatie: Organisatie, door=None) -> str:
    """A new token for ``organisatie``; shown once, only its hash is kept."""
    token = secrets.token_urlsafe(32)
    Aanlevertoken.objects.create(organisatie=organisatie, sleutel=_hash(token), door=door)
    return token


def organisatie_van_token(token: str) -> Organisatie | None:
    """The organisation a valid, not revoked token belongs to."""
    if not token:
        return None
    gevonden = (
        Aanlevertoken.objects.select_related("organisatie")
        .filter(sleutel=_hash(token), ingetrokken_op__isnull=True)
        .first()
    )
    if gevonden is None:
        return None
    Aanlevertoken.objects.filter(pk=gevonden.pk).update(laatst_gebruikt=timezone.now())
    return gevonden.organisatie
