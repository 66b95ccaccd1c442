"""Pages with holes: render what is the same for everyone once, fill in one person's part.

The wegwijzer's pages differ per person only in a few places (which answer is ticked, the
step number, the reasons on the route). Rendering a whole Django template costs 2-15 ms;
filling a few holes in a cached string costs microseconds. So such a page is rendered once
as a *shell* with marked holes, cached like a public page (content version, language and a
key that holds nothing about the person), and each request fills the holes with escaped
values. Nothing a person answered is ever part of a cache key or a cached string.
"""

import re
import threading
from collections.abc import Callable, Mapping

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from vangnet.inhoud.versie import huidige

# Private-use characters: they never occur in content or translations.
_BEGIN, _EINDE = "\ue000", "\ue001"
_GAT = re.compile(f"{_BEGIN}([A-Za-z0-9_.:-]+){_EINDE}")

# Shells live in process memory as plain strings (no pickling: they are read on every
# request). They are few: a page or card per question, contact point and language.
MAX_SCHILLEN = 2000
# A shell is kept split at its holes: literal text at even places, hole names at odd ones.
_schillen: dict[tuple[int, str, str], tuple[str, ...]] = {}
_lock = threading.Lock()


def gat(naam: str) -> SafeString:
    """A hole named ``naam``, to be filled by ``vul``."""
    return mark_safe(f"{_BEGIN}{naam}{_EINDE}")  # noqa: S308 (only our own marker characters)


def schil(sleutel: str, maak: Callable[[], str], versie: int | None = None) -> tuple[str, ...]:
    """The shell for ``sleutel`` in the active language, made by ``maak`` when not yet kept.

    ``sleutel`` names the page and its impersonal variant (question, path, error kind); it
    must never contain anything a person answered. Pass ``versie`` (the content version)
    when building many shells in one request, to read it once. The shell comes back split
    at its holes, ready for ``vul``.
    """
    nummer = huidige() if versie is None else versie
    key = (nummer, get_language(), sleutel)
    delen = _schillen.get(key)
    if delen is None:
        delen = tuple(_GAT.split(maak()))
        with _lock:
            if len(_schillen) >= MAX_SCHILLEN or any(k[0] != nummer for k in _schillen):
                # A new content version makes every older shell useless.
                _schillen.clear()
            _schillen[key] = delen
    return delen


def vergeet() -> None:
    """Drop every shell (tests roll the content version back)."""
    with _lock:
        _schillen.clear()


def vul(schil_: tuple[str, ...] | str, waarden: Mapping[str, str]) -> str:
    """Fill every hole with its (already escaped) value; a hole without a value becomes empty."""
    delen = tuple(_GAT.split(schil_)) if isinstance(schil_, str) else schil_
    uit = list(delen)
    for i in range(1, len(uit), 2):
        uit[i] = waarden.get(uit[i], "")
    return "".join(uit)
