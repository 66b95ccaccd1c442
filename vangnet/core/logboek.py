"""Structured logs: one JSON line per request and per event, with nothing personal in it.

A line holds the time, the level, the logger, the message and a few named fields. What it
never holds (docs/security.md, "Meldingen"): a client's address, a user agent, a query
string (search words), a path with what someone typed in it, report content, a receipt, or
an exception's message (a database error can quote the values of a row). A request is
logged by its *route*, the URL pattern that answered (``melden/opvolgen/<int:pk>/``), not
by its address; an exception by its type and the places in the code it passed.

``JsonFormatter`` is the formatter of every handler in ``settings.LOGGING``;
``VerzoekLogMiddleware`` writes the line of each request to the ``vangnet.verzoek`` logger
(on at INFO in production, ``VANGNET_VERZOEKLOG``).
"""

from __future__ import annotations

import json
import logging
import os
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

# Fields a caller may add with ``extra=``; anything else is dropped, so a careless
# ``extra={"ip": ...}`` never reaches a log.
VELDEN = (
    "methode",
    "route",
    "status",
    "duur_ms",
    "taal",
    "aantal",
    "pogingen",
    "fout",
    "gebeurtenis",
)


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        regel = {
            "tijd": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": record.getMessage(),
            "pid": record.process,
        }
        for veld in VELDEN:
            if hasattr(record, veld):
                regel[veld] = getattr(record, veld)
        if record.exc_info and record.exc_info[0] is not None:
            soort, _fout, spoor = record.exc_info
            # The type and the places in our code, never the message (it may quote data).
            regel["fout"] = soort.__name__
            regel["spoor"] = [
                f"{os.path.basename(f.filename)}:{f.lineno} {f.name}"
                for f in traceback.extract_tb(spoor)
            ]
        return json.dumps(regel, ensure_ascii=False, default=str)


verzoeklog = logging.getLogger("vangnet.verzoek")


def _route(request: HttpRequest) -> str:
    """The URL pattern that answered, or a fixed word: never what the visitor typed."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "(statisch)" if request.path.startswith("/static/") else "(onbekend)"
    return "/" + match.route if match.route else match.view_name or "(onbekend)"


class VerzoekLogMiddleware:
    """Write one line per request: method, route, status, duration and language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not verzoeklog.isEnabledFor(logging.INFO):
            return self.get_response(request)
        begin = time.perf_counter()
        response = self.get_response(request)
        verzoeklog.info(
            "verzoek",
            extra={
                "methode": request.method,
                "route": _route(request),
                "status": response.status_code,
                "duur_ms": round((time.perf_counter() - begin) * 1000, 1),
                "taal": getattr(request, "LANGUAGE_CODE", ""),
            },
        )
        return response
