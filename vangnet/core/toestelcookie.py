"""A signed cookie that keeps a person's answers on their own device, and nowhere else.

The wegwijzer and the quickscan both carry what a person filled in between pages this
way: signed with Django's signing (so it cannot be altered unnoticed), ``HttpOnly``,
``SameSite=Strict``, without an expiry date (it dies with the browser), and ``__Host-``
prefixed over HTTPS, which binds it to this exact host.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def naam(basis: str) -> str:
    """The cookie's name: ``__Host-<basis>`` over HTTPS (production), else ``<basis>``."""
    return f"__Host-{basis}" if settings.SESSION_COOKIE_SECURE else basis


def lees(request: HttpRequest, basis: str, zout: str) -> str | None:
    """The cookie's value, or None when it is missing or was altered."""
    return request.get_signed_cookie(naam(basis), default=None, salt=zout)


def bewaar(response: HttpResponse, basis: str, zout: str, waarde: str) -> None:
    response.set_signed_cookie(
        naam(basis),
        waarde,
        salt=zout,
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def wis(response: HttpResponse, basis: str) -> None:
    response.delete_cookie(naam(basis), samesite="Strict")
