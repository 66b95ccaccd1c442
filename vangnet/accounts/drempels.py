"""Limits on guessing and flooding (logins, receipts, reports), shared by every app process.

Design (docs/adr/0008-rate-limits-that-slow-down-and-never-lock-out.md, arithmetic in
docs/security.md):

- An attempt is checked and counted in **one atomic step** (``probeer``): the counter row is
  locked (``select_for_update`` on PostgreSQL; SQLite runs every transaction ``IMMEDIATE``),
  read, judged and written before the lock is released, so two processes or servers can
  never both pass the last free attempt. The attempt counts as failed from the start; a
  success takes its own count back (``Beurt.gelukt``). A crash in between costs one attempt.
- A ``Drempel`` never locks anyone out for long: the first ``vrij`` failures cost nothing,
  then each failure doubles the wait before the next try, up to ``max_wacht``. A key that
  stayed quiet for ``venster`` starts again at zero.
- A ``Stroom`` (a token bucket, as GCRA: one timestamp per key) lets a burst through at once
  and then one attempt per ``interval``: for sending reports, where success is the normal case.
- People are counted per *emmer*: a keyed hash of the client's address cut to 12 bits. The
  address comes from ``klantadres``, which trusts ``X-Forwarded-For`` only as far as the
  deployment says there are proxies of its own (``TRUSTED_PROXY_HOPS``, docs/deploy.md).
  Neither the address nor the bucket is ever stored in clear: keys are HMACs.

``Aanmelddrempel`` combines three drempels for a login form; the handlers', the pool's, the
quickscan's and the admin's logins all use it.
"""

import contextlib
import hashlib
import hmac
import ipaddress
import math
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext

from vangnet.accounts.models import Teller

SOORT_LENGTE = Teller._meta.get_field("soort").max_length
GEEN_WACHT = timedelta(0)


# --- The client's address and its bucket ---------------------------------------------------


def klantadres(request: HttpRequest) -> str:
    """The address of the client, for rate limiting only (never stored, never logged).

    Without proxies of our own (``TRUSTED_PROXY_HOPS = 0``) that is ``REMOTE_ADDR`` and
    ``X-Forwarded-For`` is ignored: any client can write that header. With ``n`` trusted
    proxies, each of which appends the address it saw to ``X-Forwarded-For``, the last ``n``
    entries were written by them and the ``n``-th from the right is the address that reached
    the outermost one; whatever stands left of it came from the client and is ignored.
    """
    hops = settings.TRUSTED_PROXY_HOPS
    direct = request.META.get("REMOTE_ADDR", "")
    if hops == 0:
        return direct
    doorgegeven = [deel.strip() for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    doorgegeven = [deel for deel in doorgegeven if deel]
    if not doorgegeven:
        # Not through our proxies at all (a health check on the app port): the direct peer.
        return direct
    # Fewer entries than hops: the leftmost one was still written by a trusted proxy.
    return doorgegeven[-min(hops, len(doorgegeven))]


def _netwerk(adres: str) -> str:
    """An IPv4 address as it is; an IPv6 address as its /64, which one subscriber gets whole."""
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return adres
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False).network_address)
    return str(ip)


def emmer(request: HttpRequest) -> str:
    """The coarse bucket of the client's address: 12 bits of a keyed hash (4,096 buckets)."""
    sleutel = hashlib.blake2b(settings.SECRET_KEY.encode(), digest_size=32).digest()
    adres = _netwerk(klantadres(request))
    return "emmer-" + hmac.new(sleutel, adres.encode(), "sha256").hexdigest()[:3]


# --- Counting in one atomic step -----------------------------------------------------------


def _sleutel(soort: str, waarde: str) -> str:
    """An HMAC-SHA256 (hex) keyed with SECRET_KEY and the soort, over the stripped,
    lower-cased value: the table reveals no values, and one value gives unrelated keys in
    two soorten."""
    return salted_hmac(
        f"vangnet.accounts.drempels:{soort}", waarde.strip().lower(), algorithm="sha256"
    ).hexdigest()


