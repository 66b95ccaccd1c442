"""Properties that hold for every combination of answers (hypothesis explores them).

These are the promises of the wegwijzer that no single table row can pin: the net never
has a hole, whatever a person answers.
"""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vangnet.wegwijzer.antwoorden import LIJSTEN, VOCABULAIRE, Antwoorden
from vangnet.wegwijzer.bewaring import Gesprek
from vangnet.wegwijzer.kaartbeeld import Feit
from vangnet.wegwijzer.routing import route
from vangnet.wegwijzer.vragen import MAX_VRAGEN, afgeleid, volgende


def _veld(naam: str):
    soort = VOCABULAIRE[naam]
    if soort is bool:
        return st.sampled_from([True, False, None])
    waarden = list(soort.values)
    if naam in LIJSTEN:
        return st.frozensets(st.sampled_from(waarden))
    return st.sampled_from([*waarden, None])


antwoorden = st.builds(Antwoorden, **{naam: _veld(naam) for naam in VOCABULAIRE})
# The kaart is read-only here, so one per test function is shared by all examples.
instellingen = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@instellingen
@given(a=antwoorden)
def test_the_route_is_never_empty(kaart, a):
    assert route(a, kaart).stappen


@instellingen
@given(a=antwoorden)
def test_there_is_always_a_free_option_besides_the_emergency_numbers(kaart, a):
    r = route(a, kaart)
    assert any(s.punt.kosteloos is True and s.punt.niveau != "nood" for s in r.stappen)


@instellingen
@given(a=antwoorden)
def test_there_is_an_anonymous_option_whenever_anonymity_is_asked(kaart, a):
    r = route(a, kaart)
    if a.anoniem:
        assert any(s.punt.anoniem is True for s in r.stappen)


@instellingen
@given(a=antwoorden)
def test_danger_always_puts_112_first(kaart, a):
    r = route(a, kaart)
    if a.gevaar:
        assert r.stappen[0].punt.id == "noodnummer-112"
        assert r.stappen[0].dringend
    else:
        assert "noodnummer-112" not in r.ids()


@instellingen
@given(a=antwoorden)
def test_no_contact_point_is_offered_to_a_status_or_context_a_source_excludes(kaart, a):
    for stap in route(a, kaart).stappen:
        punt = stap.punt
        if punt.niveau == "nood":
            continue
        assert a.rol is None or punt.feit("doelgroepen", a.rol) != Feit.NEE, punt.id
        assert a.context is None or punt.feit("contexten", a.context) != Feit.NEE, punt.id


@instellingen
@given(a=antwoorden)
def test_an_unconfirmed_fact_is_asked_about_and_never_comes_before_a_confirmed_fit(kaart, a):
    stappen = [s for s in route(a, kaart).stappen if not s.dringend]
    onzeker = [bool(s.nagaan) for s in stappen]
    # Once the first unconfirmed step comes, only unconfirmed steps follow (the two
    # guarantees at the end excepted: they are added after the route is ordered).
    if True in onzeker:
        eerste = onzeker.index(True)
        assert all(onzeker[eerste : len(stappen) - 2]) or len(stappen) - eerste <= 2


@instellingen
@given(a=antwoorden)
def test_what_does_not_fit_is_never_also_on_the_route(kaart, a):
    r = route(a, kaart)
    ids = r.ids()
    assert len(ids) == len(set(ids))
    assert not {n.punt.id for n in r.niet_passend} & set(ids)
    assert all(str(n.waarom) for n in r.niet_passend)
    assert all(s.waarom and all(str(w) for w in s.waarom) for s in r.stappen)


@instellingen
@given(a=antwoorden, seed=st.integers(0, 2**32))
def test_the_same_answers_always_give_the_same_route(kaart, a, seed):
    eerst = route(a, kaart)
    # Also when the contact points come in another order (another database, another engine).
    volgorde = list(kaart.items())
    random.Random(seed).shuffle(volgorde)
    daarna = route(a, dict(volgorde))
    assert eerst.ids() == daarna.ids()
    assert [s.waarom for s in eerst.stappen] == [s.waarom for s in daarna.stappen]
    assert [n.punt.id for n in eerst.niet_passend] == [n.punt.id for n in daarna.niet_passend]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(keuzes=st.lists(st.integers(0, 1000), min_size=20, max_size=20))
def test_nobody_answers_more_than_eight_questions(kaart, keuzes):
    gesprek, gesteld = Gesprek(), 0
    for keuze in keuzes:
        vraag = volgende(gesprek.antwoorden, gesprek.beantwoord, kaart, gesprek.afgeleid)
        if vraag is None:
            break
        opties = [k.waarde for k in vraag.keuzes] + [None]
        gekozen = opties[keuze % len(opties)]
        gesprek = afgeleid(
            gesprek.beantwoord_met(vraag.id, vraag.als_antwoord([gekozen] if gekozen else [])),
            vraag.id,
        )
        gesteld += 1
    # Eight, plus at most one about who did it or the employer, where that decides.
    assert gesteld <= MAX_VRAGEN + 1 == 9
