"""What the figures count, and the API that publishes them: every dimension, every crossing,
and every way a question can be wrong."""

from itertools import permutations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from vangnet.meldingen.models import Melding
from vangnet.monitoring import cijfers, momentopname, synthetisch
from vangnet.monitoring.dimensies import DIMENSIES, NAMEN, ONBEKEND

API = "/api/v1/monitoring/cijfers"
JAAR_2025 = {"van": "2025-01-01", "tot": "2025-12-31"}


def _getal(waarde) -> bool:
    return isinstance(waarde, int)


def test_the_api_answers_every_dimension_for_a_year_and_for_each_quarter(client, twee_jaar):
    for naam in NAMEN:
        jaar = client.get(API, {"per": naam, **JAAR_2025}).json()
        assert [cel[naam] for cel in jaar["cellen"]] == DIMENSIES[naam].codes
        assert (
            jaar["totaal"]
            == Melding.objects.filter(
                doorverwezen_van__isnull=True, ontvangen_op__year=2025
            ).count()
        )
        for van, tot in [
            ("01-01", "03-31"),
            ("04-01", "06-30"),
            ("07-01", "09-30"),
            ("10-01", "12-31"),
        ]:
            antwoord = client.get(API, {"per": naam, "van": f"2025-{van}", "tot": f"2025-{tot}"})
            assert antwoord.status_code == 200, antwoord.content
            assert _getal(antwoord.json()["totaal"])  # every quarter has more than 10 cases


def test_the_api_answers_every_crossing_of_two_dimensions_in_both_orders(client, twee_jaar):
    for a, b in permutations(NAMEN, 2):
        antwoord = client.get(API, {"per": f"{a},{b}", **JAAR_2025})
        assert antwoord.status_code == 200, (a, b, antwoord.content)
        cellen = antwoord.json()["cellen"]
        assert len(cellen) == len(DIMENSIES[a].codes) * len(DIMENSIES[b].codes)
        assert {(c[a], c[b]) for c in cellen} == {
            (x, y) for x in DIMENSIES[a].codes for y in DIMENSIES[b].codes
        }


def test_no_published_count_is_below_ten(client, twee_jaar):
    for a, b in [("sector", "route"), ("gedrag", "melder_status"), ("uitkomst", "erkenning")]:
        for cel in client.get(API, {"per": f"{a},{b}", **JAAR_2025}).json()["cellen"]:
            assert cel["aantal"] in ("<10", "x") or cel["aantal"] >= 10


def test_the_crossing_agrees_with_the_counts_in_the_database(twee_jaar):
    tabel = cijfers.tabel(["sector", "route"], periode="2025")
    jaar = Melding.objects.filter(doorverwezen_van__isnull=True, ontvangen_op__year=2025)
    for rij in tabel.rijen:
        for (route, _label), waarde in zip(tabel.kolommen[:-1], rij.cellen[:-1], strict=True):
            if _getal(waarde):
                sector = "" if rij.code == ONBEKEND else rij.code
                echt = jaar.filter(sector=sector, route="" if route == ONBEKEND else route).count()
                assert waarde == echt


