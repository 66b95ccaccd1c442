"""Dutch text becomes search tokens the way a Dutch speaker expects."""

import pytest

from vangnet.zoeken.text import fold, tokens


def test_accents_are_folded():
    assert fold("Intimiteitscoördinatie") == "intimiteitscoordinatie"
    assert fold("Muziekmozaïek") == "muziekmozaiek"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("vertrouwenspersonen", "vertrouwenspersoon"),
        ("intimiteitscoordinatie", "intimiteitscoördinatie"),
        ("seksuele", "seksueel"),
        ("opleidingen", "opleiding"),
        ("omstaanders", "omstaander"),
        ("pesterijen", "pesten"),
        ("vrijwilligers", "vrijwilliger"),
        ("gedragscodes", "gedragscode"),
    ],
)
def test_word_forms_meet_on_one_stem(left, right):
    assert tokens(left) == tokens(right)


def test_stop_words_are_dropped():
    assert tokens("de vertrouwenspersoon van het werk") == tokens("vertrouwenspersoon werk")