def _vergrendeld(soort: str, sleutel: str) -> Teller | None:
    """The counter row for this key, locked until the surrounding transaction ends; None
    when the key has no row (nothing counted, or forgotten)."""
    return Teller.objects.select_for_update().filter(soort=soort, sleutel=sleutel).first()


@dataclass
class _Geteld:
    soort: str
    sleutel: str
    aantal: int
    tijd: datetime  # as we left it
    vorige_tijd: datetime  # as we found it


@dataclass
class Beurt:
    """The answer to "may this be tried now?". When ``toegelaten``, the attempt has been
    counted as failed already; call ``gelukt()`` when it succeeded."""

    toegelaten: bool
    wachttijd: timedelta = GEEN_WACHT
    _geteld: list[_Geteld] = field(default_factory=list, repr=False)

    def gelukt(self) -> None:
        """Take back this attempt's own count (not anyone else's): a success costs nothing."""
        if not self._geteld:
            return
        with transaction.atomic():
            for geteld in sorted(self._geteld, key=lambda g: (g.soort, g.sleutel)):
                teller = (
                    Teller.objects.select_for_update()
                    .filter(soort=geteld.soort, sleutel=geteld.sleutel)
                    .first()
                )
                if teller is None:
                    continue
                if teller.aantal == geteld.aantal and teller.tijd == geteld.tijd:
                    # Nobody tried since: back to exactly how we found it.
                    teller.tijd = geteld.vorige_tijd
                teller.aantal = max(0, teller.aantal - 1)
                teller.save(update_fields=["aantal", "tijd"])
        self._geteld = []


class _Regel:
    """What a drempel or stroom decides for one locked counter row."""

    soort: str
    venster: timedelta

    def sleutel_voor(self, waarde: str) -> str:
        """The stored key for ``waarde`` (see ``_sleutel``)."""
        return _sleutel(self.soort, waarde)

    def _wacht(self, teller: Teller, nu: datetime) -> timedelta:
        raise NotImplementedError

    def _tel(self, teller: Teller, nu: datetime) -> None:
        raise NotImplementedError

    def _controleer_soort(self) -> None:
        # A soort that does not fit the column would be cut off (or refused) only in production.
        if not 0 < len(self.soort) <= SOORT_LENGTE:
            raise ValueError(f"soort must be 1 to {SOORT_LENGTE} characters: {self.soort!r}")

    def probeer(self, waarde: str) -> Beurt:
        """May ``waarde`` be tried now? Checks and counts in one atomic step."""
        return probeer_samen([(self, waarde)])

    def vergeet(self, waarde: str) -> None:
        """Forget everything counted for ``waarde`` in this soort."""
        Teller.objects.filter(soort=self.soort, sleutel=self.sleutel_voor(waarde)).delete()

    def wachttijd(self, waarde: str) -> timedelta:
        """How long until ``waarde`` may be tried again (a read only; ``probeer`` decides)."""
        teller = Teller.objects.filter(soort=self.soort, sleutel=self.sleutel_voor(waarde)).first()
        if teller is None:
            return GEEN_WACHT
        return max(GEEN_WACHT, self._wacht(teller, timezone.now()))


