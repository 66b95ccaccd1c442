"""Two application servers against one PostgreSQL database behave as one platform.

Two gunicorn masters (two workers each) with the production settings, on two loopback
ports, share one PostgreSQL database and one attachments folder, as behind a load balancer
(livesite.py: ``running_site`` and ``another_server``). Nothing that must be shared lives in
a process (docs/adr/0016-two-profiles-and-shared-state-in-postgresql.md):

- a reporter fills in the form on one server and sends it to the other, opens the case with
  the receipt on one and answers on the other; a handler signs in on one and reads on the
  other (sessions, the one-time form token, the waiting receipt);
- wrong receipts counted on one server hold on the other (rate limits);
- a change made in the admin on one server is served by the other at once, and the pages
  one server rendered are in the cache the other reads (content version, page cache).

PostgreSQL only: SQLite is the single-server profile, where these servers could only share a
file on one machine. Run with ``DATABASE_URL=postgres://...``, as CI's PostgreSQL pass does.
"""

import html.parser
import os
import re
import secrets
import time

import pytest
from django_otp.oath import totp

from vangnet.core.tests.livesite import LiveSite, Visitor, another_server, running_site

pytestmark = [
    pytest.mark.belasting,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="several app servers need PostgreSQL (SQLite is the single-server profile, "
        "docs/adr/0016); run with DATABASE_URL=postgres://..., as CI's PostgreSQL pass does",
    ),
]

FORMULIER = "/melden/demo-api/"
ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
VERZENDTOKEN = re.compile(r'name="verzendtoken" value="([^"]+)"')
DEMO_WACHTWOORD = "demo-behandelaar-wachtwoord"
DEMO_TOTP = b"vangnet-demo-totp-20"
BEHEERDER, BEHEER_WACHTWOORD, BEHEER_TOTP = "schaal-beheer", "schaal-" + "x" * 20, "ab" * 20


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schaal")
    # Behind "a proxy of their own", so each test picks the address its visitors come from.
    with running_site(folder, demo=True, extra_env={"VANGNET_TRUSTED_PROXY_HOPS": "1"}) as a:
        a.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model;"
            "from django_otp.plugins.otp_totp.models import TOTPDevice;"
            f"u = get_user_model().objects.create_superuser('{BEHEERDER}', None,"
            f" '{BEHEER_WACHTWOORD}');"
            f"TOTPDevice.objects.create(user=u, name='app', key='{BEHEER_TOTP}', confirmed=True)",
        )
        with another_server(a) as b:
            yield a, b


def _adres() -> str:
    return f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"


def test_a_reporter_and_a_handler_move_between_servers_without_noticing(servers):
    a, b = servers
    tekst = f"Schaal {secrets.token_hex(6)}: het gebeurde in de coulissen."
    melder = Visitor(a.base_url, adres=_adres())
    formulier = melder.get(FORMULIER)
    token = VERZENDTOKEN.search(formulier.text).group(1)

    # The form came from A; B takes it, files the case and shows the receipt.
    verstuurd = melder.naar(b.base_url).post(FORMULIER, {"wat": tekst, "verzendtoken": token})
    gevonden = ONTVANGSTBEWIJS.search(verstuurd.text)
    assert verstuurd.status == 200 and gevonden, f"{verstuurd.status}\n{b.log_tail()}"
    # The same form sent again to A (a retry after a lost answer) files no second case.
    melder.naar(a.base_url).post(FORMULIER, {"wat": tekst, "verzendtoken": token})
    assert a.execute("SELECT count(*) FROM meldingen_melding")[0][0] == 1

    # The receipt opens the case on A; the session it made carries the reporter on B.
    terug = Visitor(a.base_url, adres=_adres())
    terug.get("/melden/opvolgen/")
    dossier = terug.post("/melden/opvolgen/", {"ontvangstbewijs": gevonden.group(0)})
    pk = re.fullmatch(r"/melden/opvolgen/(\d+)/", dossier.path).group(1)
    op_b = terug.naar(b.base_url).get(f"/melden/opvolgen/{pk}/")
    assert op_b.status == 200 and tekst in op_b.text, f"B: {op_b.status} {op_b.path}"
    reactie = terug.post(f"/melden/opvolgen/{pk}/bericht/", {"tekst": "Nog iets: " + tekst[:14]})
    assert reactie.path == f"/melden/opvolgen/{pk}/", f"reply on B: {reactie.status}"

    # A handler: password on A, second factor on B, the case on A.
    behandelaar = Visitor(a.base_url, adres=_adres())
    behandelaar.get("/behandelen/aanmelden/")
    stap = behandelaar.post(
        "/behandelen/aanmelden/", {"username": "demo-behandelaar", "password": DEMO_WACHTWOORD}
    )
    assert stap.path.startswith("/behandelen/tweede-stap/"), stap.path
    binnen = behandelaar.naar(b.base_url).post(
        "/behandelen/tweede-stap/", {"code": f"{totp(DEMO_TOTP):06d}"}
    )
    assert binnen.path == "/behandelen/", f"second factor on B: {binnen.status} {binnen.path}"
    zaak = behandelaar.naar(a.base_url).get(f"/behandelen/melding/{pk}/")
    assert zaak.status == 200 and tekst in zaak.text and "Nog iets" in zaak.text


