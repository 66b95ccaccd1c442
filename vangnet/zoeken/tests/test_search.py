"""Search quality on the real content: what a Dutch speaker types, and what must come first.

The same table runs on SQLite and on PostgreSQL (CI runs the suite on both), which pins
that both engines give the same results.
"""

import pytest

from vangnet.zoeken.search import Zoekvraag, documents, zoek

pytestmark = pytest.mark.django_db


def top(query: str, n: int) -> list[str]:
    rows = list(zoek(Zoekvraag(tekst=query))[:n])
    return [f"{doc.soort}:{doc.slug}" for doc in documents(rows)]


# (query, the item that must come first)
FIRST = [
    ("1712", "aanspreekpunt:1712"),
    ("unia", "aanspreekpunt:unia"),
    ("zorgcentrum seksueel geweld", "aanspreekpunt:zsg"),
    ("aanspreekpunt integriteit", "aanspreekpunt:api"),
    ("historisch misbruik", "aanspreekpunt:erkenningscommissie"),
    ("noodnummer", "aanspreekpunt:noodnummer-112"),
    ("politie", "aanspreekpunt:politie"),
    ("huisarts", "aanspreekpunt:huisarts"),
    ("vakbond", "aanspreekpunt:vakbond"),
    ("CAW", "aanspreekpunt:caw"),
    ("meldpunt publiek", "aanspreekpunt:meldpunt-publiek"),
    ("cultuurloket", "aanspreekpunt:cultuurloket"),
    ("toxisch leiderschap", "begrip:toxisch-leiderschap"),
    ("seksuele intimidatie", "begrip:seksuele-intimidatie"),
    ("pesterijen", "begrip:pesterijen"),
    ("omstaanders", "begrip:omstaander"),
]

# (query, items that must all be among the first n)
AMONG = [
    (
        "vertrouwenspersonen",
        3,
        ["aanspreekpunt:vertrouwenspersoon-intern", "aanspreekpunt:vertrouwenspersoon-extern"],
    ),
    ("intimiteitscoordinatie", 2, ["begrip:intimiteitscoordinatie"]),
    # Two contact points with discrimination in their own name or summary (the Flemish
    # Meldpunt Werkgerelateerde Discriminatie, the social-law inspection) share the top.
    (
        "discriminatie",
        6,
        [
            "aanspreekpunt:unia",
            "aanspreekpunt:igvm",
            "aanspreekpunt:vmri",
            "aanspreekpunt:meldpunt-werkgerelateerde-discriminatie",
        ],
    ),
    ("discriminatie loon", 2, ["aanspreekpunt:toezicht-sociale-wetten"]),
    ("Vlaams Meldpunt", 2, ["aanspreekpunt:vlaams-meldpunt"]),
    ("freelance pool", 2, ["aanspreekpunt:sfp-freelance-pool"]),
    (
        "opleiding vertrouwenspersoon",
        3,
        ["aanbod:opleiding-vertrouwenspersoon-sfp", "aanbod:opleiding-vertrouwenspersoon-mediarte"],
    ),
    ("vlaggensysteem", 2, ["begrip:vlaggensysteem"]),
    ("lotgenoten", 5, ["begrip:peer-support"]),
]


@pytest.mark.parametrize(("query", "expected"), FIRST)
def test_the_obvious_item_comes_first(query, expected):
    assert top(query, 1) == [expected], top(query, 5)


@pytest.mark.parametrize(("query", "n", "expected"), AMONG)
def test_the_expected_items_are_near_the_top(query, n, expected):
    found = top(query, n)
    assert set(expected) <= set(found), found


def test_a_plural_finds_what_the_singular_finds():
    assert top("vertrouwenspersonen", 10) == top("vertrouwenspersoon", 10)


def test_accents_do_not_matter():
    assert top("intimiteitscoördinatie", 10) == top("intimiteitscoordinatie", 10)
    assert top("INTIMITEITSCOORDINATIE", 10) == top("intimiteitscoordinatie", 10)


def test_the_start_of_a_long_word_finds_it():
    assert "begrip:intimiteitscoordinatie" in top("intimiteit", 5)


def test_items_with_every_word_come_before_items_with_some():
    both = set(top("opleiding vertrouwenspersoon", 50))
    assert both <= set(top("opleiding", 50)) | set(top("vertrouwenspersoon", 50))
    first = top("opleiding vertrouwenspersoon", 2)
    for item in first:
        assert item in top("opleiding", 50) and item in top("vertrouwenspersoon", 50)


def test_half_of_the_words_is_enough():
    """A sentence matches on most of its words; one unknown word does not empty it."""
    assert top("opleiding vertrouwenspersoon zwijntjesjager", 2) == top(
        "opleiding vertrouwenspersoon", 2
    )


def test_a_query_of_only_stop_words_finds_nothing():
    assert list(zoek(Zoekvraag(tekst="de het een"))[:5]) == []
    assert zoek(Zoekvraag(tekst="")).model.__name__ == "Zoekdocument"


def test_a_typo_ranks_below_the_word_spelled_right_and_is_offered_as_a_correction():
    ranked = zoek(Zoekvraag(tekst="pesterijn"))
    assert ranked.suggestie == "pesterijen"
    assert top("pesterijn", 1) == top("pesterijen", 1)
    exact = list(zoek(Zoekvraag(tekst="pesterijen"))[:1])[0]["score"]
    fuzzy = list(ranked[:1])[0]["score"]
    assert fuzzy < exact


def test_a_compound_and_its_parts_find_each_other():
    assert "aanspreekpunt:huisarts" in top("huis arts", 3)
    assert "aanspreekpunt:zsg" in top("seksueelgeweld", 3)


def test_results_are_ordered_by_score_then_kind_then_name():
    rows = list(zoek(Zoekvraag(tekst="vertrouwenspersoon"))[:20])
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True)


def test_an_edit_is_searchable_at_once():
    from vangnet.kaart.tests.factories import AanspreekpuntFactory

    punt = AanspreekpuntFactory(naam="Meldlijn Zebrapad")
    assert top("zebrapad", 1) == [f"aanspreekpunt:{punt.slug}"]
    punt.naam = "Meldlijn Okapi"
    punt.save()
    assert top("zebrapad", 1) == []
    punt.delete()
    assert top("okapi", 1) == []


def test_a_first_page_of_ranked_results_costs_one_query(django_assert_num_queries):
    ranked = zoek(Zoekvraag(tekst="vertrouwenspersoon"))
    with django_assert_num_queries(1):
        total = ranked.count()
        page = ranked[0 : min(20, total)]
    assert page and total >= len(page)
    assert ranked[1:3] == page[1:3]


def test_a_past_participle_finds_the_word_it_comes_from():
    """Snowball stems "gepest" to ``pes`` and "pesten" to ``pest``; the query reads both."""
    (woord,) = Zoekvraag(tekst="gepest").ontleed().woorden
    assert {"pes", "pest"} <= set(woord.tokens)
    assert woord.tokens["pest"] < woord.tokens["pes"]
    assert top("gepest", 1) == ["begrip:pesterijen"]