@dataclass(frozen=True)
class Drempel(_Regel):
    """Failed attempts per key: ``vrij`` of them pass in a row, then the wait before the next
    try starts at ``eerste_wacht`` and doubles with every failure, up to ``max_wacht``. A key that
    could try again and stayed quiet for ``venster`` is forgotten."""

    soort: str
    vrij: int
    eerste_wacht: timedelta
    max_wacht: timedelta
    venster: timedelta

    def __post_init__(self) -> None:
        self._controleer_soort()
        if self.vrij < 1 or self.eerste_wacht <= GEEN_WACHT or self.venster <= GEEN_WACHT:
            raise ValueError("a drempel needs vrij >= 1 and a positive wait and venster")
        if self.max_wacht < self.eerste_wacht:
            raise ValueError("max_wacht must be at least eerste_wacht")

    def wacht_na(self, aantal: int) -> timedelta:
        """The wait after the ``aantal``-th failure before the next try: none for the first
        ``vrij - 1``, then ``eerste_wacht`` after the ``vrij``-th, doubling, at most
        ``max_wacht``. So exactly ``vrij`` attempts pass in a row."""
        if aantal < self.vrij:
            return GEEN_WACHT
        # The exponent is capped, so a long attack never overflows the arithmetic.
        stappen = min(aantal - self.vrij, 30)
        return min(self.max_wacht, self.eerste_wacht * 2**stappen)

    def mislukkingen(self, waarde: str) -> int:
        """Failures counted for ``waarde`` that still count (a read only)."""
        teller = Teller.objects.filter(soort=self.soort, sleutel=self.sleutel_voor(waarde)).first()
        if teller is None or teller.tijd + self.venster <= timezone.now():
            return 0
        return teller.aantal

    def _wacht(self, teller: Teller, nu: datetime) -> timedelta:
        if teller.aantal < self.vrij:
            # No wait was set: a time just ahead of ours is another server's clock.
            return GEEN_WACHT
        return teller.tijd - nu

    def _tel(self, teller: Teller, nu: datetime) -> None:
        if teller.tijd + self.venster <= nu:
            teller.aantal = 0
        teller.aantal += 1
        teller.tijd = nu + self.wacht_na(teller.aantal)


@dataclass(frozen=True)
class Stroom(_Regel):
    """A token bucket per key: ``ruimte`` attempts at once, then one per ``interval``.

    Kept as GCRA: ``tijd`` is when the bucket would be full again had it been used at the
    steady rate; an attempt fits while that lies at most ``(ruimte - 1) * interval`` ahead."""

    soort: str
    ruimte: int
    interval: timedelta

    def __post_init__(self) -> None:
        self._controleer_soort()
        if self.ruimte < 1 or self.interval <= GEEN_WACHT:
            raise ValueError("a stroom needs ruimte >= 1 and a positive interval")

    @property
    def venster(self) -> timedelta:
        return self.interval * self.ruimte

    def _wacht(self, teller: Teller, nu: datetime) -> timedelta:
        return max(teller.tijd, nu) - nu - self.interval * (self.ruimte - 1)

    def _tel(self, teller: Teller, nu: datetime) -> None:
        teller.aantal += 1
        teller.tijd = max(teller.tijd, nu) + self.interval


def probeer_samen(regels: Iterable[tuple[_Regel, str]]) -> Beurt:
    """Try one attempt against several limits at once: it passes only if every one lets it,
    and then it counts in every one; otherwise it counts nowhere. One transaction, rows
    locked in a fixed order (no deadlock between two of these)."""
    paren = sorted(((r, r.sleutel_voor(w)) for r, w in regels), key=lambda p: (p[0].soort, p[1]))
    # No savepoint inside a caller's transaction (a report counts its attempt in its own):
    # nothing here is caught and carried on from, so the caller's rollback is enough.
    with transaction.atomic(savepoint=False):
        try:
            beurt = _probeer_eenmaal(paren)
        except IntegrityError:
            # Another process made a row for one of these keys after we looked (only possible
            # on PostgreSQL) and has committed it by now: judge again, with its count.
            beurt = _probeer_eenmaal(paren)
        if beurt.toegelaten and secrets.randbelow(RUIM_OP_ELKE) == 0:
            _ruim_op(regel for regel, _sleutel in paren)
    return beurt


# Rows nobody needs any more cost a DELETE to clear: one attempt in RUIM_OP_ELKE does it for
# all of them (a stale row is read as a fresh one anyway, see the rules' ``_tel``).
RUIM_OP_ELKE = 32


