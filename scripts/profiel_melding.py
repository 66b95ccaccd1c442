"""In-process cost of one report submission (the POST and its receipt page), without HTTP.

The settings and data of scripts/bench_meldingen.py (dev settings, DEBUG off, a temporary
SQLite database with load_content and demo_meldingen), the test client, one submission at a
time, each from its own address behind the proxy setting and with its form's one-time token:

- the statements one submission sends to the database, listed;
- the CPU time of a submission and of one bare Argon2id derivation in the same process, and
  their ratio (what one free core would reach);
- with ``--zonder-argon2``: Argon2id replaced by a hash, so the CPU of everything else is
  measured alone (three runs of ``--aantal`` submissions; report the lowest, the machine is
  shared), and with ``--profiel`` a cProfile split of that work by package.

    .venv/bin/python scripts/profiel_melding.py
    .venv/bin/python scripts/profiel_melding.py --zonder-argon2 --profiel

Not part of `make bench`; the figures and their use are in docs/benchmarks.md.
"""

import argparse
import collections
import cProfile
import hashlib
import os
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

import bench  # noqa: E402

FORM = "/melden/demo-api/"
TOKEN = re.compile(r'name="verzendtoken" value="([^"]+)"')
RECEIPT = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=100, help="submissions per run")
    parser.add_argument("--zonder-argon2", action="store_true", help="Argon2id stubbed out")
    parser.add_argument("--profiel", action="store_true", help="cProfile split by package")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="vangnet-profiel-"))
    bench.configure(tmp)
    os.environ["MELDINGEN_MAP"] = str(tmp / "meldingen")
    os.environ["VANGNET_TRUSTED_PROXY_HOPS"] = "1"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from vangnet.meldingen import sleutels

    print("migrate, load_content, demo_meldingen ...", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_content", data=str(bench.DATA_DIR), verbosity=0)
    call_command("demo_meldingen", ook_zonder_debug=True, verbosity=0)

    client = Client(HTTP_HOST=bench.HOST, enforce_csrf_checks=True)
    client.get(FORM)
    csrf = client.cookies["csrftoken"].value
    teller = iter(range(1, 10**9))

    def tokens(aantal: int) -> list[str]:
        vers = Client(HTTP_HOST=bench.HOST)
        return [TOKEN.search(vers.get(FORM).content.decode()).group(1) for _ in range(aantal)]

    delen: collections.Counter = collections.Counter()  # CPU s of the last run, per request

    def dien_in(token: str) -> None:
        n = next(teller)
        adres = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        data = {"wat": f"Meting {n}: grapjes.", "verzendtoken": token, "csrfmiddlewaretoken": csrf}
        begin = time.process_time()
        antwoord = client.post(FORM, data, HTTP_X_FORWARDED_FOR=adres)
        assert antwoord.status_code == 303, antwoord.status_code
        midden = time.process_time()
        pagina = client.get(antwoord["Location"], HTTP_X_FORWARDED_FOR=adres)
        assert RECEIPT.search(pagina.content.decode()), "no receipt on the receipt page"
        delen["POST"] += midden - begin
        delen["receipt page"] += time.process_time() - midden

    def reeks(aantal: int) -> float:
        """CPU ms per submission over ``aantal`` submissions, after ten not counted."""
        voorraad = tokens(aantal + 10)
        for token in voorraad[:10]:
            dien_in(token)
        delen.clear()
        begin = time.process_time()
        for token in voorraad[10:]:
            dien_in(token)
        return (time.process_time() - begin) / aantal * 1000

    if args.zonder_argon2:
        sleutels.argon2id = lambda geheim, zout: hashlib.blake2b(geheim + zout).digest()[:32]
    for token in tokens(10):
        dien_in(token)
    token = tokens(1)[0]  # the form it comes from is not part of the submission
    with CaptureQueriesContext(connection) as vragen:
        dien_in(token)
    print(f"statements per submission: {len(vragen.captured_queries)}")
    for vraag in vragen.captured_queries:
        print("   ", vraag["sql"][:110])

    if args.zonder_argon2:
        runs = [reeks(args.aantal) for _ in range(3)]
        print(
            "CPU ms per submission without Argon2id, 3 runs: "
            + ", ".join(f"{r:.2f}" for r in runs)
            + f"; lowest {min(runs):.2f}; in the last run "
            + ", ".join(f"{deel} {s / args.aantal * 1000:.2f}" for deel, s in delen.items())
        )
        los, bevroren = (
            in_de_ophaling(reeks, args.aantal),
            in_de_ophaling(reeks, args.aantal, bevroren=True),
        )
        print(
            "garbage collector: a full collection in the middle of a request takes "
            f"{los[1]:.1f} ms as loaded, {bevroren[1]:.1f} ms after "
            "afvalophaling.bevries_wat_blijft() (what gunicorn.conf.py does in a worker); "
            f"per submission {los[0]:.2f} ms and {bevroren[0]:.2f} ms"
        )
    else:
        begin = time.process_time()
        for _ in range(20):
            sleutels.argon2id(b"12345678901234567890", bytes(16))
        argon2 = (time.process_time() - begin) / 20 * 1000
        per = reeks(args.aantal)
        print(
            f"CPU ms per submission {per:.1f}, of one Argon2id {argon2:.1f}: "
            f"ratio {argon2 / per:.2f}"
        )
    if args.profiel:
        voorraad = tokens(args.aantal)
        profiel = cProfile.Profile()
        profiel.enable()
        for token in voorraad:
            dien_in(token)
        profiel.disable()
        groepen: collections.Counter = collections.Counter()
        for (bestand, _regel, functie), (*_aantallen, eigen, _cum, _callers) in pstats.Stats(
            profiel
        ).stats.items():
            if "site-packages/" in bestand:
                sleutel = bestand.split("site-packages/")[1].rsplit("/", 1)[0]
            elif str(ROOT) in bestand:
                sleutel = bestand.split(str(ROOT) + "/")[1]
            elif bestand == "~":
                sleutel = functie[:60]
            else:
                sleutel = "/".join(bestand.rsplit("/", 2)[-2:])
            groepen[sleutel] += eigen
        totaal = sum(groepen.values())
        print(f"own time by package (cProfile, {totaal / args.aantal * 1000:.1f} ms a submission)")
        for sleutel, tijd in groepen.most_common(25):
            print(f"  {tijd / totaal:6.1%}  {sleutel}")


def in_de_ophaling(reeks, aantal: int, *, bevroren: bool = False) -> tuple[float, float]:
    """Milliseconds the cyclic garbage collector ran per submission during ``reeks``, and
    how long one full collection takes after it (the pause the request that triggers one
    waits for)."""
    import gc

    from vangnet.core import afvalophaling

    gc.unfreeze()
    if bevroren:
        afvalophaling.bevries_wat_blijft()
    totaal, begin = [0.0], [0.0]

    def klok(fase: str, _info: dict) -> None:
        if fase == "start":
            begin[0] = time.perf_counter()
        else:
            totaal[0] += time.perf_counter() - begin[0]

    gc.callbacks.append(klok)
    try:
        reeks(aantal)
    finally:
        gc.callbacks.remove(klok)
    begin_vol = time.perf_counter()
    gc.collect()
    vol = (time.perf_counter() - begin_vol) * 1000
    gc.unfreeze()
    return totaal[0] / aantal * 1000, vol


if __name__ == "__main__":
    main()