@pytest.mark.parametrize(
    ("vraag", "veld", "in_de_fout"),
    [
        ({"per": "schoenmaat", **JAAR_2025}, "per", "schoenmaat"),
        ({"per": "sector,schoenmaat", **JAAR_2025}, "per", "schoenmaat"),
        ({"per": "sector,route,uitkomst", **JAAR_2025}, "per", "twee"),
        ({"per": "sector,sector", **JAAR_2025}, "per", "verschillende"),
        ({"per": "", **JAAR_2025}, "per", "dimensie"),
        ({"per": "sector", "van": "2025-13-01", "tot": "2025-12-31"}, "van", "2025-13-01"),
        ({"per": "sector", "van": "2025-01-01", "tot": "31/12/2025"}, "tot", "31/12/2025"),
        ({"per": "sector", "van": "2025-01-02", "tot": "2025-12-31"}, "van", "eerste dag"),
        ({"per": "sector", "van": "2025-01-01", "tot": "2025-06-30"}, "tot", "kwartaal"),
        ({"per": "sector", "van": "2025-01-01"}, "tot", "allebei"),
        ({"per": "sector,route", "van": "2025-04-01", "tot": "2025-06-30"}, "per", "kalenderjaar"),
    ],
)
def test_a_wrong_question_is_a_400_that_names_the_field(client, twee_jaar, vraag, veld, in_de_fout):
    antwoord = client.get(API, vraag)
    assert antwoord.status_code == 400
    assert antwoord.json()["veld"] == veld
    assert antwoord.json()["fout"].startswith(f"{veld}:") or veld in ("per",)
    assert in_de_fout in antwoord.json()["fout"]


def test_a_year_that_is_not_over_or_not_fixed_is_not_public(client, twee_jaar):
    antwoord = client.get(API, {"per": "sector", "van": "2026-01-01", "tot": "2026-12-31"})
    assert antwoord.status_code == 404
    assert (
        client.get(API, {"per": "sector", "van": "2019-01-01", "tot": "2019-12-31"}).status_code
        == 404
    )


def test_without_dates_the_api_gives_the_latest_whole_year(client, twee_jaar):
    antwoord = client.get(API, {"per": "sector"}).json()
    assert (antwoord["van"], antwoord["tot"]) == ("2025-01-01", "2025-12-31")


def test_the_api_answers_in_french_and_english_and_refuses_another_language(client, twee_jaar):
    fout = client.get(API, {"per": "schoenmaat", "taal": "en"}).json()["fout"]
    assert "unknown" in fout.lower() or "dimension" in fout.lower()
    assert client.get(API, {"per": "sector", "taal": "de"}).status_code == 400


def test_a_referred_case_counts_once(twee_jaar):
    doorverwezen = Melding.objects.filter(doorverwezen_van__isnull=False)
    assert doorverwezen.exists()
    jaar = Melding.objects.filter(ontvangen_op__year=2025)
    tabel = cijfers.tabel(["sector"], periode="2025")
    assert tabel.totaal == jaar.filter(doorverwezen_van__isnull=True).count()
    assert tabel.totaal < jaar.count()


def test_a_case_without_codes_is_counted_as_not_filled_in(twee_jaar):
    tabel = cijfers.tabel(["gedrag"], periode="2025")
    onbekend = next(rij for rij in tabel.rijen if rij.code == ONBEKEND)
    echt = Melding.objects.filter(
        doorverwezen_van__isnull=True, ontvangen_op__year=2025, gedrag=[]
    ).count()
    assert onbekend.totaal == echt


def test_the_department_sees_the_quarters_not_yet_fixed_marked_provisional(twee_jaar):
    tabel = cijfers.tabel(["route"], periode="2026", doelgroep=cijfers.BELEID)
    assert tabel.voorlopig == ["2026-K1"]
    with pytest.raises(cijfers.GeenCijfers):
        cijfers.tabel(["route"], periode="2026")


def test_the_public_page_and_the_api_cost_the_same_number_of_queries_for_more_cases(
    client, twee_jaar
):
    def tel(pad, vraag):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(pad, vraag).status_code == 200
        return len(queries)

    vragen = [
        ("/monitoring/", {"per": "sector", "per2": "route", "periode": "2025"}),
        ("/monitoring/", {"per": "gedrag", "periode": "2025-K3"}),
        (API, {"per": "gedrag,sector", **JAAR_2025}),
    ]
    voor = [tel(pad, vraag) for pad, vraag in vragen]
    synthetisch.maak_meldingen(3000, jaren=2, zaad=8, nu=twee_jaar)
    for kwartaal in momentopname.vastgelegd():
        momentopname.neem(momentopname.Kwartaal.van_code(kwartaal), nu=twee_jaar)
    assert [tel(pad, vraag) for pad, vraag in vragen] == voor