def _probeer_eenmaal(paren: list[tuple[_Regel, str]]) -> Beurt:
    nu = timezone.now()
    tellers = [(regel, sleutel, _vergrendeld(regel.soort, sleutel)) for regel, sleutel in paren]
    # The time once the locks are ours: whoever held them before us wrote a later one.
    nu = max(nu, timezone.now())
    # A key without a row has nothing counted, so it never makes the attempt wait.
    wachten = max(
        (regel._wacht(teller, nu) for regel, _s, teller in tellers if teller is not None),
        default=GEEN_WACHT,
    )
    if wachten > GEEN_WACHT:
        return Beurt(toegelaten=False, wachttijd=wachten)
    geteld = []
    # A new row goes in already counted (one INSERT), in a savepoint so that losing the race
    # for it leaves the caller's transaction usable; without new rows, no savepoint at all.
    nieuw = any(teller is None for _r, _s, teller in tellers)
    with transaction.atomic() if nieuw else contextlib.nullcontext():
        for regel, sleutel, teller in tellers:
            if teller is None:
                teller = Teller(soort=regel.soort, sleutel=sleutel, aantal=0, tijd=nu)
            vorige = teller.tijd
            regel._tel(teller, nu)
            if teller.pk is None:
                teller.save(force_insert=True)
            else:
                teller.save(update_fields=["aantal", "tijd"])
            geteld.append(_Geteld(regel.soort, teller.sleutel, teller.aantal, teller.tijd, vorige))
    return Beurt(toegelaten=True, _geteld=geteld)


def _ruim_op(regels: Iterable[_Regel]) -> None:
    """Forget the rows whose key would start from zero anyway."""
    nu = timezone.now()
    for regel in regels:
        Teller.objects.filter(soort=regel.soort, tijd__lt=nu - regel.venster).delete()


def wachttijd_tekst(wacht: timedelta) -> str:
    """ "Try again in ..." for people, in seconds up to two minutes, else in minutes."""
    seconden = max(1, math.ceil(wacht.total_seconds()))
    if seconden <= 120:
        return ngettext(
            "Te veel pogingen na elkaar. Probeer het over %(aantal)s seconde opnieuw.",
            "Te veel pogingen na elkaar. Probeer het over %(aantal)s seconden opnieuw.",
            seconden,
        ) % {"aantal": seconden}
    minuten = math.ceil(seconden / 60)
    return ngettext(
        "Te veel pogingen na elkaar. Probeer het over %(aantal)s minuut opnieuw.",
        "Te veel pogingen na elkaar. Probeer het over %(aantal)s minuten opnieuw.",
        minuten,
    ) % {"aantal": minuten}


# --- Logins --------------------------------------------------------------------------------


@dataclass
class Aanmeldbeurt:
    """The answer of ``Aanmelddrempel.probeer`` for one login attempt.

    - ``toegelaten`` False: do not check anything; show ``wachttijd`` (status 429).
    - ``tweede_factor_vooraf`` True: this user name is being guessed from elsewhere. A form
      with a second factor must then check password *and* code together and say only
      "wrong" when either is wrong, so the password is no longer learnt on its own. A form
      without one was slowed down instead (see ``Aanmelddrempel``).
    - after the check, call ``gelukt()`` or leave it: the attempt counted as failed.
    """

    toegelaten: bool
    wachttijd: timedelta
    tweede_factor_vooraf: bool
    _beurt: Beurt
    _drempel: "Aanmelddrempel"
    _paar: str

    def gelukt(self) -> None:
        """The right credentials: forget this name's failures from this bucket, take back
        this attempt's count on the bucket and the name (a success costs nothing), and
        remember this bucket as one the name signs in from."""
        self._beurt.gelukt()
        self._drempel.paar.vergeet(self._paar)
        self._drempel.onthoud_netwerk(self._paar)

    def niet_geprobeerd(self) -> None:
        """Nothing was checked after all (the form was incomplete): take the count back."""
        self._beurt.gelukt()


