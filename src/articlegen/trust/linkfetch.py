"""Asking web servers whether the pages a site links to are still there (``check --links``).

Politeness and false alarms decide most of what is here. A daily CI job asks every server
the site links to, so requests go out concurrently but at most ``per_host`` at a time to one
host, with a User-Agent that says who is asking, ``HEAD`` first (no body is sent), and the
answer followed through redirects. Many servers refuse or mishandle ``HEAD`` (405, 403,
501, even 404), and what counts is what a reader's browser gets, so any ``HEAD`` answered
with a 4xx other than 429, or with 501, is asked again with ``GET`` (its body is never read).
A timeout, a cut connection, 429 or a 5xx is often gone a moment later: those are tried
again after a growing pause (``Retry-After`` honoured up to a limit) before being reported,
and even then only as warnings, since a dead reference fails a CI run and must be certain:
404, 410 and a host that DNS says does not exist.
"""

from __future__ import annotations

import asyncio
import email.utils
import enum
import http
import os
import socket
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TypeVar
from urllib.parse import urlsplit

import httpx

MAX_REDIRECTS = 10
"""Redirects followed before a link counts as looping (browsers stop near 20)."""
PERMANENT = frozenset({301, 308})
"""Redirects that tell the author to write the new address."""
GONE = frozenset({404, 410})
"""Answers that say the page is not there: the link is dead."""
_DNS_NOT_FOUND = frozenset(
    code for code in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None)) if code is not None
)
"""``getaddrinfo`` failures that mean the name does not exist (as opposed to a resolver
that could not be reached, ``EAI_AGAIN``, which may pass)."""


_Found = TypeVar("_Found", bound=BaseException)


NO_SUCH_HOST = "does not exist (DNS)"
"""How a result's ``detail`` ends when DNS said its host does not exist."""


class Verdict(enum.StrEnum):
    """What an address came to, and so how it is reported."""

    OK = "ok"
    """It answers 2xx (perhaps after temporary redirects): nothing to say."""
    MOVED = "moved"
    """It answers after a permanent redirect: a warning giving the new address."""
    DEAD = "dead"
    """404, 410 or a host that does not exist: an error."""
    FAILED = "failed"
    """It could not be judged (timeout, cut connection, 429, 5xx, refused): a warning."""


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What asking for one address found."""

    url: str
    """The address asked for, without its ``#fragment`` (a server never sees one)."""
    verdict: Verdict
    """How it is reported."""
    detail: str = ""
    """What happened, for the message: ``404 Not Found``, ``no answer within 10 s``."""
    moved_to: str | None = None
    """The address a permanent redirect gives (``MOVED``), to write instead."""
    checked: float = 0.0
    """When it was asked, as a Unix time: the link cache reuses a result until it is old."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How politely and how patiently to ask; tests make the pauses tiny."""

    user_agent: str
    """Sent with every request, so that a server's owner can tell who is asking."""
    timeout: float = 10.0
    """Seconds to wait to connect, and then for each read."""
    retries: int = 2
    """Further tries after a timeout, a cut connection, 429 or a 5xx."""
    backoff: float = 1.0
    """Seconds before the first retry; each next pause is twice as long."""
    max_retry_after: float = 30.0
    """Longest ``Retry-After`` obeyed; a longer one gets the usual pause instead."""
    per_host: int = 2
    """Requests at once to one host name (whatever the scheme and port)."""
    concurrency: int = 16
    """Requests at once in all."""


def user_agent(version: str, site_url: str) -> str:
    """``articlegen/0.1.0 (link check; +https://blog.example/)``: the program and, as
    crawlers give a page about themselves, the site whose links these are, so that a
    server's owner can see who is asking and whom to ask."""
    return f"articlegen/{version} (link check; +{site_url})"


def fetch_links(
    urls: Iterable[str],
    settings: FetchSettings,
    on_result: Callable[[LinkResult], None],
) -> None:
    """Ask for every address of ``urls``, handing each result to ``on_result`` as it comes
    (so that a Ctrl-C keeps those already found). Never raises for a network problem: each
    becomes a result. Called where an event loop already runs in this thread (a notebook,
    a test driving a browser), the check runs its own loop in a thread of its own."""
    work = _fetch_all(list(urls), settings, on_result)
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case, the command line: no loop yet
        asyncio.run(work)
        return
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, work).result()


async def _fetch_all(
    urls: list[str], settings: FetchSettings, on_result: Callable[[LinkResult], None]
) -> None:
    every = asyncio.Semaphore(settings.concurrency)
    hosts: dict[str, asyncio.Semaphore] = {}

    async def one(client: httpx.AsyncClient, url: str) -> None:
        host = hosts.setdefault(_host_key(url), asyncio.Semaphore(settings.per_host))
        async with host, every:  # the host's turn first: a busy host holds no shared slot
            result = await _check_url(client, url, settings)
        on_result(result)

    async with _client(settings) as client:
        await asyncio.gather(*(one(client, url) for url in urls))


def _client(settings: FetchSettings) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers={"User-Agent": settings.user_agent, "Accept": "*/*"},
        timeout=settings.timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        limits=httpx.Limits(max_connections=settings.concurrency),
    )


def _host_key(url: str) -> str:
    """The server an address is on, for the per-host limit: its host name, whatever the
    scheme or port (``http://`` and ``https://`` of one site are one server to spare)."""
    try:
        return (urlsplit(url).hostname or url).lower()
    except ValueError:  # a bracket left open: httpx reports the address itself
        return url


