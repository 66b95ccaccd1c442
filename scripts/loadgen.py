"""A small HTTP/1.1 load generator: N keep-alive connections, fixed duration, no dependencies.

Each connection sends one GET, reads the whole response (Content-Length or chunked), records
the latency, the status and the ``Server-Timing: app;dur=<ms>`` value, and sends the next one.
Requests that start during the warm-up are not counted. A response with ``Connection: close``
(or a dropped connection) makes the connection reconnect; that is counted, not hidden.
Extra request headers (``headers=``, or ``-H 'Name: value'`` on the shell) go with every
request, for example a ``Cookie`` header; the client never stores cookies it is sent.

Usage from Python::

    result = asyncio.run(run("127.0.0.1", 8000, ["/gezond"], connections=32, seconds=8))

or from the shell: ``python scripts/loadgen.py http://127.0.0.1:8000/gezond -c 32 -d 8``
(add ``-H 'Cookie: name=value'`` for a header).
"""

import argparse
import asyncio
import itertools
import math
import re
import resource
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

_TIMING = re.compile(rb"app;dur=([0-9.]+)")
MAX_ERROR_SAMPLES = 5


@dataclass
class Result:
    """What one load run measured (latencies in milliseconds)."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    body_bytes: int = 0
    reconnects: int = 0
    client_cpu: float = 0.0
    completed_total: int = 0  # responses including the warm-up (to share out CPU time)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def failures(self) -> int:
        """Responses other than 200, plus requests that got no response at all."""
        return sum(n for status, n in self.statuses.items() if status != 200) + sum(
            self.errors.values()
        )

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float, server: bool = False) -> float:
        return percentile(self.server if server else self.latencies, p)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0-100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


class ProtocolError(Exception):
    pass


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, dict[bytes, bytes], int]:
    """Read one response; returns (status, headers, body length)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
        raise ProtocolError(f"bad status line {lines[0][:80]!r}")
    status = int(parts[1])
    headers: dict[bytes, bytes] = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
    if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        size = 0
        while True:
            chunk_head = await reader.readuntil(b"\r\n")
            n = int(chunk_head.split(b";")[0], 16)
            if n == 0:
                # Trailers (none expected) end with an empty line.
                while await reader.readuntil(b"\r\n") != b"\r\n":
                    pass
                break
            await reader.readexactly(n + 2)
            size += n
        return status, headers, size
    length = headers.get(b"content-length")
    if length is not None:
        n = int(length)
        await reader.readexactly(n)
        return status, headers, n
    if status in (204, 304) or 100 <= status < 200:
        return status, headers, 0
    body = await reader.read()  # no length: the body ends when the server closes
    headers[b"connection"] = b"close"
    return status, headers, len(body)


async def _connection(
    host: str,
    port: int,
    paths: Sequence[str],
    counter: itertools.count,
    measure_from: float,
    stop_at: float,
    result: Result,
    extra_headers: str,
    delay: float,
) -> float:
    """One client connection; returns the time its last counted request ended."""
    last_end = measure_from
    reader = writer = None
    await asyncio.sleep(delay)
    while time.perf_counter() < stop_at:
        path = paths[next(counter) % len(paths)]
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{extra_headers}\r\n").encode(
            "ascii"
        )
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            status, headers, size = await _read_response(reader)
        except (OSError, asyncio.IncompleteReadError, ProtocolError, ValueError) as error:
            ended = time.perf_counter()
            if started >= measure_from:
                kind = type(error).__name__
                result.errors[kind] += 1
                if len(result.error_samples) < MAX_ERROR_SAMPLES:
                    result.error_samples.append(f"{path}: {kind}: {error}")
                result.latencies.append((ended - started) * 1000)
                last_end = ended
            if writer is not None:
                writer.close()
            reader = writer = None
            result.reconnects += 1
            await asyncio.sleep(0.01)  # do not spin on a dead server
            continue
        ended = time.perf_counter()
        result.completed_total += 1
        if started >= measure_from:
            result.latencies.append((ended - started) * 1000)
            result.statuses[status] += 1
            result.body_bytes += size
            timing = _TIMING.search(headers.get(b"server-timing", b""))
            if timing:
                result.server.append(float(timing.group(1)))
            if status != 200 and len(result.error_samples) < MAX_ERROR_SAMPLES:
                result.error_samples.append(f"{path}: HTTP {status}")
            last_end = ended
        if headers.get(b"connection", b"").lower() == b"close":
            writer.close()
            reader = writer = None
            result.reconnects += 1
    if writer is not None:
        writer.close()
    return last_end


async def run(
    host: str,
    port: int,
    paths: Sequence[str],
    connections: int = 32,
    seconds: float = 8.0,
    warmup: float = 2.0,
    headers: dict[str, str] | None = None,
    stagger: float = 0.005,
) -> Result:
    """Load ``paths`` (rotating over them) with ``connections`` connections.

    Requests starting in the first ``warmup`` seconds are sent but not counted; requests
    starting in the next ``seconds`` seconds are counted, and the rate is taken over the
    time from the end of the warm-up to the end of the last counted request.

    ``headers`` are extra request headers sent with every request (``Host`` is always
    sent); names and values must be ASCII without line breaks.

    The connections are opened ``stagger`` seconds apart. Opened in one burst, they tend to
    be accepted by one server process (the first to wake up takes them all), and with
    keep-alive they stay there: a 2-worker server would then be measured as one worker.
    """
    extra = ""
    for name, value in (headers or {}).items():
        if any(c in f"{name}{value}" for c in "\r\n") or ":" in name:
            raise ValueError(f"bad header {name!r}")
        extra += f"{name}: {value}\r\n"
    extra.encode("ascii")  # raises here, not later in every connection
    result = Result()
    counter = itertools.count()
    started = time.perf_counter()
    measure_from = started + warmup
    stop_at = measure_from + seconds
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    ends = await asyncio.gather(
        *(
            _connection(
                host, port, paths, counter, measure_from, stop_at, result, extra, i * stagger
            )
            for i in range(connections)
        )
    )
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    result.seconds = max(ends) - measure_from
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    result.client_cpu = cpu / (time.perf_counter() - started)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", nargs="+", help="one or more http:// URLs on the same host")
    parser.add_argument("-c", "--connections", type=int, default=32)
    parser.add_argument("-d", "--duration", type=float, default=8.0)
    parser.add_argument("-w", "--warmup", type=float, default=2.0)
    parser.add_argument(
        "-H",
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="an extra request header, e.g. -H 'Cookie: a=b' (repeatable)",
    )
    args = parser.parse_args()
    headers = {}
    for header in args.header:
        name, sep, value = header.partition(":")
        if not sep or not name.strip():
            parser.error(f"-H wants 'Name: value', not {header!r}")
        headers[name.strip()] = value.strip()
    parts = [urlsplit(u) for u in args.url]
    host, port = parts[0].hostname, parts[0].port or 80
    paths = [p.path + (f"?{p.query}" if p.query else "") for p in parts]
    r = asyncio.run(
        run(host, port, paths, args.connections, args.duration, args.warmup, headers=headers)
    )
    print(
        f"{r.requests} requests in {r.seconds:.1f} s: {r.rps:.0f} req/s, "
        f"p50 {r.percentile(50):.1f} ms, p95 {r.percentile(95):.1f} ms, "
        f"p99 {r.percentile(99):.1f} ms, server p95 {r.percentile(95, server=True):.1f} ms, "
        f"statuses {dict(r.statuses)}, errors {dict(r.errors)}, "
        f"client CPU {r.client_cpu:.0%}"
    )


if __name__ == "__main__":
    main()