@dataclass(frozen=True)
class Aanmelddrempel:
    """The limits of one login form, built so a stranger cannot lock anyone else out:

    - per (user name, bucket): ``paar``, the attacker's own pair, strict;
    - per bucket, over all names (spraying one password over many names): ``emmer``;
    - per user name over all buckets (many addresses on one account): ``naam``. With a second
      factor (``tweede_factor=True``) it never refuses anyone; past its free failures it asks
      for the code together with the password. Without one it slows the name down, except
      from a bucket this name signed in from in the last ``BEKEND`` days (its owner's usual
      networks are not slowed by strangers elsewhere).
    """

    BEKEND = timedelta(days=90)

    soort: str
    tweede_factor: bool
    paar: Drempel = field(init=False)
    emmer: Drempel = field(init=False)
    naam: Drempel = field(init=False)

    def __post_init__(self) -> None:
        minuut = timedelta(minutes=1)
        # Five free tries per name and network, then 1, 2, 4, 8, 15, 15... minutes.
        paar = Drempel(f"{self.soort}-paar", 5, minuut, timedelta(minutes=15), timedelta(hours=1))
        # Twenty free tries per network over all names, then 1 s doubling up to a minute.
        emmer = Drempel(f"{self.soort}-emmer", 20, timedelta(seconds=1), minuut, timedelta(hours=1))
        # Ten failures per name per day before the name counts as under attack.
        naam = Drempel(f"{self.soort}-naam", 10, timedelta(seconds=1), minuut, timedelta(days=1))
        object.__setattr__(self, "paar", paar)
        object.__setattr__(self, "emmer", emmer)
        object.__setattr__(self, "naam", naam)

    def probeer(self, request: HttpRequest, gebruikersnaam: str) -> Aanmeldbeurt:
        """May this login be tried now? Checks and counts in one atomic step: the attempt
        counts as failed until ``gelukt()`` is called."""
        naam = gebruikersnaam.strip().lower()
        eigen_emmer = emmer(request)
        paar = f"{naam}\n{eigen_emmer}"
        regels: list[tuple[_Regel, str]] = [(self.paar, paar), (self.emmer, eigen_emmer)]
        onder_vuur = bool(naam) and self.naam.mislukkingen(naam) >= self.naam.vrij
        if naam:
            if self.tweede_factor or (onder_vuur and self._bekend_netwerk(paar)):
                # Counted, but no wait: the code is asked instead, or the name signs in
                # from this network (its owner is not slowed down by strangers elsewhere).
                regels.append((_ZonderWacht(self.naam), naam))
            else:
                regels.append((self.naam, naam))
        beurt = probeer_samen(regels)
        return Aanmeldbeurt(
            toegelaten=beurt.toegelaten,
            wachttijd=beurt.wachttijd,
            tweede_factor_vooraf=self.tweede_factor and onder_vuur,
            _beurt=beurt,
            _drempel=self,
            _paar=paar,
        )

    def _bekend_soort(self) -> str:
        return f"{self.soort}-bekend"

    def _bekend_netwerk(self, paar: str) -> bool:
        return Teller.objects.filter(
            soort=self._bekend_soort(),
            sleutel=_sleutel(self._bekend_soort(), paar),
            tijd__gt=timezone.now() - self.BEKEND,
        ).exists()

    def onthoud_netwerk(self, paar: str) -> None:
        """Remember that this name signed in from this bucket (a keyed hash of both)."""
        if self.tweede_factor:
            return  # not needed: a name with a second factor is never made to wait
        nu = timezone.now()
        soort = self._bekend_soort()
        Teller.objects.update_or_create(
            soort=soort, sleutel=_sleutel(soort, paar), defaults={"aantal": 1, "tijd": nu}
        )
        Teller.objects.filter(soort=soort, tijd__lt=nu - self.BEKEND).delete()


@dataclass(frozen=True)
class _ZonderWacht(_Regel):
    """A drempel that counts but never makes anyone wait (the name of a two-factor login)."""

    drempel: Drempel

    @property
    def soort(self) -> str:  # type: ignore[override]
        return self.drempel.soort

    @property
    def venster(self) -> timedelta:  # type: ignore[override]
        return self.drempel.venster

    def _wacht(self, teller: Teller, nu: datetime) -> timedelta:
        return GEEN_WACHT

    def _tel(self, teller: Teller, nu: datetime) -> None:
        self.drempel._tel(teller, nu)


# The logins. The handlers' (meldingen) and the admin's (beheersite) have a second factor.
BEHANDELAAR_AANMELDEN = Aanmelddrempel("behandelaar-aanmelden", tweede_factor=True)
BEHEER_AANMELDEN = Aanmelddrempel("beheer-aanmelden", tweede_factor=True)
POOL_AANMELDEN = Aanmelddrempel("pool-aanmelden", tweede_factor=False)
QUICKSCAN_AANMELDEN = Aanmelddrempel("quickscan-aanmelden", tweede_factor=False)