def test_a_limit_reached_on_one_server_holds_on_the_other(servers):
    """Wrong receipts from one address, sent to A and B in turn: the receipt limit (twenty
    free failures per bucket, then a growing wait) is reached after twenty in all, not forty,
    and once it is, both servers refuse."""
    a, b = servers
    adres = _adres()
    bezoekers = [Visitor(a.base_url, adres=adres), Visitor(b.base_url, adres=adres)]
    for bezoeker in bezoekers:
        bezoeker.get("/melden/opvolgen/")
    geweigerd_door: set[int] = set()
    eerste_weigering = None
    for poging in range(1, 41):
        bezoeker = bezoekers[poging % 2]
        fout = " ".join(f"{secrets.randbelow(10_000):04d}" for _ in range(5))
        antwoord = bezoeker.post("/melden/opvolgen/", {"ontvangstbewijs": fout})
        if antwoord.status == 429:
            eerste_weigering = eerste_weigering or poging
            geweigerd_door.add(poging % 2)
            if geweigerd_door == {0, 1}:
                break
        else:
            assert antwoord.status == 200, antwoord.status
    assert eerste_weigering is not None, "forty wrong receipts and no server refused"
    # 21 on one shared count; a slow machine may let the first short waits pass.
    assert eerste_weigering <= 25, f"first refusal at attempt {eerste_weigering}"
    assert geweigerd_door == {0, 1}, "only one server refused"
    # Another address on the other server is not touched.
    ander = Visitor(a.base_url, adres=_adres())
    ander.get("/melden/opvolgen/")
    assert (
        ander.post("/melden/opvolgen/", {"ontvangstbewijs": "0000 0000 0000 0000 0000"}).status
        == 200
    )


class _Formulier(html.parser.HTMLParser):
    """The fields of the admin's change form, as a browser would send them."""

    def __init__(self) -> None:
        super().__init__()
        self.velden: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        naam = a.get("name")
        if tag == "input" and naam:
            soort = a.get("type", "text")
            if soort in {"submit", "button", "file"} or (
                soort in {"checkbox", "radio"} and "checked" not in a
            ):
                return
            self.velden.setdefault(naam, []).append(a.get("value") or "")
        elif tag == "textarea" and naam:
            self._textarea = naam
            self.velden[naam] = [""]
        elif tag == "select" and naam:
            self._select = naam
            self.velden.setdefault(naam, [])
        elif tag == "option" and self._select and "selected" in a:
            self.velden[self._select].append(a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.velden[self._textarea][0] += data


def _beheer(site: LiveSite) -> Visitor:
    beheerder = Visitor(site.base_url, adres=_adres())
    beheerder.get("/beheer/login/")
    binnen = beheerder.post(
        "/beheer/login/?next=/beheer/",
        {
            "username": BEHEERDER,
            "password": BEHEER_WACHTWOORD,
            "code": f"{totp(bytes.fromhex(BEHEER_TOTP)):06d}",
        },
    )
    assert binnen.path == "/beheer/", f"admin sign-in: {binnen.status} {binnen.path}"
    return beheerder


def test_a_change_made_on_one_server_is_served_by_the_other_at_once(servers):
    a, b = servers
    slug, pk = a.execute("SELECT slug, id FROM begrippen_begrip ORDER BY slug LIMIT 1")[0]
    pagina = f"/begrippen/{slug}/"
    # B renders the page and keeps it in the page cache, which A reads too.
    eerst = b.get(pagina).decode()
    assert a.get(pagina).decode() == eerst
    assert a.execute("SELECT count(*) FROM vangnet_cache_pages")[0][0] > 0, (
        "the rendered pages are not in the shared cache"
    )

    nieuw = f"Gewijzigd op server A ({secrets.token_hex(4)})."
    beheerder = _beheer(a)
    wijzig = f"/beheer/begrippen/begrip/{pk}/change/"
    formulier = _Formulier()
    formulier.feed(beheerder.get(wijzig).text)
    velden = formulier.velden
    assert "definitie_nl" in velden, sorted(velden)
    velden["definitie_nl"] = [nieuw]
    velden.pop("_saveasnew", None)
    velden["_save"] = ["Bewaren"]
    opgeslagen = beheerder.post(wijzig, velden)
    assert opgeslagen.status == 200 and opgeslagen.path != wijzig, (
        f"admin save: {opgeslagen.status} {opgeslagen.path}\n{a.log_tail()}"
    )
    begin = time.monotonic()
    op_b = b.get(pagina).decode()
    assert nieuw in op_b, "B still serves the page from before the change"
    assert time.monotonic() - begin < 10
