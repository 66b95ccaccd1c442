"""A content field in the page's language, knowing whether it fell back to Dutch.

modeltranslation returns the Dutch text when a record has no French or English one. The
page must then say so: the Dutch text sits in an element with ``lang="nl"`` (WCAG 3.1.2,
so a screen reader reads it with a Dutch voice) followed by a short note in the page's
language. ``vertaald`` finds out which case it is; the template tag ``{% vertaald %}``
(``vangnet/core/templatetags/vangnet.py``) renders it with ``includes/vertaald.html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from modeltranslation.translator import NotRegistered, translator

BRONTAAL = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
TALEN = tuple(code for code, _naam in settings.LANGUAGES)


@dataclass(frozen=True)
class Vertaald:
    """The value shown (a text or a list of texts) and the language it is in."""

    waarde: Any
    taal: str
    #: True when the page's language has no translation and the Dutch text is shown.
    terugval: bool = False

    def __bool__(self) -> bool:
        return bool(self.waarde)

    def __iter__(self):
        return iter(self.waarde if isinstance(self.waarde, list | tuple) else [self.waarde])

    def __html__(self) -> str:
        return render_to_string("includes/vertaald.html", {"v": self})

    def __str__(self) -> str:
        return self.__html__()

    @property
    def is_lijst(self) -> bool:
        return isinstance(self.waarde, list | tuple)


def paginataal() -> str:
    """The active language as one of the site's codes (``fr``, not ``fr-be``)."""
    taal = (translation.get_language() or BRONTAAL).split("-")[0]
    return taal if taal in TALEN else BRONTAAL


def vertaald(record: Any, veld: str | None = None) -> Vertaald:
    """``veld`` of ``record`` in the page's language, or its Dutch text marked as such.

    ``record`` is a model with modeltranslation fields (``kosten_fr``), an object that
    names its fallen-back fields in ``terugval`` (the wegwijzer's ``kaartbeeld.Punt``), a
    mapping holding ``veld``, or (without ``veld``) a mapping ``{nl, fr, en}`` itself.
    """
    taal = paginataal()
    if veld is None:
        return _uit_mapping(record, taal)
    if isinstance(record, dict):
        waarde = record.get(veld)
        return _uit_mapping(waarde, taal) if isinstance(waarde, dict) else Vertaald(waarde, taal)
    waarde = getattr(record, veld)
    if taal == BRONTAAL or not waarde:
        return Vertaald(waarde, taal)
    terugval = getattr(record, "terugval", None)
    if terugval is not None:
        gevallen = veld in terugval
    elif _vertaalbaar(type(record), veld):
        gevallen = not getattr(record, f"{veld}_{taal}", None)
    else:
        gevallen = False  # not a content field: an id, a number, an address
    return Vertaald(waarde, BRONTAAL if gevallen else taal, gevallen)


def _uit_mapping(waarde: dict | None, taal: str) -> Vertaald:
    waarde = waarde or {}
    if waarde.get(taal):
        return Vertaald(waarde[taal], taal)
    bron = waarde.get(BRONTAAL) or ""
    return Vertaald(bron, BRONTAAL, terugval=bool(bron) and taal != BRONTAAL)


def _vertaalbaar(model: type, veld: str) -> bool:
    try:
        return veld in translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return False
