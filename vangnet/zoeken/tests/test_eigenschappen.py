"""Property tests: whatever a person types, the kaart's page and the API answer 200.

Any Unicode string (emoji, signs, control characters, right-to-left text, very long words)
as ``q``, on the three languages' pages and the API with ``taal=``.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vangnet.zoeken.search import Zoekvraag, zoek
from vangnet.zoeken.taal import woorden

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

VRAGEN = st.text(max_size=200) | st.sampled_from(
    ["!", "\N{GRINNING FACE}", "de het een", "vertrouwenspersoonn", "ﷺ", "\u202eabc", "a" * 200]
)
INSTELLINGEN = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@INSTELLINGEN
@given(q=VRAGEN, taal=st.sampled_from(["", "/fr", "/en"]))
def test_any_query_on_the_kaart_answers_200(client, q, taal):
    assert client.get(f"{taal}/kaart/", {"q": q}).status_code == 200


@INSTELLINGEN
@given(q=VRAGEN.filter(lambda q: len(q.strip()) <= 200), taal=st.sampled_from(["nl", "fr", "en"]))
def test_any_query_on_the_api_answers_200(client, q, taal):
    response = client.get("/api/v1/zoek", {"q": q, "taal": taal})
    assert response.status_code == 200
    assert isinstance(response.json()["resultaten"], list)


@INSTELLINGEN
@given(q=st.text(max_size=60))
def test_the_search_itself_never_fails_and_a_query_without_words_finds_nothing(q):
    rows = list(zoek(Zoekvraag(tekst=q))[:5])
    if q.strip() and not any(w for w in woorden(q)):
        assert rows == []
