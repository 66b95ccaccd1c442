"""Python's garbage collector in a long-lived worker: what lives as long as the worker is
taken out of its reach.

A worker holds a few hundred thousand objects that live as long as it does: Django's models
and URL patterns, compiled templates, translation catalogues, the pages' shells and
fragments kept per content version (ADR 0019). The collector's oldest generation holds
them, and every full collection walks them all, in the middle of somebody's request; the
younger collections are paid by every request that allocates. `gc.freeze()` moves every
object alive at that moment into a permanent generation that no collection examines, the
way large Django sites run (Instagram, "Dismissing Python Garbage Collection").

What it costs: a reference cycle among frozen objects that becomes garbage later is never
collected (plain reference counting still frees everything else). gunicorn replaces each
worker after about a thousand requests (`max_requests` in gunicorn.conf.py), which bounds
that. ADR 0025; the figures are in docs/benchmarks.md ("Reporting channel").
"""

import gc

# The requests after which a worker freezes again: by then the first pages have compiled
# their templates, loaded the catalogues and kept their shells, which then stay for good.
NA_VERZOEKEN = 200


def bevries_wat_blijft() -> None:
    """Collect what is garbage now, then keep every object still alive out of all future
    collections (one call takes some tens of milliseconds; call it between requests)."""
    gc.collect()
    gc.freeze()


def na_verzoek(aantal_verzoeken: int) -> None:
    """Called by the server after each request with the worker's count so far: once the
    worker has warmed up, what it built for its first requests is frozen as well."""
    if aantal_verzoeken == NA_VERZOEKEN:
        bevries_wat_blijft()
