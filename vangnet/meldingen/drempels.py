"""Rate limits of the reporting channel, in the database so they hold across app processes.

Reporters are never identified by their IP address. A receipt guess is counted per
*emmer*: a keyed hash of the address cut to 12 bits, so that some 4,096 buckets each
hold about a million IPv4 addresses. An attacker is slowed down; the bucket cannot be
turned back into an address, and it is never stored in clear either.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest

from vangnet.accounts.drempels import Drempel

# Receipts: ten wrong tries per bucket in a quarter of an hour.
ONTVANGSTBEWIJS = Drempel("ontvangstbewijs", 10, timedelta(minutes=15))
# Handlers: five wrong logins per user name, or per bucket, in a quarter of an hour.
AANMELDEN = Drempel("behandelaar-aanmelden", 5, timedelta(minutes=15))
AANMELDEN_EMMER = Drempel("behandelaar-aanmelden-emmer", 20, timedelta(minutes=15))


def emmer(request: HttpRequest) -> str:
    """The coarse bucket of the request's address (12 bits of a keyed hash)."""
    adres = request.META.get("REMOTE_ADDR", "")
    sleutel = hashlib.blake2b(settings.SECRET_KEY.encode(), digest_size=32).digest()
    return "emmer-" + hmac.new(sleutel, adres.encode(), "sha256").hexdigest()[:3]
