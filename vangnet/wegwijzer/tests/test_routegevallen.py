"""The wegwijzer, case by case: answers → the route a person must get.

Each row is written from a contact point's *published* criteria (its source is in the row's
``bron``), not from what the router happens to return. A row states the first step, the
steps that must be on the route, the steps that must not, and pairs that must be in order.

Who a contact point serves is three-valued (issue 10): a source says yes, a source says no,
or nobody knows. Only a sourced no (``niet_voor``), a time window, the person's own answer
(no vertrouwenspersoon of their own), anonymity where a name is needed or a competence rule
takes a point off the route. So ``niet`` lists only what a source excludes, and ``nagaan``
lists points that must stay on the route with "vraag het na" because nobody confirmed them.

When a row fails, read its ``bron`` and ``waarom`` before touching it: either the data, the
rules or the source changed. Never weaken a row the source does not weaken.

Rows marked ``wacht_op`` need a contact point another change adds; until it is in
data/aanspreekpunten.yaml they are reported as expected failures, naming that point.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from vangnet.kaart.choices import Wens
from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.regels import ORGANISATIEGEBONDEN
from vangnet.wegwijzer.routing import route

# --- Sources the rows are written from ------------------------------------------------------

PLAN_21 = "actieplan actie 2.1"
PLAN_23C = "actieplan actie 2.3.c"
PLAN_24 = "actieplan actie 2.4"
PLAN_25 = "actieplan actie 2.5"
PLAN_12B = "actieplan actie 1.2.b"
BRON_1712 = "https://www.1712.be/nl/over-1712"
BRON_CAW = "https://www.caw.be/faq"
BRON_ZSG = (
    "https://www.artsenkrant.com/actueel/vlaams-brabant-heeft-nu-ook-zorgcentrum-na-seksueel-"
    "geweld/article-normal-61821.html"
)
BRON_ZSG_72U = "https://ordomedic.be/nl/nieuws/zorgcentrum-na-seksueel-geweld-limburg"
BRON_ZSG_LEUVEN = "https://www.uzleuven.be/nl/liaisonpsychologen/zorgcentrum-na-seksueel-geweld"
BRON_MELDPUNT = (
    "https://www.vlaanderen.be/vlaams-meldpunt-grensoverschrijdend-gedrag/over-het-meldpunt"
)
BRON_MELDPUNT_WIE = (
    "https://www.mediarte.be/nl/dossiers/grensoverschrijdend-gedrag/hulplijnen/"
    "vlaams-meldpunt-grensoverschrijdend-gedrag"
)
BRON_MELDPUNT_FARO = (
    "https://faro.be/blogs/katrijn-dhamers/nieuw-meldpunt-grensoverschrijdend-gedrag-er-ook-"
    "voor-erfgoedsector"
)
BRON_VMRI = "https://www.vlaamsmensenrechteninstituut.be/hoe-helpt-het-vmri-jou/"
BRON_VMRI_ANONIEM = "https://vlaamsmensenrechteninstituut.be/hoe-helpen-we-jou-met-je-melding"
BRON_VMRI_BEVOEGD = "https://www.lint.be/vlaams-mensenrechten-instituut"
BRON_UNIA_VLAANDEREN = "https://www.unia.be/nl/faq/is-unia-actief-in-vlaanderen"
BRON_IGVM = "https://igvm-iefh.belgium.be/nl/faq"
BRON_MELDPUNTEN_WERK = (
    "https://www.vlaanderen.be/discriminatie-op-het-werk-herkennen-en-melden/"
    "meldpunten-discriminatie-op-het-werk"
)
BRON_WELZIJNSWET_PERSONEN = (
    "https://werk.belgie.be/nl/themas/welzijn-op-het-werk/algemene-beginselen/"
    "toepassingsgebied-ratione-personae"
)
BRON_PSYCHOSOCIALE_INTERVENTIE = (
    "https://bosa.belgium.be/nl/themas/werken-bij-de-overheid/welzijn-en-preventie/"
    "psychosociale-risicos/psychosociale-interventie"
)
BRON_ART_32_2 = "https://www.ikvoelmegoedophetwerk.be/nl/node/185"
BRON_INSPECTIE = (
    "https://werk.belgie.be/nl/themas/welzijn-op-het-werk/psychosociale-risicos-op-het-werk/"
    "actiemiddelen-van-de-werknemer-de-13"
)
BRON_PAPS_ANONIEM = (
    "https://employment.belgium.be/en/themes/well-being-workers/psychosocial-risks-work/"
    "courses-action-worker-internal-procedure-8"
)
BRON_PODIUMKUNSTEN = (
    "https://podiumkunsten.be/organisatiebeleid/grensoverschrijdend-gedrag/"
    "kort-wat-kan-je-doen-als-medewerker"
)
BRON_VAKBOND_FREELANCERS = (
    "https://www.pulsmagazine.be/2019/06/13/united-freelancers-geeft-zelfstandigen-een-plaats-"
    "in-acv-puls/"
)
BRON_CULTUURVAKBOND = (
    "https://cultuurvakbond.be/hoeveel-moet-je-verdienen-als-je-werkt-als-zelfstandige-de-"
    "podiumkunsten"
)
BRON_ERKENNING = (
    "https://www.vlaanderen.be/agentschap-justitie-en-handhaving/justitie/"
    "erkennings-en-bemiddelingscommissie-historisch-misbruik"
)
BRON_ERKENNING_WIE = "https://moderator.be/documentatiecentrum/erkennings-enbemiddelingscommissie/"
BRON_PUNT = "https://puntvzw.be/over-ons-1/ontstaan"
BRON_ENGAGEMENT_ARTS = "https://engagementarts.be/nl/about"
BRON_API = "https://ambrassade.be/nl/kennis/artikel/q-a-api-s-in-het-jeugdwerk"
BRON_CULTUURLOKET = "https://www.cultuurloket.be/"
BRON_OVER_GRENZEN = "https://overdegrenzenheen.be/bedankt-om-dit-te-lezen/geraakt-door-geweld/"

# Contact points another change adds (issue 10, "contact points the vangnet misses").
MELDPUNT_WERK = "meldpunt-werkgerelateerde-discriminatie"
CULTUURLOKET = "cultuurloket"
SOCIALE_WETTEN = "toezicht-sociale-wetten"


@dataclass(frozen=True)
class Geval:
    naam: str
    antwoorden: dict
    eerste: str | frozenset[str] | None
    moet: frozenset[str]
    niet: frozenset[str]
    volgorde: tuple[tuple[str, str], ...]
    bron: tuple[str, ...]
    waarom: str
    nagaan: frozenset[str]
    niet_passend: frozenset[str]
    wacht_op: frozenset[str]


def G(  # noqa: N802 - a row of the table, read like one
    naam: str,
    antwoorden: dict,
    *,
    eerste: str | set[str] | None = None,
    moet=(),
    niet=(),
    volgorde=(),
    bron,
    waarom: str,
    nagaan=(),
    niet_passend=(),
    wacht_op=(),
):
    return pytest.param(
        Geval(
            naam,
            antwoorden,
            frozenset(eerste) if isinstance(eerste, set) else eerste,
            frozenset(moet),
            frozenset(niet),
            tuple(volgorde),
            (bron,) if isinstance(bron, str) else tuple(bron),
            waarom,
            frozenset(nagaan),
            frozenset(niet_passend),
            frozenset(wacht_op),
        ),
        id=naam,
    )


WERK = {"rol": "werknemer", "perspectief": "slachtoffer", "context": "werk"}
EVENEMENT = {"rol": "publiek", "perspectief": "slachtoffer", "context": "evenement"}
VRIJE_TIJD = {"rol": "vrijwilliger", "perspectief": "slachtoffer", "context": "vrije-tijd"}
LID = {"rol": "deelnemer", "perspectief": "slachtoffer", "context": "vrije-tijd"}
FREELANCE = {"rol": "freelancer", "perspectief": "slachtoffer", "context": "werk"}
STAGE = {"rol": "student", "perspectief": "slachtoffer", "context": "opleiding"}
BESCHULDIGD = {"rol": "werknemer", "perspectief": "beschuldigde", "context": "werk"}
DISCRIMINATIE = {"gedrag": ["discriminatie"]}
NOOD = {"noodnummer-112", "politie"}

GEVALLEN = [
    # === Danger now ===========================================================================
    G(
        "gevaar-op-het-werk",
        {**WERK, "gedrag": ["fysiek"], "gevaar": True},
        eerste="noodnummer-112",
        moet=NOOD,
        volgorde=[("noodnummer-112", "politie"), ("politie", "vlaams-meldpunt")],
        bron=BRON_1712,
        waarom="Someone in danger: 112 first, 101 for urgent police help, before any other step.",
    ),
    G(
        "gevaar-op-een-festival-na-aanranding",
        {**EVENEMENT, "gedrag": ["seksueel"], "gevaar": True, "wanneer": "nu"},
        eerste="noodnummer-112",
        moet={*NOOD, "zsg", "meldpunt-publiek"},
        volgorde=[("politie", "zsg"), ("zsg", "meldpunt-publiek")],
        bron=(BRON_1712, BRON_ZSG_72U, PLAN_25),
        waarom="Danger first; then the ZSG (evidence only within 7 days); then the event's own point.",
    ),
    G(
        "gevaar-en-zelf-beschuldigd",
        {"perspectief": "beschuldigde", "gevaar": True},
        eerste="noodnummer-112",
        moet={*NOOD, "1712"},
        bron=BRON_1712,
        waarom="Whoever is involved, danger means 112 first; 1712 also serves people who use violence.",
    ),
    G(
        "gevaar-voor-een-kind",
        {"perspectief": "slachtoffer", "gedrag": ["fysiek"], "gevaar": True, "minderjarig": True},
        eerste="noodnummer-112",
        moet={*NOOD, "1712"},
        volgorde=[("politie", "1712")],
        bron=BRON_1712,
        waarom="Danger beats the minor's own lines: 1712 is not an emergency number, 101/112 are.",
    ),
    G(
        "gevaar-als-getuige-in-de-zaal",
        {"rol": "publiek", "perspectief": "getuige", "context": "evenement", "gevaar": True},
        eerste="noodnummer-112",
        moet={*NOOD, "meldpunt-publiek"},
        bron=(BRON_1712, PLAN_25),
        waarom="A witness who sees danger calls 112 first; the crew's reporting point comes after.",
    ),
    G(
        "geen-gevaar-geen-noodnummers",
        {**WERK, "gedrag": ["psychisch"], "gevaar": False},
        niet=NOOD,
        moet={"vertrouwenspersoon-intern", "1712"},
        bron=BRON_1712,
        waarom="112 and 101 are only for urgent situations (their own voorwaarden).",
    ),
    G(
        "niets-beantwoord",
        {},
        moet={"1712", "caw", "vlaams-meldpunt"},
        niet={"noodnummer-112", "politie", "over-grenzen"},
        bron=(BRON_1712, BRON_CAW, BRON_MELDPUNT),
        waarom="With no answers the broad, free, anonymous helplines fit; no emergency numbers.",
    ),
    # === A police complaint ===================================================================
    G(
        "wil-aangifte-doen-zonder-gevaar",
        {**WERK, "gedrag": ["fysiek"], "wens": ["aangifte"], "gevaar": False},
        eerste="politie",
        moet={"politie"},
        niet={"noodnummer-112", "zsg"},
        bron=(BRON_1712, BRON_ZSG),
        waarom="A complaint is filed at the police, not through 112; the ZSG is for sexual violence.",
    ),
    G(
        "wil-aangifte-na-aanranding-deze-week",
        {**WERK, "gedrag": ["seksueel"], "wens": ["aangifte"], "wanneer": "minder-dan-week"},
        eerste="zsg",
        moet={"zsg", "politie"},
        niet={"noodnummer-112"},
        volgorde=[("zsg", "politie")],
        bron=(BRON_ZSG, BRON_ZSG_72U),
        waarom="At a ZSG a complaint can be filed on the spot, with evidence kept: within 7 days first.",
    ),
    G(
        "wil-praten-en-advies-na-seksueel-geweld-op-het-werk-deze-week",
        {
            **WERK,
            "gedrag": ["seksueel"],
            "wens": ["praten", "advies"],
            "wanneer": "minder-dan-week",
        },
        eerste="zsg",
        moet={"zsg", "vertrouwenspersoon-extern", "1712", "caw"},
        niet=NOOD,
        bron=(BRON_ZSG, BRON_ZSG_72U),
        waarom="The ZSG gives care, evidence and support in the first days whatever else is wanted.",
    ),
    G(
        "formele-klacht-over-seksueel-geweld-op-het-werk",
        {**WERK, "gedrag": ["seksueel"], "wens": ["formeel"], "wanneer": "langer-geleden"},
        moet={"politie", "preventieadviseur-psychosociaal"},
        niet={"noodnummer-112", "zsg"},
        bron=(PLAN_21, BRON_PSYCHOSOCIALE_INTERVENTIE, "issue 10: crimes and minors"),
        waarom="Sexual violence is a crime: a formal complaint includes the police beside the PAPS.",
    ),
    G(
        "formele-klacht-over-fysiek-geweld-als-vrijwilliger",
        {**VRIJE_TIJD, "gedrag": ["fysiek"], "wens": ["formeel"]},
        moet={"politie"},
        niet={"noodnummer-112", "arbeidsinspectie"},
        bron=(BRON_1712, BRON_INSPECTIE),
        waarom="Physical violence is a crime for anyone; the labour inspection is not for volunteers.",
    ),
    G(
        "formele-klacht-over-stalking",
        {**WERK, "gedrag": ["psychisch"], "wens": ["formeel"]},
        moet={"politie", "preventieadviseur-psychosociaal"},
        niet={"noodnummer-112"},
        bron=(BRON_PSYCHOSOCIALE_INTERVENTIE, "issue 10: crimes and minors"),
        waarom="Stalking or threats can be crimes: the police with that condition, beside the PAPS.",
    ),
    G(
        "formele-klacht-over-machtsmisbruik-geen-politie",
        {**WERK, "gedrag": ["machtsmisbruik"], "wens": ["formeel"]},
        eerste="preventieadviseur-psychosociaal",
        moet={"preventieadviseur-psychosociaal", "arbeidsinspectie"},
        niet=NOOD,
        bron=(BRON_PSYCHOSOCIALE_INTERVENTIE, BRON_INSPECTIE),
        waarom="Abuse of power is not a crime in itself: the formal route is the PAPS, not the police.",
    ),
    G(
        "formele-klacht-inspectie-pas-na-de-preventieadviseur",
        {**WERK, "gedrag": ["psychisch"], "wens": ["formeel"], "eigen_aanspreekpunt": "ja"},
        volgorde=[("preventieadviseur-psychosociaal", "arbeidsinspectie")],
        moet={"preventieadviseur-psychosociaal", "arbeidsinspectie"},
        bron=BRON_INSPECTIE,
        waarom="The inspection acts directly only without a PAPS or a lawful procedure; else after it.",
    ),
    G(
        "aangifte-van-een-haatmisdrijf-op-een-concert",
        {**EVENEMENT, **DISCRIMINATIE, "discriminatiegrond": "afkomst", "wens": ["aangifte"]},
        eerste="politie",
        moet={"politie", "unia"},
        bron=(BRON_UNIA_VLAANDEREN, "politie voorwaarden: bij een haatmisdrijf ook naar Unia"),
        waarom="Hate crimes stay with Unia in Flemish matters too; the complaint itself is the police.",
    ),
    # === Minors: a child now ==================================================================
    G(
        "kind-in-een-jeugdtheater-seksueel",
        {**LID, "gedrag": ["seksueel"], "minderjarig": True, "wanneer": "langer-geleden"},
        eerste="1712",
        moet={"1712", "vlaams-meldpunt", "caw"},
        niet={"erkenningscommissie", "zsg", *NOOD},
        volgorde=[("1712", "api"), ("1712", "vlaams-meldpunt")],
        bron=(BRON_1712, BRON_ERKENNING, BRON_ZSG_LEUVEN),
        waarom="1712 is for children and young people first; the commission needs 10 years.",
    ),
    G(
        "kind-na-aanranding-deze-week",
        {**LID, "gedrag": ["seksueel"], "minderjarig": True, "wanneer": "minder-dan-week"},
        eerste="zsg",
        moet={"zsg", "1712"},
        volgorde=[("zsg", "1712"), ("1712", "api"), ("1712", "vlaams-meldpunt")],
        bron=(BRON_ZSG, BRON_ZSG_72U, BRON_1712),
        waarom="The ZSG serves children too and evidence lasts 7 days; then 1712.",
    ),
    G(
        "minderjarige-stagiair-nooit-eerst-intern",
        {**STAGE, "gedrag": ["psychisch"], "minderjarig": True},
        eerste="1712",
        moet={"1712", "vertrouwenspersoon-intern"},
        volgorde=[
            ("1712", "vertrouwenspersoon-intern"),
            ("1712", "preventieadviseur-intern"),
            ("1712", "api"),
        ],
        bron=(BRON_1712, BRON_WELZIJNSWET_PERSONEN, "issue 10: minors"),
        waarom="Interns have the vertrouwenspersoon, but a minor gets 1712 before a workplace actor.",
    ),
    G(
        "minderjarige-vrijwilliger-met-een-api",
        {**VRIJE_TIJD, "gedrag": ["psychisch"], "minderjarig": True, "eigen_aanspreekpunt": "ja"},
        eerste="1712",
        moet={"api", "1712"},
        volgorde=[("1712", "api")],
        bron=(BRON_1712, BRON_API, "issue 10: minors"),
        waarom="Even with an API of their own, a minor starts with 1712, not an internal point.",
    ),
    G(
        "kind-dat-iets-zag-gebeuren",
        {
            "rol": "deelnemer",
            "perspectief": "getuige",
            "context": "vrije-tijd",
            "minderjarig": True,
        },
        eerste="1712",
        moet={"1712", "vlaams-meldpunt"},
        volgorde=[("1712", "vlaams-meldpunt")],
        # PUNT vzw supports victims and their relatives; a witness may be one, so whether it
        # is there for this child is unknown, not no: it may stay, after the confirmed fits.
        nagaan={"punt-vzw"},
        bron=(BRON_1712, BRON_MELDPUNT_WIE),
        waarom="1712 is for child witnesses too; the Meldpunt takes witnesses' reports.",
    ),
    G(
        "kind-wil-een-klacht-over-misbruik",
        {**LID, "gedrag": ["seksueel"], "minderjarig": True, "wens": ["formeel"]},
        moet={"politie", "1712"},
        volgorde=[
            ("1712", "politie"),
            ("1712", "preventieadviseur-psychosociaal"),
            ("1712", "engagement-arts"),
        ],
        bron=(BRON_1712, "regels.MINDERJARIG_STRAFBAAR_REDEN: 1712 helpt je eerst nadenken"),
        waarom="Abuse of a minor is a crime (police), and 1712 helps a child think it through first.",
    ),
    G(
        "kind-zonder-tijdstip-de-commissie-niet-vooraan",
        {**LID, "gedrag": ["seksueel"], "minderjarig": True},
        eerste={"1712", "zsg"},
        moet={"1712", "zsg", "vlaams-meldpunt"},
        volgorde=[("1712", "erkenningscommissie"), ("vlaams-meldpunt", "erkenningscommissie")],
        bron=(BRON_ERKENNING, BRON_1712, "brief: the commission first only for old facts"),
        waarom="A child's facts are not known to be 10 years old: the commission is no first step.",
    ),
    G(
        "kind-wil-klacht-over-psychisch-geweld",
        {**LID, "gedrag": ["psychisch"], "minderjarig": True, "wens": ["formeel"]},
        moet={"politie"},
        niet={"noodnummer-112", "zsg"},
        bron=("issue 10: any abuse of a minor includes the police", BRON_ZSG),
        waarom="Any abuse of a minor includes the police; the ZSG is for sexual violence only.",
    ),
    # === Minors: an adult who was abused as a child ===========================================
    G(
        "als-kind-misbruikt-jaren-geleden-wil-erkenning",
        {
            "perspectief": "slachtoffer",
            "gedrag": ["seksueel"],
            "wanneer": "jaren-geleden",
            "minderjarig": True,
            "wens": ["bemiddeling"],
        },
        eerste="erkenningscommissie",
        moet={"erkenningscommissie", "1712"},
        niet={"zsg", *NOOD},
        volgorde=[("erkenningscommissie", "vlaams-meldpunt")],
        bron=(BRON_ERKENNING, BRON_1712),
        waarom="Abuse at least 10 years ago: recognition and mediation at the commission, first.",
    ),
    G(
        "als-kind-misbruikt-jaren-geleden",
        {
            "perspectief": "slachtoffer",
            "gedrag": ["fysiek"],
            "wanneer": "jaren-geleden",
            "minderjarig": True,
        },
        eerste={"1712", "erkenningscommissie"},
        moet={"erkenningscommissie", "1712", "caw"},
        niet={"zsg"},
        volgorde=[("erkenningscommissie", "caw"), ("1712", "vlaams-meldpunt")],
        bron=(BRON_ERKENNING, BRON_1712),
        waarom="The commission recognises childhood abuse of 10+ years ago; 1712 serves adults too.",
    ),
    G(
        "als-kind-misbruikt-maar-nog-geen-tien-jaar",
        {
            "perspectief": "slachtoffer",
            "gedrag": ["seksueel"],
            "wanneer": "langer-geleden",
            "minderjarig": True,
        },
        eerste="1712",
        moet={"1712", "caw"},
        niet={"erkenningscommissie", "zsg"},
        niet_passend={"erkenningscommissie"},
        bron=(BRON_ERKENNING, BRON_1712),
        waarom="The commission is only for abuse of at least 10 years ago, also for childhood abuse.",
    ),
    G(
        "volwassene-misbruik-jaren-geleden-op-het-werk",
        {**WERK, "gedrag": ["psychisch"], "wanneer": "jaren-geleden"},
        moet={"erkenningscommissie", "vlaams-meldpunt"},
        niet={"zsg"},
        bron=(BRON_ERKENNING, BRON_ERKENNING_WIE),
        waarom="Historical abuse in a Flemish organisation, adult or child: the commission fits.",
    ),
    # === Witnesses ============================================================================
    G(
        "getuige-van-pesten-op-het-werk",
        {"rol": "werknemer", "perspectief": "getuige", "context": "werk", "gedrag": ["psychisch"]},
        moet={
            "vertrouwenspersoon-intern",
            "vlaams-meldpunt",
            "1712",
            "preventieadviseur-psychosociaal",
        },
        niet={"punt-vzw", *NOOD},
        bron=(BRON_MELDPUNT_WIE, BRON_1712, BRON_PUNT),
        waarom="Witnesses go to the vp, the Meldpunt and 1712; PUNT is for sexual violence victims.",
    ),
    G(
        "getuige-van-discriminatie-bij-een-voorstelling",
        {
            "rol": "publiek",
            "perspectief": "getuige",
            "context": "evenement",
            **DISCRIMINATIE,
            "discriminatiegrond": "afkomst",
        },
        moet={"vmri", "vlaams-meldpunt"},
        volgorde=[("vmri", "unia")],
        bron=(BRON_VMRI, BRON_VMRI_BEVOEGD, BRON_UNIA_VLAANDEREN),
        waarom="The VMRI invites witnesses and is competent for access to culture; Unia is not.",
    ),
    G(
        "getuige-van-seksisme-op-het-werk",
        {
            "rol": "werknemer",
            "perspectief": "getuige",
            "context": "werk",
            "werkgever": "prive",
            **DISCRIMINATIE,
            "discriminatiegrond": "gender",
        },
        eerste="igvm",
        moet={"igvm", "vlaams-meldpunt"},
        niet={"unia", "vmri"},
        bron=(PLAN_21, BRON_IGVM, BRON_UNIA_VLAANDEREN),
        waarom="The IGVM is the reporting point for victims and witnesses of sexism (action 2.1).",
    ),
    G(
        "getuige-van-aanranding-als-steunfiguur",
        {
            "rol": "publiek",
            "perspectief": "getuige",
            "context": "evenement",
            "gedrag": ["seksueel"],
            "wanneer": "minder-dan-week",
        },
        eerste="zsg",
        moet={"zsg", "meldpunt-publiek", "1712"},
        bron=(PLAN_21, BRON_ZSG),
        waarom="The ZSG also advises the people who support a victim; urgent within 7 days.",
    ),
    G(
        "getuige-in-het-publiek",
        {"rol": "publiek", "perspectief": "getuige", "context": "evenement", "gedrag": ["fysiek"]},
        moet={"meldpunt-publiek", "1712"},
        niet={"over-grenzen", "punt-vzw"},
        bron=(PLAN_25, BRON_1712, BRON_PUNT),
        waarom="A witness at an event: its reporting point and 1712; PUNT is for sexual violence.",
    ),
    # === Audience =============================================================================
    G(
        "publiek-lastiggevallen-door-een-andere-bezoeker",
        {**EVENEMENT, "gedrag": ["seksueel"], "wanneer": "nu", "andere_partij": "bezoeker"},
        eerste="zsg",
        moet={"meldpunt-publiek", "zsg", "1712", "caw"},
        niet={"vlaams-meldpunt", *NOOD},
        niet_passend={"vlaams-meldpunt"},
        volgorde=[("zsg", "meldpunt-publiek")],
        bron=(BRON_MELDPUNT_FARO, PLAN_25, BRON_ZSG_72U),
        waarom="The Meldpunt does not handle behaviour between one-time visitors; the event's point does.",
    ),
    G(
        "publiek-lastiggevallen-door-personeel",
        {
            **EVENEMENT,
            "gedrag": ["seksueel"],
            "wanneer": "langer-geleden",
            "andere_partij": "collega",
        },
        moet={"vlaams-meldpunt", "1712", "caw"},
        niet={"meldpunt-publiek", "zsg"},
        bron=(BRON_MELDPUNT_FARO, PLAN_25),
        waarom="A visitor harmed by staff qualifies: enough that the perpetrator works there (FARO).",
    ),
    G(
        "publiek-vernederd-door-de-regisseur",
        {**EVENEMENT, "gedrag": ["psychisch"], "andere_partij": "leiding"},
        moet={"vlaams-meldpunt", "1712"},
        niet=NOOD,
        bron=BRON_MELDPUNT_FARO,
        waarom="Harm by someone in charge of the organisation: the Meldpunt is there for the visitor.",
    ),
    G(
        "publiek-zonder-te-zeggen-wie-het-deed",
        {**EVENEMENT, "gedrag": ["seksueel"], "wanneer": "langer-geleden"},
        moet={"vlaams-meldpunt", "1712", "caw"},
        bron=BRON_MELDPUNT_FARO,
        waarom="Who did it is not known: the Meldpunt stays, with its condition, never silently dropped.",
    ),
    G(
        "publiek-weken-later-geen-meldpunt-ter-plaatse",
        {
            **EVENEMENT,
            "gedrag": ["seksueel"],
            "wanneer": "langer-geleden",
            "andere_partij": "bezoeker",
        },
        moet={"1712", "caw"},
        niet={"meldpunt-publiek", "zsg", "vlaams-meldpunt"},
        bron=(PLAN_25, BRON_ZSG_LEUVEN, BRON_MELDPUNT_FARO),
        waarom="An event's point helps during or right after it; the ZSG is for the first weeks.",
    ),
    G(
        "publiek-met-een-handicap-geweigerd-bij-een-voorstelling",
        {**EVENEMENT, **DISCRIMINATIE, "discriminatiegrond": "handicap"},
        eerste="vmri",
        moet={"vmri", "meldpunt-publiek"},
        volgorde=[("vmri", "unia")],
        bron=(BRON_VMRI_BEVOEGD, BRON_UNIA_VLAANDEREN),
        waarom="Access to a cultural activity is a Flemish matter: the VMRI is competent, not Unia.",
    ),
    G(
        "publiek-geen-werknemersroute",
        {**EVENEMENT, "gedrag": ["psychisch"], "andere_partij": "collega"},
        niet={
            "vertrouwenspersoon-intern",
            "vertrouwenspersoon-extern",
            "preventieadviseur-intern",
            "preventieadviseur-psychosociaal",
            "arbeidsinspectie",
        },
        moet={"vlaams-meldpunt", "1712"},
        bron=(BRON_WELZIJNSWET_PERSONEN, BRON_INSPECTIE),
        waarom="The Welzijnswet's actors are for workers and assimilated people, not for an audience.",
    ),
    # === The accused ==========================================================================
    G(
        "werknemer-beschuldigd-van-seksueel-gedrag",
        {**BESCHULDIGD, "gedrag": ["seksueel"]},
        moet={
            "vertrouwenspersoon-intern",
            "preventieadviseur-psychosociaal",
            "1712",
            "caw",
            "vlaams-meldpunt",
        },
        niet={"punt-vzw", "zsg", *NOOD},
        bron=(BRON_ART_32_2, BRON_1712, BRON_MELDPUNT_WIE, BRON_PUNT, PLAN_21),
        waarom="Any worker harmed by psychosocial risks may ask the vp or PAPS (art. 32/2); PUNT and "
        "the ZSG are for victims.",
    ),
    G(
        "beschuldigde-die-lid-is-van-de-vakbond",
        {**BESCHULDIGD, "gedrag": ["psychisch"]},
        moet={"vakbond", "vertrouwenspersoon-intern", "1712"},
        niet={"punt-vzw", *NOOD},
        bron=(BRON_PODIUMKUNSTEN, "issue 10: the union for members"),
        waarom="The union defends its members, accused ones too: unconfirmed, so it stays to ask.",
    ),
    G(
        "beschuldigde-vrijwilliger",
        {"rol": "vrijwilliger", "perspectief": "beschuldigde", "context": "vrije-tijd"},
        moet={"1712", "caw", "vlaams-meldpunt"},
        niet={"punt-vzw", "zsg", *NOOD},
        bron=(BRON_1712, BRON_MELDPUNT_WIE, BRON_PUNT),
        waarom="1712, the CAW and the Meldpunt also serve people who use violence and want to stop.",
    ),
    G(
        "beschuldigde-freelancer",
        {
            "rol": "freelancer",
            "perspectief": "beschuldigde",
            "context": "werk",
            "gedrag": ["machtsmisbruik"],
        },
        moet={"1712", "caw", "vlaams-meldpunt"},
        niet={"punt-vzw", "zsg", "arbeidsinspectie"},
        bron=(BRON_1712, BRON_MELDPUNT_WIE, BRON_INSPECTIE),
        waarom="A freelancer who is accused: 1712, the CAW, the Meldpunt; no internal point first.",
    ),
    G(
        "beschuldigde-wil-praten",
        {**BESCHULDIGD, "gedrag": ["fysiek"], "wens": ["praten"]},
        moet={"1712", "caw"},
        niet={"zsg", "punt-vzw", *NOOD},
        bron=(BRON_1712, BRON_CAW),
        waarom="1712 and the CAW listen to people who use violence; no police without a complaint.",
    ),
    # === Freelancers ==========================================================================
    G(
        "freelancer-zonder-opdrachtgever-met-vertrouwenspersoon",
        {**FREELANCE, "gedrag": ["seksueel"], "eigen_aanspreekpunt": "nee"},
        moet={"vlaams-meldpunt", "engagement-arts", "1712", "vakbond"},
        niet={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "api", "arbeidsinspectie"},
        niet_passend={"arbeidsinspectie"},
        bron=(BRON_MELDPUNT_WIE, BRON_ENGAGEMENT_ARTS, BRON_VAKBOND_FREELANCERS, BRON_INSPECTIE),
        waarom="No organisation to turn to: the sector's and Flanders' points; unions organise freelancers.",
    ),
    G(
        "freelancer-weet-niet-of-er-een-aanspreekpunt-is",
        {**FREELANCE, "gedrag": ["machtsmisbruik"]},
        eerste={"engagement-arts", "vlaams-meldpunt", "vakbond"},
        moet={"vlaams-meldpunt", "engagement-arts", "vakbond", "api"},
        volgorde=[("vlaams-meldpunt", "api"), ("engagement-arts", "api")],
        bron=(BRON_ENGAGEMENT_ARTS, BRON_MELDPUNT_WIE, PLAN_24, "feiten-controle-2 section 4, 2.4"),
        waarom="A freelancer who did not say there is one never starts at an API or vp (action 2.4).",
    ),
    G(
        "freelancer-bij-een-opdrachtgever-met-vertrouwenspersoon",
        {
            **FREELANCE,
            "gedrag": ["seksueel"],
            "eigen_aanspreekpunt": "ja",
            "sector": "podiumkunsten",
        },
        moet={
            "vertrouwenspersoon-intern",
            "sfp-freelance-pool",
            "vlaams-meldpunt",
            "engagement-arts",
        },
        nagaan={"vertrouwenspersoon-intern", "sfp-freelance-pool"},
        bron=(BRON_PODIUMKUNSTEN, PLAN_23C, "vertrouwenspersoon-intern voorwaarden"),
        waarom="Whether a client's vp serves freelancers is unclear: on the route, with 'vraag het na'.",
    ),
    G(
        "freelancer-en-de-vakbond",
        {**FREELANCE, "gedrag": ["psychisch"]},
        moet={"vakbond"},
        bron=(BRON_VAKBOND_FREELANCERS, BRON_CULTUURVAKBOND),
        waarom="Unions organise self-employed members (United Freelancers): never 'niet voor freelancers'.",
    ),
    G(
        "freelancer-en-de-sfp-pool",
        {**FREELANCE, "gedrag": ["seksueel"], "sector": "podiumkunsten"},
        moet={"sfp-freelance-pool", "engagement-arts"},
        nagaan={"sfp-freelance-pool"},
        bron=(PLAN_23C, "feiten-controle-2 row 25"),
        waarom="No source says who the pool serves; the seed's reason is changing 'opdrachtgever'.",
    ),
    G(
        "freelancer-wil-formele-procedure",
        {**FREELANCE, "gedrag": ["psychisch"], "wens": ["formeel"], "eigen_aanspreekpunt": "nee"},
        moet={"politie"},
        niet={"arbeidsinspectie", "vertrouwenspersoon-intern", "api"},
        niet_passend={"arbeidsinspectie"},
        bron=(BRON_INSPECTIE, BRON_WELZIJNSWET_PERSONEN),
        waarom="The inspection checks employers' duties under the Welzijnswet, not a freelancer's case.",
    ),
    G(
        "freelancer-anoniem-seksisme",
        {
            **FREELANCE,
            **DISCRIMINATIE,
            "discriminatiegrond": "gender",
            "anoniem": True,
        },
        moet={"vlaams-meldpunt", "caw"},
        niet={"igvm"},
        niet_passend={"igvm"},
        bron=(BRON_IGVM, BRON_MELDPUNT),
        waarom="The IGVM does not handle anonymous reports; the Meldpunt and the CAW do.",
    ),
    G(
        "freelancer-onbetaald-na-grensoverschrijdend-gedrag",
        {**FREELANCE, "gedrag": ["machtsmisbruik"], "wens": ["advies"], "sector": "podiumkunsten"},
        moet={CULTUURLOKET, "vlaams-meldpunt"},
        wacht_op={CULTUURLOKET},
        bron=(BRON_CULTUURLOKET, "issue 10: contact points the vangnet misses"),
        waarom="Contract, pay and status questions that come with abuse of power: Cultuurloket advises.",
    ),
    G(
        "freelancer-wil-lotgenoten",
        {**FREELANCE, "gedrag": ["seksueel"], "wens": ["lotgenoten"]},
        eerste={"engagement-arts", "punt-vzw"},
        moet={"engagement-arts", "punt-vzw"},
        niet={"over-grenzen"},
        bron=(BRON_ENGAGEMENT_ARTS, BRON_PUNT, BRON_OVER_GRENZEN),
        waarom="Peer groups offer lotgenoten; 'Over Grenzen' is not routed until its identity is known.",
    ),
    # === Volunteers and members in amateur arts ===============================================
    G(
        "vrijwilliger-gepest-in-een-amateurgezelschap",
        {**VRIJE_TIJD, "gedrag": ["psychisch"], "sector": "amateurkunsten"},
        moet={"api", "vlaams-meldpunt", "caw", "1712"},
        niet={"arbeidsinspectie", *NOOD},
        bron=(BRON_MELDPUNT_WIE, PLAN_24, BRON_INSPECTIE),
        waarom="Volunteers: an API and the Meldpunt; the labour inspection is only for workers.",
    ),
    G(
        "vrijwilliger-die-een-formele-procedure-wil",
        {**VRIJE_TIJD, "gedrag": ["psychisch"], "wens": ["formeel"]},
        moet={"politie", "preventieadviseur-psychosociaal"},
        niet={"arbeidsinspectie"},
        nagaan={"preventieadviseur-psychosociaal"},
        bron=(BRON_WELZIJNSWET_PERSONEN, "vangnet-feiten C: no source excludes volunteers"),
        waarom="No source settles volunteers and the PAPS: it stays, to ask; the inspection does not.",
    ),
    G(
        "vrijwilliger-met-een-eigen-api",
        {
            **VRIJE_TIJD,
            "gedrag": ["seksueel"],
            "eigen_aanspreekpunt": "ja",
            "wanneer": "langer-geleden",
        },
        eerste="api",
        moet={"api", "vlaams-meldpunt"},
        niet={"zsg", "erkenningscommissie"},
        bron=(PLAN_24, BRON_API),
        waarom="For a volunteer the API is the organisation's own point: it comes first.",
    ),
    G(
        "vrijwilliger-zonder-api",
        {**VRIJE_TIJD, "gedrag": ["seksueel"], "eigen_aanspreekpunt": "nee"},
        moet={"vlaams-meldpunt", "1712", "caw"},
        niet={"api", "vertrouwenspersoon-intern", "vertrouwenspersoon-extern"},
        bron=(PLAN_24, BRON_MELDPUNT_WIE),
        waarom="The person's own answer: no API or vp. The outside points stay.",
    ),
    G(
        "lid-van-een-koor",
        {**LID, "gedrag": ["psychisch"], "sector": "amateurkunsten"},
        moet={"api", "vlaams-meldpunt", "1712", "caw"},
        niet={"arbeidsinspectie"},
        volgorde=[("vlaams-meldpunt", "caw")],
        bron=(BRON_MELDPUNT_WIE, BRON_1712, BRON_INSPECTIE),
        waarom="Members of a choir: an API and the Meldpunt (Flemish sector) before general help.",
    ),
    G(
        "lid-van-een-harmonie-discriminatie",
        {**LID, **DISCRIMINATIE, "discriminatiegrond": "afkomst", "sector": "amateurkunsten"},
        eerste="vmri",
        moet={"vmri", "vlaams-meldpunt"},
        volgorde=[("vmri", "unia")],
        bron=(BRON_VMRI_BEVOEGD, BRON_UNIA_VLAANDEREN),
        waarom="Discrimination in an amateur arts club is a Flemish matter (leisure): the VMRI.",
    ),
    G(
        "vrijwilliger-op-een-festival-lastiggevallen-door-een-bezoeker",
        {
            "rol": "vrijwilliger",
            "perspectief": "slachtoffer",
            "context": "evenement",
            "gedrag": ["seksueel"],
            "andere_partij": "bezoeker",
            "wanneer": "langer-geleden",
        },
        moet={"vlaams-meldpunt", "1712"},
        niet={"zsg"},
        bron=BRON_MELDPUNT_FARO,
        waarom="The volunteer is a member of the organisation: enough for the Meldpunt (FARO).",
    ),
    # === Students and interns =================================================================
    G(
        "student-op-stage-seksueel",
        {**STAGE, "gedrag": ["seksueel"], "wanneer": "langer-geleden"},
        moet={"vertrouwenspersoon-intern", "preventieadviseur-psychosociaal", "engagement-arts"},
        niet={"meldpunt-publiek", "zsg"},
        bron=(BRON_WELZIJNSWET_PERSONEN, BRON_ENGAGEMENT_ARTS, PLAN_25),
        waarom="Interns are assimilated to workers; a reporting point for audiences is not for them.",
    ),
    G(
        "student-discriminatie-handicap-in-de-opleiding",
        {**STAGE, **DISCRIMINATIE, "discriminatiegrond": "handicap"},
        eerste="vmri",
        moet={"vmri"},
        niet={"igvm"},
        volgorde=[("vmri", "unia")],
        bron=(BRON_VMRI_BEVOEGD, BRON_IGVM, BRON_UNIA_VLAANDEREN),
        waarom="Education is a Flemish matter (VMRI); the IGVM leaves Flemish matters to the VMRI.",
    ),
    G(
        "student-seksisme-in-de-opleiding",
        {**STAGE, **DISCRIMINATIE, "discriminatiegrond": "gender"},
        eerste="vmri",
        moet={"vmri"},
        niet={"igvm", "unia"},
        niet_passend={"igvm"},
        bron=(BRON_IGVM, BRON_VMRI_BEVOEGD),
        waarom="Sexism in education: the VMRI; the IGVM's FAQ sends Flemish matters to the VMRI.",
    ),
    G(
        "student-anoniem",
        {**STAGE, "gedrag": ["psychisch"], "anoniem": True},
        moet={"1712", "vlaams-meldpunt", "caw"},
        niet={"preventieadviseur-psychosociaal"},
        niet_passend={"preventieadviseur-psychosociaal"},
        bron=(BRON_PAPS_ANONIEM, BRON_1712, BRON_MELDPUNT),
        waarom="A formal request at the PAPS needs your name; 1712 and the Meldpunt do not.",
    ),
    G(
        "stagiair-wil-zorg-na-fysiek-geweld",
        {**STAGE, "gedrag": ["fysiek"], "wens": ["zorg"]},
        moet={"huisarts"},
        niet={"unia", "vmri", "arbeidsinspectie", "zsg"},
        bron=("https://engagementarts.be/en/tools", BRON_ZSG),
        waarom="See a doctor after physical violence; points that give no care drop out.",
    ),
    # === Online ===============================================================================
    G(
        "online-intieme-beelden-verspreid",
        {**WERK, "gedrag": ["seksueel"], "andere_partij": "online", "wens": ["formeel"]},
        moet={"politie"},
        niet={"noodnummer-112"},
        bron=("issue 10: online image abuse is a crime", BRON_IGVM),
        waarom="Spreading intimate images is a crime: a formal complaint includes the police.",
    ),
    G(
        "online-stalking-klacht",
        {
            "rol": "freelancer",
            "perspectief": "slachtoffer",
            "gedrag": ["psychisch"],
            "andere_partij": "online",
            "wens": ["formeel"],
        },
        moet={"politie"},
        niet={"noodnummer-112", "arbeidsinspectie"},
        # What the person asked for comes before a group for violence in relationships.
        volgorde=[("politie", "vzw-zijn")],
        bron=("issue 10: stalking is a crime", BRON_INSPECTIE, "https://vzwzijn.be/wie-zijn-we/"),
        waarom="Online stalking can be a crime: the police, with that condition in plain words.",
    ),
    G(
        "online-gepest-wil-praten",
        {
            "rol": "werknemer",
            "perspectief": "slachtoffer",
            "gedrag": ["psychisch"],
            "andere_partij": "online",
            "wens": ["praten"],
        },
        moet={"1712", "caw"},
        niet=NOOD,
        bron=(BRON_1712, BRON_CAW),
        waarom="To talk about online harassment: 1712 and the CAW; no police without a complaint.",
    ),
    # === Discrimination: Flemish matters (culture, leisure, education) ========================
    *[
        G(
            f"discriminatie-{grond}-in-de-vrije-tijd",
            {**LID, **DISCRIMINATIE, "discriminatiegrond": grond},
            eerste="vmri",
            moet={"vmri", "vlaams-meldpunt"},
            # Gender: Unia's and the IGVM's own sources send it elsewhere (sourced no).
            niet={"igvm", "unia"} if grond == "gender" else (),
            volgorde=[] if grond == "gender" else [("vmri", "unia")],
            bron=(BRON_VMRI_BEVOEGD, BRON_UNIA_VLAANDEREN, BRON_IGVM),
            waarom="Since 15 March 2023 the VMRI handles discrimination in Flemish matters, every "
            "ground; Unia keeps only hate speech there, the IGVM leaves Flemish matters.",
        )
        for grond in (
            "gender",
            "afkomst",
            "seksuele-orientatie",
            "handicap",
            "leeftijd",
            "geloof",
            "taal",
        )
    ],
    G(
        "discriminatie-in-de-vrije-tijd-grond-onbekend",
        {**LID, **DISCRIMINATIE},
        eerste="vmri",
        moet={"vmri", "vlaams-meldpunt"},
        bron=BRON_VMRI_BEVOEGD,
        waarom="Whatever the ground, in leisure the VMRI is competent.",
    ),
    G(
        "discriminatie-anoniem-in-de-vrije-tijd",
        {**LID, **DISCRIMINATIE, "discriminatiegrond": "afkomst", "anoniem": True},
        moet={"vlaams-meldpunt"},
        niet={"vmri"},
        niet_passend={"vmri"},
        bron=(BRON_VMRI_ANONIEM, BRON_MELDPUNT),
        waarom="A VMRI complaint cannot be anonymous (mediation); the Meldpunt can, and contacts the VMRI.",
    ),
    # === Discrimination: federal matters (work at a private employer, federal government) ======
    *[
        G(
            f"discriminatie-{grond}-op-het-werk-prive",
            {**WERK, **DISCRIMINATIE, "discriminatiegrond": grond, "werkgever": "prive"},
            eerste="unia",
            moet={"unia", "vlaams-meldpunt"},
            niet={"vmri", "igvm"},
            bron=(BRON_UNIA_VLAANDEREN, BRON_IGVM),
            waarom="Work at a private employer is a federal matter: Unia; the IGVM only for gender.",
        )
        for grond in ("afkomst", "seksuele-orientatie", "handicap", "leeftijd", "geloof")
    ],
    G(
        "discriminatie-gender-op-het-werk-prive",
        {**WERK, **DISCRIMINATIE, "discriminatiegrond": "gender", "werkgever": "prive"},
        eerste="igvm",
        moet={"igvm", "vlaams-meldpunt"},
        niet={"unia", "vmri"},
        bron=(BRON_IGVM, BRON_UNIA_VLAANDEREN),
        waarom="Sex and gender at work: the IGVM; Unia and the VMRI are not competent.",
    ),
    G(
        "discriminatie-afkomst-bij-de-federale-overheid",
        {
            **WERK,
            **DISCRIMINATIE,
            "discriminatiegrond": "afkomst",
            "werkgever": "federale-overheid",
        },
        eerste="unia",
        moet={"unia"},
        niet={"vmri", MELDPUNT_WERK},
        bron=(BRON_UNIA_VLAANDEREN, BRON_MELDPUNTEN_WERK),
        waarom="The federal government as employer is a federal matter: Unia.",
    ),
    G(
        "discriminatie-werkgever-niet-gezegd",
        {**WERK, **DISCRIMINATIE, "discriminatiegrond": "afkomst"},
        moet={"unia", "vlaams-meldpunt"},
        niet={"igvm"},
        bron=(BRON_UNIA_VLAANDEREN, BRON_MELDPUNTEN_WERK, BRON_IGVM),
        waarom="Unknown employer: Unia with its condition stays; never silently assume one.",
    ),
    G(
        "discriminatie-bij-de-vlaamse-overheid",
        {**WERK, **DISCRIMINATIE, "discriminatiegrond": "afkomst", "werkgever": "vlaamse-overheid"},
        eerste=MELDPUNT_WERK,
        moet={MELDPUNT_WERK, "vlaams-meldpunt"},
        wacht_op={MELDPUNT_WERK},
        bron=BRON_MELDPUNTEN_WERK,
        waarom="Staff of the Flemish government: the Meldpunt Werkgerelateerde Discriminatie.",
    ),
    G(
        "seksisme-bij-de-vlaamse-overheid",
        {**WERK, **DISCRIMINATIE, "discriminatiegrond": "gender", "werkgever": "vlaamse-overheid"},
        moet={MELDPUNT_WERK},
        niet={"unia"},
        wacht_op={MELDPUNT_WERK},
        bron=(BRON_MELDPUNTEN_WERK, BRON_IGVM),
        waarom="The Flemish meldpunt handles work discrimination for its staff and passes on the rest.",
    ),
    G(
        "loondiscriminatie-als-vrouw",
        {
            **WERK,
            **DISCRIMINATIE,
            "discriminatiegrond": "gender",
            "werkgever": "prive",
            "wens": ["formeel"],
        },
        eerste="igvm",
        moet={"igvm", SOCIALE_WETTEN},
        niet={"unia", "vmri"},
        wacht_op={SOCIALE_WETTEN},
        bron=(BRON_MELDPUNTEN_WERK, BRON_IGVM),
        waarom="Unequal pay: the social inspection can act (with its condition), the IGVM for gender.",
    ),
    G(
        "loondiscriminatie-wegens-leeftijd",
        {**WERK, **DISCRIMINATIE, "discriminatiegrond": "leeftijd", "werkgever": "prive"},
        eerste="unia",
        moet={"unia", SOCIALE_WETTEN},
        niet={"vmri", "igvm"},
        wacht_op={SOCIALE_WETTEN},
        bron=(BRON_MELDPUNTEN_WERK, BRON_UNIA_VLAANDEREN),
        waarom="Pay or contract discrimination at work: Toezicht op de Sociale Wetten, beside Unia.",
    ),
    # === PC 304 and PC 329 workers ============================================================
    G(
        "pc304-werknemer-podiumkunsten-seksueel",
        {**WERK, "gedrag": ["seksueel"], "sector": "podiumkunsten", "wanneer": "langer-geleden"},
        moet={
            "vertrouwenspersoon-intern",
            "preventieadviseur-psychosociaal",
            "sfp-freelance-pool",
            "vlaams-meldpunt",
        },
        niet={"zsg"},
        bron=(PLAN_23C, BRON_PODIUMKUNSTEN),
        waarom="Workers have the legal internal route; SFP's pool was made for the performing arts.",
    ),
    G(
        "pc304-werknemer-in-de-muziek",
        {**WERK, "gedrag": ["seksueel"], "sector": "muziek"},
        moet={"sfp-freelance-pool", "vertrouwenspersoon-intern"},
        nagaan={"sfp-freelance-pool"},
        bron=(PLAN_23C, PLAN_12B),
        waarom="PC 304 also covers music; whether the pool serves it is unconfirmed: ask.",
    ),
    G(
        "pc304-werknemer-kleine-organisatie-zonder-vertrouwenspersoon",
        {**WERK, "gedrag": ["psychisch"], "sector": "podiumkunsten", "eigen_aanspreekpunt": "nee"},
        moet={"sfp-freelance-pool", "preventieadviseur-psychosociaal", "vlaams-meldpunt"},
        niet={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "api"},
        niet_passend={"vertrouwenspersoon-intern"},
        bron=(PLAN_23C, BRON_PSYCHOSOCIALE_INTERVENTIE),
        waarom="Small organisations need no vp; the pool exists for that, and every employer has a PAPS.",
    ),
    G(
        "pc329-werknemer-cultureel-erfgoed",
        {**WERK, "gedrag": ["psychisch"], "sector": "cultureel-erfgoed"},
        moet={"vertrouwenspersoon-intern", "preventieadviseur-psychosociaal", "vlaams-meldpunt"},
        bron=(BRON_MELDPUNT_FARO, PLAN_12B, BRON_PSYCHOSOCIALE_INTERVENTIE),
        waarom="The Meldpunt is also there for the heritage sector (FARO); PC 329 workers are workers.",
    ),
    G(
        "pc329-werknemer-amateurkunsten",
        {**WERK, "gedrag": ["machtsmisbruik"], "sector": "amateurkunsten"},
        moet={
            "vertrouwenspersoon-intern",
            "preventieadviseur-psychosociaal",
            "vlaams-meldpunt",
            "vakbond",
        },
        bron=(PLAN_12B, BRON_MELDPUNT, BRON_PODIUMKUNSTEN),
        waarom="Staff of an amateur arts organisation (PC 329): the legal route, the Meldpunt, the union.",
    ),
    G(
        "pc329-werknemer-beeldende-kunsten-formeel",
        {**WERK, "gedrag": ["psychisch"], "sector": "beeldende-kunsten", "wens": ["formeel"]},
        eerste={"preventieadviseur-psychosociaal", "politie"},
        moet={"preventieadviseur-psychosociaal", "arbeidsinspectie"},
        bron=(PLAN_12B, BRON_PSYCHOSOCIALE_INTERVENTIE, BRON_INSPECTIE),
        waarom="Only the PAPS handles a formal request, in any joint committee.",
    ),
    # === Wishes ===============================================================================
    G(
        "werknemer-wil-bemiddeling",
        {**WERK, "gedrag": ["psychisch"], "wens": ["bemiddeling"]},
        moet={"vlaams-meldpunt", "vertrouwenspersoon-intern", "preventieadviseur-psychosociaal"},
        niet={"unia", "igvm", "arbeidsinspectie"},
        bron=(BRON_MELDPUNT, BRON_PSYCHOSOCIALE_INTERVENTIE),
        waarom="The Meldpunt organises restorative talks; vp and PAPS reconcile informally.",
    ),
    G(
        "werknemer-wil-zorg-na-fysiek-geweld",
        {**WERK, "gedrag": ["fysiek"], "wens": ["zorg"]},
        moet={"huisarts"},
        niet={"arbeidsinspectie", "unia", "zsg"},
        bron=("https://engagementarts.be/en/tools", BRON_ZSG),
        waarom="The GP is a contact point for care; specialised points that give no care drop out.",
    ),
    G(
        "werknemer-wil-praten-over-machtsmisbruik",
        {**WERK, "gedrag": ["machtsmisbruik"], "wens": ["praten"]},
        moet={"vertrouwenspersoon-intern", "vlaams-meldpunt", "1712", "caw"},
        niet={"zsg", "huisarts", "punt-vzw", "arbeidsinspectie"},
        bron=(BRON_PSYCHOSOCIALE_INTERVENTIE, BRON_MELDPUNT, BRON_1712, BRON_PUNT),
        waarom="Abuse of power is psychosocial: vp, the Meldpunt, 1712, the CAW listen.",
    ),
    G(
        "werknemer-geen-meldpunt-voor-publiek",
        {**WERK, "gedrag": ["psychisch"]},
        moet={"vertrouwenspersoon-intern", "preventieadviseur-psychosociaal", "vlaams-meldpunt"},
        niet={"meldpunt-publiek", "igvm", "zsg"},
        bron=(PLAN_25, BRON_IGVM, BRON_ZSG),
        waarom="Reporting points for audiences are for visitors of events (2.5); the IGVM handles "
        "sex and gender, the ZSG sexual violence: none is for bullying of a worker.",
    ),
    G(
        "werknemer-weet-niet-de-api-niet-vooraan",
        {**WERK, "gedrag": ["psychisch"], "eigen_aanspreekpunt": None},
        moet={"vertrouwenspersoon-intern", "preventieadviseur-psychosociaal", "api"},
        volgorde=[("vertrouwenspersoon-intern", "api")],
        bron=(PLAN_24, BRON_PODIUMKUNSTEN, "feiten-controle-2 section 4, action 2.4"),
        waarom="For a worker the vp is the legal figure; an API in culture is only being explored "
        "(2.4), so it never leads the route of someone who does not know.",
    ),
    G(
        "werknemer-met-eigen-vertrouwenspersoon",
        {**WERK, "gedrag": ["seksueel"], "eigen_aanspreekpunt": "ja", "wanneer": "langer-geleden"},
        eerste=set(ORGANISATIEGEBONDEN),
        moet={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern"},
        volgorde=[("vertrouwenspersoon-intern", "vlaams-meldpunt")],
        bron=(BRON_PODIUMKUNSTEN, BRON_PSYCHOSOCIALE_INTERVENTIE),
        waarom="The own vp is closest and knows the organisation: it comes first.",
    ),
    G(
        "werknemer-zonder-eigen-vertrouwenspersoon",
        {**WERK, "gedrag": ["seksueel"], "eigen_aanspreekpunt": "nee"},
        moet={"preventieadviseur-psychosociaal", "vlaams-meldpunt"},
        niet={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "api"},
        niet_passend={"vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "api"},
        bron=(BRON_PSYCHOSOCIALE_INTERVENTIE, BRON_MELDPUNT),
        waarom="No own vp or API; every employer must have a PAPS (external below 50 workers).",
    ),
    G(
        "werknemer-anoniem",
        {**WERK, "gedrag": ["psychisch"], "anoniem": True},
        moet={"1712", "caw", "vlaams-meldpunt"},
        niet={"preventieadviseur-psychosociaal"},
        niet_passend={"preventieadviseur-psychosociaal"},
        bron=(BRON_PAPS_ANONIEM, BRON_1712, BRON_CAW, BRON_MELDPUNT),
        waarom="A formal request to the PAPS needs your name; 1712, CAW and the Meldpunt do not.",
    ),
    G(
        "werknemer-anoniem-en-formeel",
        {
            **WERK,
            "gedrag": ["seksueel"],
            "anoniem": True,
            "wens": ["formeel"],
            "wanneer": "langer-geleden",
        },
        moet={"vlaams-meldpunt"},
        niet={"preventieadviseur-psychosociaal", "igvm"},
        bron=(BRON_PAPS_ANONIEM, BRON_IGVM, BRON_MELDPUNT),
        waarom="Anonymity rules out the PAPS and the IGVM; an anonymous option always remains.",
    ),
    G(
        "flexwerker-wel-bij-de-vertrouwenspersoon",
        {
            "rol": "flexwerker",
            "perspectief": "slachtoffer",
            "context": "werk",
            "gedrag": ["psychisch"],
        },
        moet={"vertrouwenspersoon-intern", "vakbond", "preventieadviseur-psychosociaal"},
        bron=(BRON_PODIUMKUNSTEN, BRON_WELZIJNSWET_PERSONEN),
        waarom="Temporary workers must also be told who the vertrouwenspersoon is.",
    ),
    G(
        "leidinggevende-die-zelf-slachtoffer-is",
        {
            "rol": "leidinggevende",
            "perspectief": "slachtoffer",
            "context": "werk",
            "gedrag": ["psychisch"],
        },
        moet={"vertrouwenspersoon-intern", "preventieadviseur-psychosociaal", "vlaams-meldpunt"},
        bron=(BRON_WELZIJNSWET_PERSONEN, BRON_MELDPUNT),
        waarom="Leaders are workers too; the internal legal route serves them.",
    ),
    # === Organisations that must respond ======================================================
    G(
        "organisatie-die-moet-reageren",
        {
            "rol": "leidinggevende",
            "perspectief": "organisatie",
            "context": "werk",
            "gedrag": ["seksueel"],
        },
        moet={"vlaams-meldpunt", "preventieadviseur-psychosociaal"},
        niet={"punt-vzw", "zsg"},
        bron=(BRON_MELDPUNT_WIE, BRON_PSYCHOSOCIALE_INTERVENTIE, BRON_PUNT),
        waarom="The Meldpunt accepts organisations; the PAPS advises the employer.",
    ),
    G(
        "kleine-vereniging-met-discriminatie",
        {
            "rol": "vrijwilliger",
            "perspectief": "organisatie",
            "context": "vrije-tijd",
            **DISCRIMINATIE,
        },
        moet={"vlaams-meldpunt", "1712"},
        niet={"punt-vzw", "zsg"},
        bron=(BRON_MELDPUNT_WIE, BRON_1712),
        waarom="The Meldpunt serves organisations; 1712 is the free fallback that refers on.",
    ),
    G(
        "publiek-en-organisatie-tegelijk",
        {"rol": "publiek", "perspectief": "organisatie", "anoniem": True},
        moet={"1712"},
        niet={"over-grenzen"},
        bron=BRON_1712,
        waarom="Odd combinations still get a free, anonymous helpline that refers on.",
    ),
]


def _afwezig(geval: Geval, kaart) -> set[str]:
    return {p for p in geval.wacht_op if p not in kaart}


@pytest.mark.parametrize("geval", GEVALLEN)
def test_each_case_gets_the_route_its_contact_points_publish(geval: Geval, kaart):
    afwezig = _afwezig(geval, kaart)
    if afwezig:
        pytest.xfail(f"waits for contact point(s) {sorted(afwezig)} (issue 10)")
    r = route(Antwoorden.uit_dict(geval.antwoorden), kaart)
    ids = r.ids()
    uitleg = f"{geval.waarom} [{'; '.join(geval.bron)}] route={ids}"
    niet_passend = {n.punt.id for n in r.niet_passend}

    if isinstance(geval.eerste, str):
        assert ids[0] == geval.eerste, f"first {ids[0]}, not {geval.eerste}: {uitleg}"
    elif geval.eerste:
        assert ids[0] in geval.eerste, (
            f"first {ids[0]}, not one of {sorted(geval.eerste)}: {uitleg}"
        )
    assert geval.moet <= set(ids), f"missing {sorted(geval.moet - set(ids))}: {uitleg}"
    assert not geval.niet & set(ids), f"wrongly on it: {sorted(geval.niet & set(ids))}: {uitleg}"
    for eerder, later in geval.volgorde:
        assert {eerder, later} <= set(ids), f"{eerder} and {later} must both be on it: {uitleg}"
        assert ids.index(eerder) < ids.index(later), f"{eerder} must come before {later}: {uitleg}"
    stappen = {s.punt.id: s for s in r.stappen}
    for punt in geval.nagaan:
        assert stappen[punt].nagaan, f"{punt} must say 'vraag het na': {uitleg}"
        assert punt not in niet_passend
    assert geval.niet_passend <= niet_passend, (
        f"not named as not fitting: {sorted(geval.niet_passend - niet_passend)}: {uitleg}"
    )


def test_the_table_has_at_least_eighty_cases_each_with_a_source_and_a_reason():
    gevallen = [p.values[0] for p in GEVALLEN]
    assert len(gevallen) >= 80
    assert len({g.naam for g in gevallen}) == len(gevallen)
    for g in gevallen:
        assert g.bron and all(g.bron) and g.waarom, g.naam
        assert g.moet or g.niet or g.eerste, g.naam


def test_the_table_covers_what_the_issue_asks_for():
    gevallen = [p.values[0] for p in GEVALLEN]

    def met(**kenmerken) -> list[Geval]:
        return [
            g
            for g in gevallen
            if all(
                (
                    v in g.antwoorden.get(k, ())
                    if k in ("gedrag", "wens")
                    else g.antwoorden.get(k) == v
                )
                for k, v in kenmerken.items()
            )
        ]

    assert met(minderjarig=True, wanneer="jaren-geleden"), "an adult survivor of childhood abuse"
    assert [g for g in met(minderjarig=True) if g.antwoorden.get("wanneer") != "jaren-geleden"]
    assert met(perspectief="getuige") and met(perspectief="beschuldigde")
    assert met(rol="publiek", andere_partij="bezoeker") and met(
        rol="publiek", andere_partij="collega"
    )
    assert met(rol="freelancer", eigen_aanspreekpunt="ja") and met(
        rol="freelancer", eigen_aanspreekpunt="nee"
    )
    assert met(rol="vrijwilliger", sector="amateurkunsten") and met(
        rol="deelnemer", sector="amateurkunsten"
    )
    assert met(rol="student") and met(andere_partij="online") and met(gevaar=True)
    assert met(wens="aangifte") and met(anoniem=True)
    for sector in ("podiumkunsten", "cultureel-erfgoed", "amateurkunsten", "beeldende-kunsten"):
        assert met(rol="werknemer", sector=sector), sector
    for grond in ("gender", "afkomst", "seksuele-orientatie", "handicap", "leeftijd", "geloof"):
        assert met(gedrag="discriminatie", discriminatiegrond=grond, context="vrije-tijd"), grond
        assert met(gedrag="discriminatie", discriminatiegrond=grond, werkgever="prive"), grond


@pytest.mark.parametrize("wens", sorted(Wens.values))
def test_sexual_violence_less_than_a_week_ago_puts_the_zsg_first_whatever_the_wish(wens, kaart):
    """The ZSG gives medical, forensic and psychological care day and night, and a complaint
    is not required; evidence can only be examined within 7 days, the first 72 hours matter
    most (BRON_ZSG, BRON_ZSG_72U). So it comes first, urgent, for every wish. The data does
    not tell assault from harassment ("seksueel" is both), so the step says when it applies
    ("Ging het om aanranding of verkrachting?") rather than assuming either."""
    antwoorden = {**WERK, "gedrag": ["seksueel"], "wens": [wens], "wanneer": "minder-dan-week"}
    r = route(Antwoorden.uit_dict(antwoorden), kaart)
    eerste = r.stappen[0]
    assert eerste.punt.id == "zsg" and eerste.dringend, r.ids()
    assert eerste.waarom[0].in_taal("nl").startswith("Ging het om aanranding of verkrachting?")
