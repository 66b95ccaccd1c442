"""The suppression rule, attacked: a reader with every published figure tries to work out a
hidden cell, by subtraction from totals, across periods, and by any linear combination.

The attacker here is independent of the module under test: it writes down every equation a
reader knows (each published count is the sum of the people it covers) and asks, with exact
fractions, whether a hidden cell's value follows from them (a rank test).
"""

from collections import Counter
from fractions import Fraction
from itertools import product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vangnet.monitoring import cijfers, suppressie
from vangnet.monitoring.dimensies import Dimensie
from vangnet.monitoring.periodes import Kwartaal
from vangnet.monitoring.suppressie import DREMPEL, TOTAAL, Rooster


def rang(rijen: list[list[Fraction]]) -> int:
    """The rank of a matrix, by Gaussian elimination over the rationals."""
    m = [list(r) for r in rijen if any(r)]
    rang_, kolom = 0, 0
    breedte = len(m[0]) if m else 0
    while rang_ < len(m) and kolom < breedte:
        spil = next((i for i in range(rang_, len(m)) if m[i][kolom] != 0), None)
        if spil is None:
            kolom += 1
            continue
        m[rang_], m[spil] = m[spil], m[rang_]
        for i in range(len(m)):
            if i != rang_ and m[i][kolom] != 0:
                f = m[i][kolom] / m[rang_][kolom]
                m[i] = [a - f * b for a, b in zip(m[i], m[rang_], strict=True)]
        rang_ += 1
        kolom += 1
    return rang_


def terug_te_rekenen(basis: list, gepubliceerd: list[dict], verborgen: list[dict]) -> list[dict]:
    """The hidden figures (each a dict base-cell -> coefficient) that follow from the published.

    A hidden figure is known exactly when it is a linear combination of published figures.
    """

    def vector(functionaal: dict) -> list[Fraction]:
        return [Fraction(functionaal.get(b, 0)) for b in basis]

    bekend = [vector(f) for f in gepubliceerd]
    r = rang(bekend)
    return [f for f in verborgen if rang([*bekend, vector(f)]) == r]


# --- One table with its totals ----------------------------------------------------------


def functionalen_van_rooster(rooster: Rooster) -> dict:
    """Each cell of a table as a sum of inner cells (the base a reader reasons about).

    Only where lines add up: a total of a line that does not add up is its own base cell.
    """
    uit = {}
    for r in rooster.rijen:
        for k in rooster.kolommen:
            uit[(r, k)] = {(r, k): 1}
    for r in [*rooster.rijen, TOTAAL]:
        if (r, TOTAAL) not in rooster.waarden:
            continue
        if r == TOTAAL:
            continue
        uit[(r, TOTAAL)] = (
            {(r, k): 1 for k in rooster.kolommen}
            if rooster.rijen_tellen_op and rooster.kolommen
            else {(r, TOTAAL): 1}
        )
    for k in rooster.kolommen:
        if (TOTAAL, k) in rooster.waarden:
            uit[(TOTAAL, k)] = (
                {(r, k): 1 for r in rooster.rijen}
                if rooster.kolommen_tellen_op and rooster.rijen
                else {(TOTAAL, k): 1}
            )
    if (TOTAAL, TOTAAL) in rooster.waarden:
        if rooster.rijen_tellen_op and rooster.kolommen_tellen_op:
            uit[(TOTAAL, TOTAAL)] = {(r, k): 1 for r in rooster.rijen for k in rooster.kolommen}
        elif rooster.kolommen_tellen_op:  # the total column adds up
            uit[(TOTAAL, TOTAAL)] = Counter()
            for r in rooster.rijen:
                for b, c in uit[(r, TOTAAL)].items():
                    uit[(TOTAAL, TOTAAL)][b] += c
        elif rooster.rijen_tellen_op:
            uit[(TOTAAL, TOTAAL)] = Counter()
            for k in rooster.kolommen:
                for b, c in uit[(TOTAAL, k)].items():
                    uit[(TOTAAL, TOTAAL)][b] += c
        else:
            uit[(TOTAAL, TOTAAL)] = {(TOTAAL, TOTAAL): 1}
    return uit


tellingen = st.integers(min_value=0, max_value=40)


