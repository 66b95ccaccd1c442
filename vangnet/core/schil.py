"""Pages with holes: render what is the same for everyone once, fill in one person's part.

The wegwijzer's pages differ per person only in a few places (which answer is ticked, the
step number, the reasons on the route). Rendering a whole Django template costs 2-15 ms;
filling a few holes in a cached string costs microseconds. So such a page is rendered once
as a *shell* with marked holes, cached like a public page (content version, language and a
key that holds nothing about the person), and each request fills the holes with escaped
values. Nothing a person answered is ever part of a cache key or a cached string.
"""

import hashlib
import re
from collections.abc import Callable, Mapping

from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from vangnet.core.pagecache import CACHE
from vangnet.inhoud.versie import huidige

# Private-use characters: they never occur in content or translations.
_BEGIN, _EINDE = "\ue000", "\ue001"
_GAT = re.compile(f"{_BEGIN}([A-Za-z0-9_.:-]+){_EINDE}")


def gat(naam: str) -> SafeString:
    """A hole named ``naam``, to be filled by ``vul``."""
    return mark_safe(f"{_BEGIN}{naam}{_EINDE}")  # noqa: S308 (only our own marker characters)


def schil(sleutel: str, maak: Callable[[], str]) -> str:
    """The shell for ``sleutel`` in the active language, made by ``maak`` when not cached.

    ``sleutel`` names the page and its impersonal variant (question, path, error kind); it
    must never contain anything a person answered.
    """
    adres = hashlib.sha256(sleutel.encode()).hexdigest()
    key = f"schil:{huidige()}:{get_language()}:{adres}"
    cache = caches[CACHE]
    html = cache.get(key)
    if html is None:
        html = maak()
        cache.set(key, html)
    return html


def vul(html: str, waarden: Mapping[str, str]) -> str:
    """Fill every hole with its (already escaped) value; a hole without a value becomes empty."""
    return _GAT.sub(lambda m: waarden.get(m.group(1), ""), html)
