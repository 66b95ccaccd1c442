"""The hold-out check a reviewer can run: ``POST /api/v1/wegwijzer`` gives the same route in
every language.

Only the words may change with ``?taal=``: the ids of the steps, their order, and the ids of
what does not fit must be the same as in Dutch, for any answers (issue 10: ties were broken by
the translated name, so the order changed with the language).
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vangnet.wegwijzer.antwoorden import LIJSTEN, VOCABULAIRE

pytestmark = pytest.mark.django_db

TALEN = ("fr", "en")


def _route(client, body: dict, taal: str | None) -> tuple[list[str], list[str]]:
    pad = "/api/v1/wegwijzer" + (f"?taal={taal}" if taal else "")
    response = client.post(pad, json.dumps(body), content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    return [s["id"] for s in data["route"]], [n["id"] for n in data["niet_passend"]]


def _veld(naam: str):
    soort = VOCABULAIRE[naam]
    if soort is bool:
        return st.booleans()
    waarden = list(soort.values)
    if naam in LIJSTEN:
        return st.lists(st.sampled_from(waarden), unique=True)
    return st.sampled_from(waarden)


#: Answers as a client sends them: any subset of the fields, each with an allowed value.
lichamen = st.fixed_dictionaries({}, optional={naam: _veld(naam) for naam in VOCABULAIRE})

#: Situations where the order hinges on ties between many fitting points.
VASTE_LICHAMEN = [
    {},
    {"gevaar": True},
    {"rol": "werknemer", "perspectief": "slachtoffer", "context": "werk", "gedrag": ["psychisch"]},
    {"rol": "freelancer", "gedrag": ["seksueel"], "wens": ["lotgenoten"]},
    {"rol": "publiek", "context": "evenement", "gedrag": ["discriminatie"]},
    {"rol": "deelnemer", "context": "vrije-tijd", "gedrag": ["discriminatie"], "anoniem": True},
    {"perspectief": "beschuldigde", "gedrag": ["fysiek"], "minderjarig": True},
    {"rol": "vrijwilliger", "eigen_aanspreekpunt": "ja", "wens": ["praten", "advies"]},
    {"rol": "student", "context": "opleiding", "wens": ["formeel"], "gedrag": ["seksueel"]},
    {"wanneer": "jaren-geleden", "minderjarig": True, "gedrag": ["seksueel"]},
]


@pytest.mark.parametrize("body", VASTE_LICHAMEN, ids=lambda b: json.dumps(b, sort_keys=True))
def test_the_same_answers_give_the_same_ids_in_the_same_order_in_every_language(client, body):
    nl = _route(client, body, None)
    assert nl[0], "a route is never empty"
    for taal in TALEN:
        assert _route(client, body, taal) == nl, taal


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=lichamen)
def test_any_answers_give_the_same_route_with_and_without_taal(client, body):
    nl = _route(client, body, None)
    assert _route(client, body, "nl") == nl
    for taal in TALEN:
        assert _route(client, body, taal) == nl, (taal, body)
