"""The wegwijzer, situation by situation: answers → the contact points that must and must not
be on the route.

Each row is written from the contact points' own published criteria (the ``voorwaarden``
and sources in data/aanspreekpunten.yaml) and says why in one line. When a row fails, either
the data changed or a rule did: read the justification before changing the row.
"""

from dataclasses import dataclass, field

import pytest

from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.routing import route


@dataclass(frozen=True)
class Situatie:
    naam: str
    antwoorden: dict
    moet: frozenset[str] = field(default_factory=frozenset)
    niet: frozenset[str] = field(default_factory=frozenset)
    eerste: str | None = None
    niet_passend: frozenset[str] = field(default_factory=frozenset)
    waarom: str = ""


def S(naam, antwoorden, *, moet=(), niet=(), eerste=None, niet_passend=(), waarom):  # noqa: N802
    return pytest.param(
        Situatie(
            naam,
            antwoorden,
            frozenset(moet),
            frozenset(niet),
            eerste,
            frozenset(niet_passend),
            waarom,
        ),
        id=naam,
    )


WERK = {"rol": "werknemer", "perspectief": "slachtoffer", "context": "werk"}
EVENEMENT = {"rol": "publiek", "perspectief": "slachtoffer", "context": "evenement"}
VRIJE_TIJD = {"rol": "vrijwilliger", "perspectief": "slachtoffer", "context": "vrije-tijd"}

