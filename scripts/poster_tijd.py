"""Render times of the printed sheets (ADR 0014): the vangnet poster (A4, A3, an
organisation's own) and a reporting point's affiche, each rendered 5 times after one
warm-up, median and fastest. Run after `make content`:

    .venv/bin/python scripts/poster_tijd.py

It reads the development database (the content of data/); it writes nothing.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vangnet.settings.dev")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from vangnet.meldingen import affiche  # noqa: E402
from vangnet.wegwijzer import poster  # noqa: E402

ADRESSEN = {
    "host": "vangnet.be",
    "wegwijzer_url": "https://vangnet.be/wegwijzer/",
    "vangnet_url": "https://vangnet.be/vangnet/",
}
EIGEN = (poster.EigenPunt("Vertrouwenspersoon", "An Peeters", "an@voorbeeld.be · 0470 12 34 56"),)
FESTIVAL = affiche.Affiche(
    naam="Meldpunt Festival Voorbeeld",
    url="https://vangnet.be/m/voorbeeld/",
    korte_url="vangnet.be/m/voorbeeld/",
    venster="open van vrijdag 3 juli 18:00 tot zondag 5 juli 23:00",
    talen=("nl", "fr", "en"),
)
BLADEN = {
    "vangnet poster A4": lambda: poster.render_pdf("a4", **ADRESSEN),
    "vangnet poster A3": lambda: poster.render_pdf("a3", **ADRESSEN),
    "own poster A4": lambda: poster.render_pdf(
        "a4", **ADRESSEN, organisatie="Koor De Stem", eigen_punten=EIGEN
    ),
    "affiche A4": lambda: affiche.affiche_pdf(FESTIVAL, "a4"),
    "affiche A5": lambda: affiche.affiche_pdf(FESTIVAL, "a5"),
}

with translation.override("nl"):
    for naam, maak in BLADEN.items():
        maak()  # warm-up: fonts, templates
        tijden = []
        for _ in range(5):
            begin = time.perf_counter()
            maak()
            tijden.append(time.perf_counter() - begin)
        print(f"{naam}: median {statistics.median(tijden):.2f} s, fastest {min(tijden):.2f} s")
