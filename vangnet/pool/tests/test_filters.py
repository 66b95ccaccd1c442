"""Choosing a vertrouwenspersoon: every filter holds (AND), regions as people mean them."""

import pytest

from vangnet.pool.filteren import Keuze, kies, past, zoek
from vangnet.pool.models import Poollid
from vangnet.pool.tests.factories import PoollidFactory


def lid(**velden) -> Poollid:
    """An unsaved member: the filter rules need no database."""
    standaard = {
        "naam": "Testlid",
        "gender": "zegt-liever-niet",
        "talen": ["nl"],
        "sectoren": ["podiumkunsten"],
        "disciplines": ["theater"],
        "regios": ["antwerpen"],
        "beschikbaarheid": "beschikbaar",
    }
    return Poollid(**{**standaard, **velden})


AN = lid(naam="An", gender="vrouw", talen=["nl", "fr"], sectoren=["circus"], disciplines=["circus"])
BRAM = lid(naam="Bram", gender="man", talen=["fr"], sectoren=["circus"], disciplines=["circus"])
CAMILLE = lid(naam="Camille", gender="vrouw", talen=["nl"], disciplines=["circus"])


def test_it_finds_a_woman_who_speaks_french_and_knows_circus():
    keuze = Keuze(gender="vrouw", taal="fr", discipline="circus")
    assert kies([AN, BRAM, CAMILLE], keuze) == [AN]


def test_filters_combine_with_and_not_with_or():
    assert [m.naam for m in kies([AN, BRAM, CAMILLE], Keuze(taal="fr"))] == ["An", "Bram"]
    assert kies([AN, BRAM, CAMILLE], Keuze(taal="fr", gender="man")) == [BRAM]
    assert kies([AN, BRAM, CAMILLE], Keuze(taal="fr", gender="non-binair")) == []


def test_no_filter_shows_everyone():
    assert Keuze().is_leeg()
    assert len(kies([AN, BRAM, CAMILLE], Keuze())) == 3


def test_it_filters_on_the_sector_and_the_discipline_apart():
    assert kies([AN, BRAM, CAMILLE], Keuze(sector="circus", discipline="circus")) == [AN, BRAM]
    assert kies([AN, CAMILLE], Keuze(sector="podiumkunsten")) == [CAMILLE]


def test_heel_vlaanderen_covers_the_flemish_provinces_and_brussels():
    overal = lid(regios=["heel-vlaanderen"])
    for regio in ("antwerpen", "limburg", "west-vlaanderen", "brussel"):
        assert past(overal, Keuze(regio=regio)), regio
    assert not past(overal, Keuze(regio="luik"))
    assert not past(overal, Keuze(regio="online"))


def test_online_matches_only_who_works_online():
    assert past(lid(regios=["online"]), Keuze(regio="online"))
    assert not past(lid(regios=["online"]), Keuze(regio="limburg"))


def test_only_available_leaves_out_who_is_full_but_keeps_who_is_partly_free():
    vol = lid(naam="Vol", beschikbaarheid="volzet")
    beperkt = lid(naam="Beperkt", beschikbaarheid="beperkt")
    assert kies([vol, beperkt], Keuze(alleen_beschikbaar=True)) == [beperkt]


def test_available_members_come_first_then_by_name():
    vol = lid(naam="Aaron", beschikbaarheid="volzet")
    vrij = lid(naam="Zoë", beschikbaarheid="beschikbaar")
    assert kies([vol, vrij], Keuze()) == [vrij, vol]


@pytest.mark.django_db
def test_it_never_shows_a_member_sfp_took_out_of_the_pool():
    binnen = PoollidFactory(talen=["fr"])
    PoollidFactory(talen=["fr"], actief=False)
    assert zoek(Keuze(taal="fr")) == [binnen]
