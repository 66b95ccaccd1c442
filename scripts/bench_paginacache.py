"""A page-cache hit with the cache in PostgreSQL (DatabaseCache) or in the process (LocMem).

    DATABASE_URL=postgres://... DJANGO_SETTINGS_MODULE=vangnet.settings.dev DEBUG=false \
        VANGNET_CACHE=database python scripts/bench_paginacache.py   # then VANGNET_CACHE=lokaal

The database needs migrate and load_content first. 200 hits per page through Django's test
client after one request that fills the cache; p50 and p95 in ms (docs/adr/0016).
"""

import os
import statistics
import time

import django

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PADEN = ["/kaart/", "/begrippen/", "/"]


def main() -> None:
    setup_test_environment()
    client = Client()
    for pad in PADEN:
        client.get(pad)  # fills the cache
    for pad in PADEN:
        tijden = []
        for _ in range(200):
            begin = time.perf_counter()
            antwoord = client.get(pad)
            tijden.append((time.perf_counter() - begin) * 1000)
            if antwoord.status_code != 200:
                print("status", antwoord.status_code, pad)
        tijden.sort()
        print(
            f"{os.environ.get('VANGNET_CACHE', '?')} {pad}: p50 "
            f"{statistics.median(tijden):.1f} ms, p95 {tijden[int(len(tijden) * 0.95)]:.1f} ms, "
            f"{len(antwoord.content)} B"
        )


if __name__ == "__main__":
    main()