@st.composite
def roosters(draw, tellen_op=True):
    n_rijen = draw(st.integers(1, 5))
    n_kolommen = draw(st.integers(1, 5))
    rijen = [f"r{i}" for i in range(n_rijen)]
    kolommen = [f"k{j}" for j in range(n_kolommen)]
    waarden = {(r, k): draw(tellingen) for r in rijen for k in kolommen}
    for r in rijen:
        waarden[(r, TOTAAL)] = sum(waarden[(r, k)] for k in kolommen)
    kolommen_tellen_op = tellen_op or draw(st.booleans())
    for k in kolommen:
        som = sum(waarden[(r, k)] for r in rijen)
        # A column that does not add up (several values per case) has a larger total.
        waarden[(TOTAAL, k)] = som if kolommen_tellen_op else som + draw(st.integers(0, 20))
    waarden[(TOTAAL, TOTAAL)] = sum(waarden[(TOTAAL, k)] for k in kolommen)
    return Rooster(rijen, kolommen, waarden, True, kolommen_tellen_op)


def aanval_op_rooster(rooster: Rooster, uitkomst: suppressie.Uitkomst) -> list:
    functionalen = functionalen_van_rooster(rooster)
    basis = sorted({b for f in functionalen.values() for b in f}, key=str)
    gepubliceerd = [f for cel, f in functionalen.items() if cel not in uitkomst.verborgen]
    verborgen = {cel: f for cel, f in functionalen.items() if cel in uitkomst.verborgen}
    gevonden = terug_te_rekenen(basis, gepubliceerd, list(verborgen.values()))
    return [cel for cel, f in verborgen.items() if f in gevonden]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roosters())
def test_no_hidden_cell_of_a_table_can_be_worked_out_from_its_totals(rooster):
    uitkomst = suppressie.onderdruk(rooster)
    assert aanval_op_rooster(rooster, uitkomst) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roosters(tellen_op=False))
def test_no_hidden_cell_can_be_worked_out_when_a_case_has_several_values(rooster):
    uitkomst = suppressie.onderdruk(rooster)
    assert aanval_op_rooster(rooster, uitkomst) == []


@settings(max_examples=300, deadline=None)
@given(roosters())
def test_no_published_cell_is_below_ten_and_every_small_cell_reads_less_than_ten(rooster):
    uitkomst = suppressie.onderdruk(rooster)
    for cel, waarde in rooster.waarden.items():
        getoond = uitkomst.toon(cel, waarde)
        if waarde < DREMPEL:
            assert getoond == "<10"
        else:
            assert getoond in (waarde, "x")


def test_a_single_small_cell_takes_a_second_cell_of_its_row_and_column_with_it():
    rijen, kolommen = ["a", "b"], ["x", "y"]
    waarden = {("a", "x"): 3, ("a", "y"): 20, ("b", "x"): 30, ("b", "y"): 40}
    for r in rijen:
        waarden[(r, TOTAAL)] = sum(waarden[(r, k)] for k in kolommen)
    for k in kolommen:
        waarden[(TOTAAL, k)] = sum(waarden[(r, k)] for r in rijen)
    waarden[(TOTAAL, TOTAAL)] = 93
    uitkomst = suppressie.onderdruk(Rooster(rijen, kolommen, waarden))
    assert uitkomst.primair == {("a", "x")}
    # Without more, 23 - 20 gives the 3 back; the cheapest protection hides the whole square.
    assert {("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")} <= uitkomst.verborgen


def test_the_attacker_finds_a_cell_that_subtraction_gives_back():
    """The attack is real: with only the small cell hidden, it is found."""
    rijen, kolommen = ["a", "b"], ["x", "y"]
    waarden = {("a", "x"): 3, ("a", "y"): 20, ("b", "x"): 30, ("b", "y"): 40}
    for r in rijen:
        waarden[(r, TOTAAL)] = sum(waarden[(r, k)] for k in kolommen)
    for k in kolommen:
        waarden[(TOTAAL, k)] = sum(waarden[(r, k)] for r in rijen)
    waarden[(TOTAAL, TOTAAL)] = 93
    rooster = Rooster(rijen, kolommen, waarden)
    zwak = suppressie.Uitkomst(frozenset({("a", "x")}), frozenset({("a", "x")}))
    assert aanval_op_rooster(rooster, zwak) == [("a", "x")]