@pytest.mark.parametrize(
    ("naam", "veld", "dagen"),
    [("erkenning", "erkend_op", 7), ("terugkoppeling", "teruggekoppeld_op", 91)],
)
def test_the_deadlines_are_counted_as_the_case_path_counts_them(twee_jaar, naam, veld, dagen):
    from collections import Counter
    from datetime import timedelta

    verwacht = Counter()
    for m in Melding.objects.filter(doorverwezen_van__isnull=True, ontvangen_op__year=2025):
        gedaan = getattr(m, veld)
        if gedaan is not None:
            verwacht[
                "op-tijd" if gedaan - m.ontvangen_op <= timedelta(days=dagen) else "te-laat"
            ] += 1
        elif m.ontvangen_op < twee_jaar - timedelta(days=dagen):
            verwacht["nog-niet-te-laat"] += 1
        else:
            verwacht["loopt"] += 1
    tabel = cijfers.tabel([naam], periode="2025")
    getoond = {rij.code: rij.totaal for rij in tabel.rijen}
    assert getoond["op-tijd"] == verwacht["op-tijd"] and getoond["te-laat"] == verwacht["te-laat"]


def _vragen():
    """Questions right and wrong: every value of per, with and without each kind of period."""
    perioden = [
        {},
        {"van": "2025-01-01", "tot": "2025-12-31"},
        {"van": "2025-04-01", "tot": "2025-06-30"},
        {"van": "2024-10-01", "tot": "2024-12-31"},
        {"van": "2019-01-01", "tot": "2019-12-31"},
        {"van": "2025-01-01"},
        {"tot": "2025-12-31"},
        {"van": "2025-01-01", "tot": "2025-06-30"},
        {"van": "2025-01-02", "tot": "2025-12-31"},
        {"van": "2024-01-01", "tot": "2025-12-31"},
        {"van": "2025-13-01", "tot": "2025-12-31"},
    ]
    for per in ["sector", "gedrag,route", "route,gedrag", "sector,sector", "schoenmaat", ""]:
        for periode in perioden:
            yield {"per": per, **periode} if per else dict(periode)


def test_every_question_the_openapi_document_allows_is_answered_and_no_other(client, twee_jaar):
    """The figures' parameters are one object in the OpenAPI document, so that the rules
    between them are stated: what the schema allows gets 200 (or 404 for a period without
    figures), what it refuses gets a 400 or a 404 - never a schema-valid 400."""
    import jsonschema

    from vangnet.monitoring.api import vraag_schema

    document = client.get("/api/v1/openapi.json").json()
    [vraag] = [
        p for p in document["paths"]["/monitoring/cijfers"]["get"]["parameters"]
        if p["name"] == "vraag"
    ]  # fmt: skip
    assert (vraag["in"], vraag["style"], vraag["explode"]) == ("query", "form", True)
    validator = jsonschema.Draft202012Validator(vraag["schema"])
    assert vraag["schema"] == vraag_schema()
    afwijkingen = []
    for vraag_ in _vragen():
        status = client.get(API, vraag_).status_code
        toegestaan = validator.is_valid(vraag_)
        if (toegestaan and status not in (200, 404)) or (not toegestaan and status == 200):
            afwijkingen.append(
                f"{vraag_}: {status}, schema {'allows' if toegestaan else 'refuses'}"
            )
    assert not afwijkingen, "\n".join(afwijkingen)
    assert client.get(API, {"per": "sector,route", **JAAR_2025}).status_code == 200
    assert validator.is_valid({"per": "sector,route", **JAAR_2025})


def test_the_openapi_document_lists_every_dimension_and_every_crossing():
    from vangnet.monitoring.api import per_waarden

    assert set(per_waarden()) == {*NAMEN, *(f"{a},{b}" for a, b in permutations(NAMEN, 2))}
