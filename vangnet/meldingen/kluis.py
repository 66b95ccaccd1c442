"""Keeps an unlocked key for the length of a session without storing it readable.

Sessions live in the database. A handler's private key or a party's key, once unlocked,
is kept there only encrypted with a random *kluissleutel* that lives in a cookie in the
person's browser (HttpOnly, SameSite=Strict, ``__Host-`` prefixed over HTTPS). A copy of
the database therefore holds no usable key, and a stolen cookie without the database is
worth nothing either. Every sign-in gets a fresh vault key (``vernieuw``): a cookie that
was set before, by anyone, never protects what is unlocked at sign-in.

The vault also ends the session after a period without activity.
"""

import base64
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from vangnet.core import toestelcookie
from vangnet.meldingen import sleutels

COOKIE = "vangnet_kluis"  # the base name; see cookienaam()
_PREFIX = "kluis:"
_LAATST = "kluis-laatst"
_VERVERS = 60  # seconds


def bewaar(request: HttpRequest, naam: str, geheim: bytes) -> None:
    """Keep ``geheim`` under ``naam`` for this session."""
    kluissleutel = _kluissleutel(request)
    if kluissleutel is None:
        kluissleutel = sleutels.nieuwe_sleutel()
        request._kluis_nieuw = kluissleutel
    versleuteld = sleutels.versleutel(kluissleutel, geheim)
    request.session[_PREFIX + naam] = base64.b64encode(versleuteld).decode()
    request.session[_LAATST] = int(time.time())


def vernieuw(request: HttpRequest) -> None:
    """Replace the vault key (at every sign-in); secrets kept so far move to the new key.

    Whoever knew or planted the old cookie cannot open what is kept from now on.
    """
    oud = _kluissleutel(request)
    nieuw = sleutels.nieuwe_sleutel()
    for naam in [k for k in request.session.keys() if k.startswith(_PREFIX)]:  # noqa: SIM118
        try:
            if oud is None:
                raise sleutels.OngeldigeSleutel
            geheim = sleutels.ontsleutel(oud, base64.b64decode(request.session[naam]))
        except (sleutels.OngeldigeSleutel, ValueError):
            del request.session[naam]
            continue
        versleuteld = sleutels.versleutel(nieuw, geheim)
        request.session[naam] = base64.b64encode(versleuteld).decode()
    request._kluis_sluiten = False
    request._kluis_nieuw = nieuw


def cookienaam() -> str:
    """The vault cookie's name: ``__Host-vangnet_kluis`` over HTTPS, else ``vangnet_kluis``."""
    return toestelcookie.naam(COOKIE)


def haal(request: HttpRequest, naam: str, timeout: int) -> bytes | None:
    """The secret kept under ``naam``, or None when absent, locked or idle too long."""
    waarde = request.session.get(_PREFIX + naam)
    kluissleutel = _kluissleutel(request)
    if waarde is None or kluissleutel is None:
        return None
    if int(time.time()) - request.session.get(_LAATST, 0) > timeout:
        sluit(request)
        return None
    try:
        geheim = sleutels.ontsleutel(kluissleutel, base64.b64decode(waarde))
    except (sleutels.OngeldigeSleutel, ValueError):
        return None
    nu = int(time.time())
    # Refreshed once a minute, not on every request: each refresh is a session write.
    if nu - request.session.get(_LAATST, 0) >= _VERVERS:
        request.session[_LAATST] = nu
    return geheim


def sluit(request: HttpRequest) -> None:
    """Forget every kept secret and the vault cookie (logout, quick exit, timeout)."""
    # A session is not iterable: it has keys(), but no __iter__.
    for sleutel in [k for k in request.session.keys() if k.startswith(_PREFIX)]:  # noqa: SIM118
        del request.session[sleutel]
    request.session.pop(_LAATST, None)
    request._kluis_sluiten = True


def _kluissleutel(request: HttpRequest) -> bytes | None:
    if getattr(request, "_kluis_nieuw", None):
        return request._kluis_nieuw
    if getattr(request, "_kluis_sluiten", False):
        return None
    try:
        sleutel = base64.urlsafe_b64decode(request.COOKIES.get(cookienaam(), ""))
    except ValueError:
        return None
    return sleutel if len(sleutel) == sleutels.SLEUTEL_BYTES else None


class KluisMiddleware:
    """Sets or deletes the vault cookie after a view asked for it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        nieuw = getattr(request, "_kluis_nieuw", None)
        if getattr(request, "_kluis_sluiten", False) and not nieuw:
            response.delete_cookie(cookienaam(), samesite="Strict")
        elif nieuw:
            response.set_cookie(
                cookienaam(),
                base64.urlsafe_b64encode(nieuw).decode(),
                httponly=True,
                samesite="Strict",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