# --- A year of quarters and a crossing, attacked together -----------------------------------


def _dimensie(naam: str, n: int) -> Dimensie:
    return Dimensie(naam, naam, tuple((f"{naam}{i}", f"{naam}{i}") for i in range(n)))


KWARTALEN = [Kwartaal(2025, n) for n in range(1, 5)]


@st.composite
def jaren(draw):
    """Cases of one year: a quarter and a value of two dimensions each (as counts)."""
    a = _dimensie("a", draw(st.integers(2, 3)))
    b = _dimensie("b", draw(st.integers(2, 3)))
    kubus = {
        (k.code, ca, cb): draw(st.integers(0, 14))
        for k in KWARTALEN
        for ca in a.codes
        for cb in b.codes
    }
    return a, b, kubus


def _gegevens(a: Dimensie, b: Dimensie, kubus: dict) -> cijfers.Gegevens:
    g = cijfers.Gegevens(Counter(), {a.naam: Counter(), b.naam: Counter()}, Counter(), [])
    for (kw, ca, cb), n in kubus.items():
        g.totaal[kw] += n
        g.enkel[a.naam][(kw, ca)] += n
        g.enkel[b.naam][(kw, cb)] += n
        g.paar[(ca, cb)] += n
    return g


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(jaren())
def test_no_hidden_cell_can_be_worked_out_from_the_quarters_the_year_and_the_crossing_together(
    jaar,
):
    """Everything a reader sees of one year: per dimension the quarters and the year, and
    the crossing of the two; every figure a sum over the year's cases."""
    a, b, kubus = jaar
    g = _gegevens(a, b, kubus)
    rooster_a = cijfers.jaarrooster(a, KWARTALEN, g)
    uit_a = cijfers.bescherm(rooster_a)
    rooster_b = cijfers.jaarrooster(b, KWARTALEN, g)
    uit_b = cijfers.bescherm(rooster_b)
    kruis = cijfers.kruisrooster(a, b, rooster_a, uit_a, rooster_b, uit_b, g.paar)
    uit_k = cijfers.bescherm(kruis)

    basis = list(kubus)
    figuren = []  # (functionaal, verborgen)

    def som(kw=None, ca=None, cb=None) -> dict:
        return {
            s: 1
            for s in basis
            if (kw is None or s[0] == kw)
            and (ca is None or s[1] == ca)
            and (cb is None or s[2] == cb)
        }

    for rooster, uitkomst, dim in ((rooster_a, uit_a, "a"), (rooster_b, uit_b, "b")):
        for rij, kolom in rooster.waarden:
            kw = None if kolom == TOTAAL else kolom
            waarde = None if rij == TOTAAL else rij
            f = som(kw=kw, ca=waarde) if dim == "a" else som(kw=kw, cb=waarde)
            figuren.append((f, (rij, kolom) in uitkomst.verborgen))
    for ca, cb in kruis.waarden:
        f = som(ca=None if ca == TOTAAL else ca, cb=None if cb == TOTAAL else cb)
        figuren.append((f, (ca, cb) in uit_k.verborgen))

    gepubliceerd = [f for f, verborgen in figuren if not verborgen]
    verborgen = [f for f, v in figuren if v]
    gevonden = terug_te_rekenen(basis, gepubliceerd, verborgen)
    # A hidden figure that is also published elsewhere (the same sum) is no secret: that
    # would be a hidden margin shown in another table, which the design forbids.
    assert gevonden == []


def test_quarters_are_not_shown_when_one_quarter_has_fewer_than_ten_cases():
    a = _dimensie("a", 2)
    kubus = {(k.code, ca, "b0"): 20 for k in KWARTALEN for ca in a.codes}
    kubus[(KWARTALEN[2].code, "a0", "b0")] = 2
    kubus[(KWARTALEN[2].code, "a1", "b0")] = 3
    g = _gegevens(a, _dimensie("b", 1), kubus)
    rooster = cijfers.jaarrooster(a, KWARTALEN, g)
    assert rooster.kolommen == []
    assert set(product(a.codes + [TOTAAL], [TOTAAL])) == set(rooster.waarden)
