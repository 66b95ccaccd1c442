"""The directory, a member's own profile, and the members' login."""

from django.test import Client

import pytest

from vangnet.accounts.drempels import POOL_AANMELDEN
from vangnet.accounts.models import Teller
from vangnet.pool.models import Poollid
from vangnet.pool.tests.factories import PoollidFactory

pytestmark = pytest.mark.django_db

POOL = "/vertrouwenspersonen/"
PROFIEL = "/vertrouwenspersonen/mijn-profiel/"
AANMELDEN = "/vertrouwenspersonen/aanmelden/"


# The directory ---------------------------------------------------------------------------


def test_the_directory_shows_the_members_with_how_to_reach_them(client):
    PoollidFactory(naam="Testlid Els", kanalen=[{"soort": "email", "waarde": "els@example.org"}])
    response = client.get(POOL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Testlid Els" in html
    assert 'href="mailto:els@example.org"' in html
    assert "beveiligd kanaal" in html  # the note on the secure channel to come


def test_the_directory_filters_with_get_and_keeps_the_choices(client):
    PoollidFactory(naam="Testlid Frans", gender="vrouw", talen=["fr"], disciplines=["circus"])
    PoollidFactory(naam="Testlid Nederlands", gender="vrouw", talen=["nl"], disciplines=["circus"])
    response = client.get(POOL, {"gender": "vrouw", "taal": "fr", "discipline": "circus"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Testlid Frans" in html and "Testlid Nederlands" not in html
    assert '<option value="fr" selected>' in html


def test_an_empty_result_points_to_the_sfp_contact_point_in_the_kaart(client):
    response = client.get(POOL, {"taal": "de", "regio": "namen"})
    html = response.content.decode()
    assert "Niemand in de pool past" in html
    assert 'href="/kaart/aanspreekpunt/sfp-freelance-pool/"' in html


def test_it_refuses_an_unknown_filter_value_with_a_clear_error(client):
    response = client.get(POOL, {"taal": "klingon", "gender": "vrouw"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="foutoverzicht"' in html
    assert "Fout:" in html
    assert '<option value="vrouw" selected>' in html  # what was chosen stays


def test_the_directory_sets_no_cookies(client):
    PoollidFactory()
    response = client.get(POOL, {"taal": "nl"})
    assert response.cookies == {}


def test_a_member_out_of_the_pool_is_not_shown(client):
    PoollidFactory(naam="Testlid Weg", actief=False)
    assert "Testlid Weg" not in client.get(POOL).content.decode()


def test_contactroute_gives_the_members_own_channels_as_links():
    lid = Poollid(
        kanalen=[
            {"soort": "telefoon", "waarde": "+32 470 00 00 00"},
            {"soort": "formulier", "waarde": "https://example.org/contact"},
            {"soort": "fax", "waarde": "kan niet"},
        ]
    )
    assert lid.contactroute() == [
        {
            "soort": "telefoon",
            "label": "telefoon",
            "waarde": "+32 470 00 00 00",
            "href": "tel:+32470000000",
        },
        {
            "soort": "formulier",
            "label": "online formulier",
            "waarde": "https://example.org/contact",
            "href": "https://example.org/contact",
        },
    ]


# A member's own profile ------------------------------------------------------------------


@pytest.fixture
def lid(django_user_model):
    """Dana, a (made-up) member with her own login."""
    user = django_user_model.objects.create_user("dana", password="dana-wachtwoord-lang")
    return PoollidFactory(user=user, naam="Testlid Dana")


def profiel(**velden) -> dict:
    data = {
        "naam": "Testlid Dana",
        "gender": "vrouw",
        "voornaamwoorden": "zij/haar",
        "voorstelling": "",
        "talen": ["nl", "fr"],
        "sectoren": ["circus"],
        "disciplines": ["circus"],
        "regios": ["brussel", "online"],
        "beschikbaarheid": "beperkt",
        "beschikbaarheid_toelichting": "Vooral 's avonds.",
        "email": "dana@example.org",
        "telefoon": "",
        "formulier": "",
    }
    return {**data, **velden}


def test_it_sends_a_visitor_without_login_to_the_login_page(client):
    response = client.get(PROFIEL)
    assert response.status_code == 302
    assert response["Location"].startswith(AANMELDEN)


def test_a_member_edits_only_their_own_profile(client, lid):
    ander = PoollidFactory(naam="Testlid Ander")
    client.force_login(lid.user)
    response = client.post(PROFIEL, profiel())
    assert response.status_code == 302
    lid.refresh_from_db()
    assert lid.talen == ["nl", "fr"] and lid.regios == ["brussel", "online"]
    assert lid.kanalen == [{"soort": "email", "waarde": "dana@example.org"}]
    assert Poollid.objects.get(pk=ander.pk).naam == "Testlid Ander"


def test_a_member_cannot_change_membership_or_the_demo_mark(client, lid):
    Poollid.objects.filter(pk=lid.pk).update(actief=False)
    client.force_login(lid.user)
    client.post(PROFIEL, profiel(actief="on", demo="on", user=""))
    lid.refresh_from_db()
    assert lid.actief is False and lid.demo is False and lid.user is not None


def test_it_refuses_a_profile_without_any_channel_and_keeps_what_was_typed(client, lid):
    client.force_login(lid.user)
    response = client.post(PROFIEL, profiel(email="", voornaamwoorden="hen/die"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef minstens één manier om je te bereiken" in html
    assert 'value="hen/die"' in html


def test_it_refuses_a_form_link_that_is_not_https(client, lid):
    client.force_login(lid.user)
    response = client.post(PROFIEL, profiel(formulier="http://example.org/contact"))
    assert response.status_code == 400
    assert "https://" in response.content.decode()


def test_a_login_without_a_profile_gets_an_explanation(client, django_user_model):
    user = django_user_model.objects.create_user("zonder", password="zonder-wachtwoord-lang")
    client.force_login(user)
    response = client.get(PROFIEL)
    assert response.status_code == 403
    assert "nog geen profiel" in response.content.decode()


def test_a_member_logs_in_and_lands_on_their_profile(client, lid):
    response = client.post(AANMELDEN, {"username": "dana", "password": "dana-wachtwoord-lang"})
    assert response.status_code == 302 and response["Location"] == PROFIEL
    assert "Testlid Dana" in client.get(PROFIEL).content.decode()


def test_five_failed_tries_from_one_network_make_that_name_wait_there(client, lid):
    for _ in range(POOL_AANMELDEN.paar.vrij):
        response = client.post(AANMELDEN, {"username": "dana", "password": "fout"})
        assert response.status_code == 400
    response = client.post(AANMELDEN, {"username": "Dana", "password": "dana-wachtwoord-lang"})
    assert response.status_code == 429
    assert "Probeer het over 60 seconden opnieuw." in response.content.decode()
    # The name is stored only as a keyed hash.
    assert Teller.objects.filter(soort=POOL_AANMELDEN.paar.soort).count() == 1
    assert not Teller.objects.filter(sleutel__icontains="dana").exists()


def test_a_stranger_guessing_a_members_password_elsewhere_does_not_lock_the_member_out(
    lid, settings
):
    # Audit finding: "five wrong passwords for one user name blocked that [account] from
    # every address". Behind the proxy, the stranger and the member are different networks.
    settings.TRUSTED_PROXY_HOPS = 1
    dana = Client(HTTP_X_FORWARDED_FOR="203.0.113.7")
    # Dana signs in from home as usual, and signs out.
    dana.post(AANMELDEN, {"username": "dana", "password": "dana-wachtwoord-lang"})
    dana.post("/vertrouwenspersonen/afmelden/")
    vreemde = Client(HTTP_X_FORWARDED_FOR="198.51.100.66")
    for _ in range(30):
        vreemde.post(AANMELDEN, {"username": "dana", "password": "fout"})
    assert vreemde.post(AANMELDEN, {"username": "dana", "password": "fout"}).status_code == 429

    response = dana.post(AANMELDEN, {"username": "dana", "password": "dana-wachtwoord-lang"})
    assert response.status_code == 302 and response["Location"] == PROFIEL
