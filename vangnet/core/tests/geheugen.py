"""Test helper: which containers in the process still hold a text (a searched name, a
report's words, a receipt) after the request that brought it was answered."""

import gc
from collections.abc import Iterable


def houders_van(teksten: Iterable[str], behalve: Iterable[object] = ()) -> list[str]:
    """A line for each dict, list, tuple or set the garbage collector knows that holds a
    string with one of ``teksten`` in it (case and spaces ignored). Strings themselves are
    not tracked by the collector; the containers that keep them are, a C library's cache
    included. ``behalve``: the test's own containers, which may hold them."""
    gegeven, teksten = teksten, list(teksten)
    gezocht = [t.lower().replace(" ", "") for t in teksten]
    eigen = {id(ding) for ding in behalve} | {id(gegeven), id(teksten), id(gezocht)}
    gc.collect()
    gevonden = []
    for houder in gc.get_objects():
        if id(houder) in eigen:
            continue
        if isinstance(houder, dict):
            inhoud = [*houder.keys(), *houder.values()]
        elif isinstance(houder, (list, tuple, set, frozenset)):
            inhoud = list(houder)
        else:
            continue
        for ding in inhoud:
            if isinstance(ding, bytes):
                ding = ding.decode("utf-8", "replace")
            if isinstance(ding, str):
                vorm = ding.lower().replace(" ", "")
                gevonden += [
                    f"a {type(houder).__name__} holds {ding[:80]!r}" for t in gezocht if t in vorm
                ]
    return gevonden
