"""Issue 12, "what it must show": schemathesis against /api/v1/openapi.json, every operation.

The API of the live site (gunicorn, the production settings, HTTPS: see livesite.py) is fuzzed
through schemathesis' own engine, with the document the site serves: every phase (the
schema's examples, the coverage phase with its boundaries, missing and extra parameters
and undocumented methods, then generated valid and invalid requests) and every check. A
bounded number of examples per operation keeps the pass around a minute. Every response
must be documented, match its schema, and never be a server error; the test lists each
failure with the request that reproduces it.
"""

import ast
import threading

import pytest
import schemathesis
from schemathesis.engine import events

from vangnet.core.tests import livesite

pytestmark = pytest.mark.fuzz


MAX_EXAMPLES = 50
# Every operation is fuzzed. The figures' GET (/monitoring/cijfers) describes per, van and tot
# as one object (form, exploded: still ?per=&van=&tot=), so that its rules between parameters
# (van and tot together, one quarter or one year, a crossing only per year) are in the schema
# and every request the schema allows is answered (monitoring/api.py, vraag_schema).
OVERGESLAGEN: set[tuple[str, str]] = set()


@pytest.fixture
def cijfers(live_site: livesite.LiveSite):
    """Synthetic figures on the live site for the length of the test, so the figures' GET
    answers 200 with real tables (the synthetic cases belong to inactive receivers of their
    own, and are removed again afterwards with the snapshots they made)."""
    [(voor,)] = live_site.execute("SELECT COALESCE(MAX(id), 0) FROM monitoring_momentopname")
    live_site.manage("synthetische_meldingen", "--aantal", "3000", "--jaren", "3")
    yield
    live_site.manage("synthetische_meldingen", "--verwijder")
    live_site.manage(
        "shell",
        "-c",
        "from vangnet.monitoring.models import Momentopname;"
        f"Momentopname.objects.filter(pk__gt={voor}).delete()",
    )


def _een_tegelijk(parse):
    slot = threading.Lock()

    def geparsed(*args, **kwargs):
        with slot:
            return parse(*args, **kwargs)

    return geparsed


def test_every_api_operation_answers_as_documented_and_never_with_a_server_error(
    live_site: livesite.LiveSite, cijfers, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # the live site is on loopback, never a proxy
    # Python 3.11's parser is not safe to enter from two threads at once ("SystemError: AST
    # constructor recursion depth mismatch", CPython gh-106905): hypothesis parses the source
    # of schemathesis' lambdas in both workers, so the two parse one at a time.
    monkeypatch.setattr(ast, "parse", _een_tegelijk(ast.parse))
    ca = str(livesite.tls().ca_file)  # the live site speaks HTTPS with the run's own CA
    schema = schemathesis.openapi.from_url(live_site("/api/v1/openapi.json"), verify=ca)
    for methode, pad in OVERGESLAGEN:
        schema = schema.exclude(method=methode, path=pad)
    schema.config.update(workers=2, continue_on_failure=True, request_timeout=30, tls_verify=ca)
    schema.config.generation.update(
        max_examples=MAX_EXAMPLES, modes=["positive", "negative"], deterministic=True
    )
    failures, errors, tested, requests = [], [], set(), 0
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished) and event.label:
            tested.add(event.label)
            requests += len(event.recorder.interactions)
            for checks in event.recorder.checks.values():
                for check in checks:
                    if check.failure_info is not None:
                        failures.append(
                            f"{event.label}: {check.failure_info.failure.title}\n"
                            f"{check.failure_info.failure.message}\n"
                            f"{check.failure_info.code_sample}"
                        )
        elif isinstance(event, events.NonFatalError | events.FatalError):
            errors.append(f"{getattr(event, 'label', '')}: {event.info.format()}")
    assert not errors, "\n\n".join(errors)
    assert not failures, "\n\n".join(dict.fromkeys(failures)) + "\n\n" + live_site.log_tail()
    operations = {
        f"{method.upper()} {path}"
        for path, item in schema.raw_schema["paths"].items()
        for method in item
        if (method.upper(), path) not in OVERGESLAGEN
    }
    assert operations <= tested, operations - tested
    print(f"schemathesis: {requests} requests to {len(tested)} operations")