SITUATIES = [
    # --- Danger -------------------------------------------------------------------------
    S(
        "gevaar-op-het-werk",
        {**WERK, "gedrag": ["fysiek"], "gevaar": True},
        moet={"noodnummer-112", "politie"},
        eerste="noodnummer-112",
        waarom="112 is for anyone in danger, 101 for urgent police help (1712.be/over-1712).",
    ),
    S(
        "gevaar-op-een-festival-na-aanranding",
        {**EVENEMENT, "gedrag": ["seksueel"], "gevaar": True, "wanneer": "nu"},
        moet={"noodnummer-112", "politie", "zsg", "meldpunt-publiek"},
        eerste="noodnummer-112",
        waarom="Danger first; ZSG within 7 days after sexual violence; the event's own point.",
    ),
    S(
        "gevaar-en-zelf-beschuldigd",
        {"perspectief": "beschuldigde", "gevaar": True},
        moet={"noodnummer-112", "1712"},
        eerste="noodnummer-112",
        waarom="Whoever is involved, danger means 112 first; 1712 also serves people who use violence.",
    ),
    S(
        "geen-gevaar-geen-noodnummers",
        {**WERK, "gedrag": ["psychisch"], "gevaar": False},
        niet={"noodnummer-112", "politie"},
        waarom="112 and 101 are only for urgent situations (their own voorwaarden).",
    ),
    S(
        "niets-beantwoord",
        {},
        moet={"1712", "caw", "vlaams-meldpunt"},
        niet={"noodnummer-112"},
        waarom="With no answers the broad, free, anonymous helplines still fit; no emergency.",
    ),
    # --- Status: who the Welzijnswet covers, and who it does not ----------------------------
    S(
        "werknemer-seksueel-podiumkunsten",
        {**WERK, "gedrag": ["seksueel"], "sector": "podiumkunsten"},
        moet={
            "vertrouwenspersoon-intern",
            "preventieadviseur-psychosociaal",
            "sfp-freelance-pool",
            "vlaams-meldpunt",
        },
        waarom="Workers have the legal internal route; SFP's pool serves the performing arts.",
    ),
    S(
        "werknemer-in-de-muziek-niet-de-sfp-pool",
        {**WERK, "gedrag": ["seksueel"], "sector": "muziek"},
        niet={"sfp-freelance-pool"},
        niet_passend={"sfp-freelance-pool"},
        waarom="The SFP freelance pool is listed for the performing arts only.",
    ),
    S(
        "vrijwilliger-geen-preventieadviseur",
        {**VRIJE_TIJD, "gedrag": ["psychisch"]},
        moet={"api", "vlaams-meldpunt", "caw"},
        niet={"preventieadviseur-psychosociaal", "vertrouwenspersoon-intern", "arbeidsinspectie"},
        waarom="Volunteers are not in the Welzijnswet's list; an API and the Meldpunt serve them.",
    ),
    S(
        "vrijwilliger-die-een-formele-procedure-wil",
        {**VRIJE_TIJD, "gedrag": ["psychisch"], "wens": ["formeel"]},
        niet={"preventieadviseur-psychosociaal"},
        niet_passend={"preventieadviseur-psychosociaal"},
        waarom="A volunteer expects the formal psychosocial request; the law does not give it.",
    ),
    S(
        "freelancer-niet-in-de-interne-wettelijke-route",
        {
            "rol": "freelancer",
            "perspectief": "slachtoffer",
            "context": "werk",
            "gedrag": ["seksueel"],
        },
        moet={"vlaams-meldpunt", "engagement-arts", "1712"},
        niet={
            "vertrouwenspersoon-intern",
            "preventieadviseur-psychosociaal",
            "arbeidsinspectie",
            "vakbond",
        },
        waarom="Freelancers are not workers of the organisation; Engagement Arts serves them.",
    ),
    S(
        "flexwerker-wel-bij-de-vertrouwenspersoon",
        {
            "rol": "flexwerker",
            "perspectief": "slachtoffer",
            "context": "werk",
            "gedrag": ["psychisch"],
        },
        moet={"vertrouwenspersoon-intern", "vakbond", "preventieadviseur-psychosociaal"},
        waarom="Temporary workers must also be told who the vertrouwenspersoon is (its voorwaarden).",
    ),
    S(
        "student-op-stage",
        {
            "rol": "student",
            "perspectief": "slachtoffer",
            "context": "opleiding",
            "gedrag": ["seksueel"],
        },
        moet={"vertrouwenspersoon-intern", "engagement-arts", "preventieadviseur-psychosociaal"},
        niet={"vakbond", "meldpunt-publiek"},
        waarom="Interns and students with work in their training are assimilated to workers.",
    ),
    S(
        "vrijwilliger-podiumkunsten-geen-sfp-pool",
        {**VRIJE_TIJD, "sector": "podiumkunsten", "gedrag": ["seksueel"]},
        niet={"sfp-freelance-pool"},
        waarom="The pool is listed for employees and leaders, not volunteers.",
    ),
    S(
        "leidinggevende-die-zelf-slachtoffer-is",
        {
            "rol": "leidinggevende",
            "perspectief": "slachtoffer",
            "context": "werk",
            "gedrag": ["psychisch"],
        },
        moet={"vertrouwenspersoon-intern", "preventieadviseur-psychosociaal", "vlaams-meldpunt"},
        waarom="Leaders are workers too; the internal legal route serves them.",
    ),
    S(
        "deelnemer-van-een-koor",
        {
            "rol": "deelnemer",
            "perspectief": "slachtoffer",
            "context": "vrije-tijd",
            "gedrag": ["psychisch"],
        },
        moet={"api", "vlaams-meldpunt", "1712", "caw"},
        niet={"vertrouwenspersoon-intern", "vakbond"},
        waarom="Members of a choir have no legal internal route; an API and the Meldpunt serve them.",
    ),
    # --- Audience ---------------------------------------------------------------------------
    S(
        "publiek-op-een-festival-nu",
        {**EVENEMENT, "gedrag": ["seksueel"], "wanneer": "nu"},
        moet={"meldpunt-publiek", "zsg", "1712", "caw"},
        niet={"vlaams-meldpunt"},
        niet_passend={"vlaams-meldpunt"},
        waarom="The Meldpunt does not cover behaviour between one-time visitors (its voorwaarden).",
    ),
    S(
        "publiek-weken-later-geen-meldpunt-ter-plaatse",
        {**EVENEMENT, "gedrag": ["seksueel"], "wanneer": "langer-geleden"},
        niet={"meldpunt-publiek", "zsg"},
        moet={"1712", "caw"},
        waarom="An event's reporting point helps during or right after it; ZSG is for the first weeks.",
    ),
    S(
        "getuige-in-het-publiek",
        {"rol": "publiek", "perspectief": "getuige", "context": "evenement", "gedrag": ["fysiek"]},
        moet={"meldpunt-publiek", "1712"},
        niet={"punt-vzw", "over-grenzen"},
        waarom="Witnesses can use the event's point and 1712; peer groups are for victims.",
    ),
    # --- Behaviour and grounds of discrimination ---------------------------------------------
    S(
        "gender-discriminatie-op-het-werk",
        {**WERK, "gedrag": ["discriminatie"], "discriminatiegrond": "gender"},
        moet={"igvm"},
        niet={"unia"},
        niet_passend={"unia"},
        waarom="Gender goes to the IGVM; Unia handles the other grounds (both voorwaarden).",
    ),
    S(
        "racisme-op-het-werk",
        {**WERK, "gedrag": ["discriminatie"], "discriminatiegrond": "afkomst"},
        moet={"unia", "vlaams-meldpunt"},
        niet={"igvm", "vmri"},
        waarom="Work is a federal domain: Unia. The VMRI is for Flemish domains outside work.",
    ),
    S(
        "discriminatie-in-de-vrije-tijd",
        {
            "rol": "deelnemer",
            "perspectief": "slachtoffer",
            "context": "vrije-tijd",
            "gedrag": ["discriminatie"],
            "discriminatiegrond": "afkomst",
        },
        moet={"vmri", "vlaams-meldpunt"},
        niet={"unia"},
        waarom="Access to a cultural activity is a Flemish domain: the VMRI.",
    ),
    S(
        "discriminatie-in-de-opleiding",
        {
            "rol": "student",
            "perspectief": "slachtoffer",
            "context": "opleiding",
            "gedrag": ["discriminatie"],
            "discriminatiegrond": "handicap",
        },
        moet={"vmri"},
        niet={"unia", "igvm"},
        waarom="Education is a Flemish domain (VMRI); Unia and the IGVM list work and events.",
    ),
    S(
        "handicap-bij-een-voorstelling",
        {**EVENEMENT, "gedrag": ["discriminatie"], "discriminatiegrond": "handicap"},
        moet={"unia", "vmri", "meldpunt-publiek"},
        waarom="Unia handles disability; access to a show is also the VMRI's domain.",
    ),
    S(
        "seksisme-van-een-freelancer-anoniem",
        {
            "rol": "freelancer",
            "perspectief": "slachtoffer",
            "context": "werk",
            "gedrag": ["discriminatie"],
            "discriminatiegrond": "gender",
            "anoniem": True,
        },
        moet={"vlaams-meldpunt", "caw"},
        niet={"igvm"},
        niet_passend={"igvm"},
        waarom="The IGVM does not handle anonymous reports; the Meldpunt and the CAW do.",
    ),
    S(
        "machtsmisbruik-op-het-werk",
        {**WERK, "gedrag": ["machtsmisbruik"]},
        moet={"vertrouwenspersoon-intern", "vlaams-meldpunt", "1712", "caw"},
        niet={"zsg", "huisarts", "punt-vzw"},
        waarom="Abuse of power is psychosocial: internal route, the Meldpunt, 1712, the CAW.",
    ),
    # --- Time -----------------------------------------------------------------------------
    S(
        "aanranding-deze-week",
        {**WERK, "gedrag": ["seksueel"], "wanneer": "minder-dan-week"},
        moet={"zsg"},
        eerste="zsg",
        waarom="Forensic examination only within 7 days, first 72 hours matter most (ZSG).",
    ),
    S(
        "seksueel-geweld-deze-maand",
        {**WERK, "gedrag": ["seksueel"], "wanneer": "minder-dan-maand"},
        moet={"zsg"},
        waarom="Psychological follow-up at a ZSG can start up to a month after the facts.",
    ),
    S(
        "seksueel-geweld-maanden-geleden",
        {**WERK, "gedrag": ["seksueel"], "wanneer": "langer-geleden"},
        niet={"zsg", "erkenningscommissie"},
        niet_passend={"zsg", "erkenningscommissie"},
        waarom="Past the ZSG's window, and not yet 10 years for the commission.",
    ),
    S(
        "misbruik-jaren-geleden",
        {"perspectief": "slachtoffer", "gedrag": ["fysiek"], "wanneer": "jaren-geleden"},
        moet={"erkenningscommissie", "1712"},
        niet={"zsg"},
        waarom="The commission recognises abuse of at least 10 years ago.",
    ),
    S(
        "als-kind-misbruikt-jaren-geleden",
        {
            "perspectief": "slachtoffer",
            "gedrag": ["seksueel"],
            "wanneer": "jaren-geleden",
            "minderjarig": True,
        },
        moet={"erkenningscommissie", "1712"},
        waarom="Historical abuse of minors: the commission; 1712 serves children and adults.",
    ),
    # --- Position -----------------------------------------------------------------------------
    S(
        "beschuldigd-of-twijfel-over-eigen-gedrag",
        {
            "rol": "werknemer",
            "perspectief": "beschuldigde",
            "context": "werk",
            "gedrag": ["seksueel"],
        },
        moet={"1712", "caw", "vlaams-meldpunt"},
        niet={"vertrouwenspersoon-intern", "punt-vzw", "zsg", "politie"},
        waarom="1712, the CAW and the Meldpunt also serve people who use violence.",
    ),
    S(
        "organisatie-die-moet-reageren",
        {
            "rol": "leidinggevende",
            "perspectief": "organisatie",
            "context": "werk",
            "gedrag": ["seksueel"],
        },
        moet={"vlaams-meldpunt", "preventieadviseur-psychosociaal", "sfp-freelance-pool"},
        niet={"punt-vzw", "caw", "zsg"},
        waarom="The Meldpunt accepts organisations; the PAPS advises the employer.",
    ),
    S(
        "kleine-vereniging-met-discriminatie",
        {
            "rol": "vrijwilliger",
            "perspectief": "organisatie",
            "context": "vrije-tijd",
            "gedrag": ["discriminatie"],
        },
        moet={"vlaams-meldpunt", "1712"},
        waarom="The Meldpunt serves organisations; 1712 is the free fallback that refers on.",
    ),
    S(
        "getuige-op-het-werk",
        {"rol": "werknemer", "perspectief": "getuige", "context": "werk", "gedrag": ["psychisch"]},
        moet={"vertrouwenspersoon-intern", "vlaams-meldpunt", "1712"},
        niet={"arbeidsinspectie", "punt-vzw"},
        waarom="Witnesses can go to the vertrouwenspersoon and the Meldpunt; inspection is for the victim.",
    ),
    # --- Wishes -------------------------------------------------------------------------------
    S(
        "wil-lotgenoten",
        {
            "rol": "freelancer",
            "perspectief": "slachtoffer",
            "context": "werk",
            "gedrag": ["seksueel"],
            "wens": ["lotgenoten"],
        },
        moet={"engagement-arts", "punt-vzw"},
        eerste="engagement-arts",
        waarom="Peer-support initiatives offer lotgenoten; Engagement Arts is the sector's own.",
    ),
    S(
        "wil-aangifte-doen-zonder-gevaar",
        {**WERK, "gedrag": ["fysiek"], "wens": ["aangifte"], "gevaar": False},
        moet={"politie"},
        niet={"noodnummer-112"},
        waarom="A complaint is filed with the police, not through 112.",
    ),
    S(
        "wil-zorg-na-fysiek-geweld",
        {**WERK, "gedrag": ["fysiek"], "wens": ["zorg"]},
        moet={"huisarts"},
        niet={"arbeidsinspectie", "unia"},
        waarom="The GP is a contact point for care; specialised points that give no care drop out.",
    ),
    S(
        "wil-een-formele-procedure-als-werknemer",
        {**WERK, "gedrag": ["psychisch"], "wens": ["formeel"]},
        moet={"preventieadviseur-psychosociaal", "arbeidsinspectie"},
        waarom="Only the PAPS handles a formal request; the inspection is the next formal step.",
    ),
    S(
        "wil-bemiddeling",
        {**WERK, "gedrag": ["psychisch"], "wens": ["bemiddeling"]},
        moet={"vlaams-meldpunt", "vertrouwenspersoon-intern", "preventieadviseur-psychosociaal"},
        waarom="The Meldpunt organises restorative talks; vp and PAPS mediate informally.",
    ),
    # --- Anonymity and the organisation's own points ---------------------------------------------
    S(
        "anoniem-als-werknemer",
        {**WERK, "gedrag": ["psychisch"], "anoniem": True},
        moet={"1712", "caw", "vlaams-meldpunt"},
        niet={"preventieadviseur-psychosociaal"},
        niet_passend={"preventieadviseur-psychosociaal"},
        waarom="A formal request to the PAPS needs your name; 1712, CAW and the Meldpunt do not.",
    ),
    S(
        "organisatie-zonder-eigen-vertrouwenspersoon",
        {**WERK, "gedrag": ["seksueel"], "eigen_aanspreekpunt": "nee"},
        niet={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "api"},
        niet_passend={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "api"},
        moet={"preventieadviseur-psychosociaal", "vlaams-meldpunt"},
        waarom="No own vp or API; the external PAPS and the Meldpunt remain.",
    ),
    S(
        "organisatie-met-eigen-vertrouwenspersoon",
        {**WERK, "gedrag": ["seksueel"], "eigen_aanspreekpunt": "ja", "wanneer": "langer-geleden"},
        moet={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern"},
        eerste="api",
        waarom="The own point is closest: it comes first (all three are the organisation's own).",
    ),
    S(
        "vrijwilliger-met-api",
        {
            **VRIJE_TIJD,
            "gedrag": ["seksueel"],
            "eigen_aanspreekpunt": "ja",
            "wanneer": "langer-geleden",
        },
        eerste="api",
        niet={"vertrouwenspersoon-intern"},
        waarom="For volunteers the API (action 2.4) is the own point; a vp is for workers.",
    ),
    S(
        "publiek-en-organisatie-tegelijk",
        {"rol": "publiek", "perspectief": "organisatie", "anoniem": True},
        moet={"1712"},
        waarom="Odd combinations still get a free, anonymous helpline that refers on.",
    ),
]


@pytest.mark.parametrize("situatie", SITUATIES)
def test_each_situation_gets_the_route_its_contact_points_promise(situatie: Situatie, kaart):
    r = route(Antwoorden.uit_dict(situatie.antwoorden), kaart)
    ids = r.ids()
    niet_passend = {n.punt.id for n in r.niet_passend}
    assert situatie.moet <= set(ids), f"missing {situatie.moet - set(ids)}: {situatie.waarom}"
    assert not (situatie.niet & set(ids)), f"wrongly offered: {situatie.waarom}"
    if situatie.eerste:
        assert ids[0] == situatie.eerste, f"{ids[:3]}: {situatie.waarom}"
    assert situatie.niet_passend <= niet_passend, situatie.waarom


def test_there_are_at_least_forty_situations_each_with_a_reason():
    assert len(SITUATIES) >= 40
    assert all(s.values[0].waarom for s in SITUATIES)
    assert len({s.id for s in SITUATIES}) == len(SITUATIES)