async def _check_url(client: httpx.AsyncClient, url: str, settings: FetchSettings) -> LinkResult:
    """Ask for ``url``, again after a pause while the answer may pass, and judge it."""
    tries = settings.retries + 1
    for attempt in range(tries):
        result, wait = await _try(client, url)
        if wait is None or attempt == tries - 1:
            break
        pause = settings.backoff * 2**attempt
        if 0 <= wait <= settings.max_retry_after:  # a Retry-After the server asked for
            pause = max(pause, wait)
        await asyncio.sleep(pause)
    if attempt:
        result = replace(result, detail=f"{result.detail} ({attempt + 1} tries)")
    return replace(result, checked=time.time())


_AGAIN = -1.0
"""``_try``'s wait when the answer may pass but the server named no time."""


async def _try(client: httpx.AsyncClient, url: str) -> tuple[LinkResult, float | None]:
    """One judgement of ``url`` and, when it is worth asking again, how long the server asked
    us to wait (``_AGAIN`` when it did not say); None when the answer is final."""
    try:
        # A port that is no number or out of range raises ValueError here, worded the same
        # whatever the httpx release, before any socket is opened.
        _port = urlsplit(url).port
        response = await _ask(client, url)
    except httpx.TimeoutException:
        timeout = client.timeout.read or client.timeout.connect
        return LinkResult(url, Verdict.FAILED, f"no answer within {timeout:g} s"), _AGAIN
    except httpx.TooManyRedirects:
        return LinkResult(url, Verdict.FAILED, f"more than {MAX_REDIRECTS} redirects"), None
    except httpx.ConnectError as error:
        return _connect_failure(url, error)
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:  # never fetchable
        return LinkResult(url, Verdict.FAILED, f"cannot be fetched: {_reason(error)}"), None
    except httpx.TransportError as error:  # reset, cut short, garbled answer
        return LinkResult(url, Verdict.FAILED, f"the connection broke: {_reason(error)}"), _AGAIN
    except Exception as error:  # whatever else an unusable address raises
        # (an IDNA error, a port out of range inside an exception group): one warning for
        # this address, never a traceback for the whole check
        return LinkResult(url, Verdict.FAILED, f"cannot be fetched: {_reason(error)}"), None
    return _judge(url, response)


async def _ask(client: httpx.AsyncClient, url: str) -> httpx.Response:
    """``HEAD``, and ``GET`` when the ``HEAD`` answer may be the server refusing ``HEAD``."""
    response = await client.head(url)
    status = response.status_code
    if status == 501 or (400 <= status < 500 and status != 429):
        async with client.stream("GET", url) as response:
            pass  # the status and the redirects are all we need: the body is never read
    return response


def _judge(url: str, response: httpx.Response) -> tuple[LinkResult, float | None]:
    status = response.status_code
    said = _status(response)
    hops = [*response.history, response]
    if status in GONE:
        redirected = f" (after a redirect to {response.url})" if response.history else ""
        return LinkResult(url, Verdict.DEAD, said + redirected), None
    if status == 429 or status >= 500:
        return LinkResult(url, Verdict.FAILED, said), _retry_after(response)
    if not 200 <= status < 300:
        return LinkResult(url, Verdict.FAILED, f"answered {said}"), None
    permanent = 0
    while permanent < len(response.history) and hops[permanent].status_code in PERMANENT:
        permanent += 1
    if not permanent:
        return LinkResult(url, Verdict.OK, said), None
    moved_to = str(hops[permanent].url)
    code = hops[0].status_code
    return LinkResult(url, Verdict.MOVED, f"{code} {_phrase(code)}", moved_to), None


def _connect_failure(url: str, error: httpx.ConnectError) -> tuple[LinkResult, float | None]:
    """A host DNS says does not exist is dead; any other failure to connect may pass."""
    lookup = _cause(error, socket.gaierror)
    host = urlsplit(url).hostname or url
    if lookup is not None and lookup.errno in _DNS_NOT_FOUND:
        return LinkResult(url, Verdict.DEAD, f"its host {host} {NO_SUCH_HOST}"), None
    if lookup is not None:
        return LinkResult(url, Verdict.FAILED, f"DNS lookup of {host} failed: {lookup}"), _AGAIN
    return LinkResult(url, Verdict.FAILED, f"cannot connect: {_reason(error)}"), _AGAIN


def _cause(error: BaseException, kind: type[_Found]) -> _Found | None:
    """The ``kind`` exception under ``error`` (httpx wraps the socket's errors twice)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _reason(error: Exception) -> str:
    """What the system said (``Connection refused``), else the first words of the error or
    of what it wraps, else its kind: httpx's own words are often a wrapper's (``All
    connection attempts failed``), and anyio wraps the socket's errors in a group."""
    seen: BaseException | None = error
    words = ""
    while seen is not None:
        if isinstance(seen, BaseExceptionGroup):
            seen = seen.exceptions[0]
            continue
        if isinstance(seen, OSError) and isinstance(seen.errno, int) and seen.errno > 0:
            return os.strerror(seen.errno)
        words = words or str(seen).strip()
        seen = seen.__cause__ or seen.__context__
    return words or type(error).__name__


def _status(response: httpx.Response) -> str:
    return f"{response.status_code} {response.reason_phrase or _phrase(response.status_code)}"


def _phrase(code: int) -> str:
    try:
        return http.HTTPStatus(code).phrase
    except ValueError:
        return ""


def _retry_after(response: httpx.Response) -> float:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); ``_AGAIN``
    without one or with one that cannot be read."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return _AGAIN
    return max(0.0, when.timestamp() - time.time())
