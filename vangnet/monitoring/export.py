"""Every table as CSV and as an OpenDocument spreadsheet (ODS), the same rows as on the page."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def als_csv(regels: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(regels)
    return buffer.getvalue().encode("utf-8")


def als_ods(regels: list[list[str]], naam: str) -> bytes:
    """One sheet; counts as numbers, the marks (``<10``, ``x``) as text."""
    document = OpenDocumentSpreadsheet()
    blad = Table(name=naam[:31] or "cijfers")
    for regel in regels:
        rij = TableRow()
        for waarde in regel:
            if str(waarde).isdigit():
                cel = TableCell(valuetype="float", value=int(waarde))
            else:
                cel = TableCell(valuetype="string")
            cel.addElement(P(text=str(waarde)))
            rij.addElement(cel)
        blad.addElement(rij)
    document.spreadsheet.addElement(blad)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def antwoord(regels: list[list[str]], bestandsnaam: str, formaat: str) -> HttpResponse:
    """The table as a download, ``formaat`` ``csv`` or ``ods``."""
    if formaat == "ods":
        inhoud, soort = als_ods(regels, bestandsnaam), ODS_TYPE
    else:
        inhoud, soort = als_csv(regels), "text/csv; charset=utf-8"
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = content_disposition_header(True, f"{bestandsnaam}.{formaat}")
    return response
