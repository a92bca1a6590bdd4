"""The link checker's HTTP client: httpx's API over aiohttp's connection pool and C parser.

httpx's own transport (httpcore on anyio) cost 0.52 ms of CPU per request here (2-2.5 ms on the
machine of issue 11), httpx's client included; through aiohttp the same requests cost 0.24 ms. The checker keeps httpx as its client API (cookies,
headers, URL handling, the exception tree it classifies), and this module supplies the transport,
after httpx-aiohttp's design with three changes:

- **Addresses.** aiohttp is given a resolver that answers only with the addresses the checker's
  private-address guard vetted for that name (`VettedResolver`): the client never resolves a name
  a second time, so DNS rebinding (public when checked, 127.0.0.1 when connecting) cannot work.
- **Exceptions.** Each aiohttp failure becomes the httpx exception httpx's own transport raises for
  the same fault (httpx-aiohttp 0.2 turns a refused connection, a reset, a TLS or DNS failure
  into ConnectTimeout, and lets parser errors out as aiohttp's own). Measured on tests/linkserver.py:

      aiohttp raises                                    httpx exception here
      ClientConnectorDNSError (socket.gaierror)         ConnectError        (DNS)
      ClientConnectorSSLError / CertificateError         ConnectError        (ssl.SSLError in the chain)
      ClientConnectorError (ConnectionRefusedError)      ConnectError
      ConnectionTimeoutError                            ConnectTimeout
      SocketTimeoutError                                ReadTimeout
      ServerTimeoutError, asyncio.TimeoutError          TimeoutException
      ServerDisconnectedError                           RemoteProtocolError ("server disconnected")
      ClientPayloadError (body cut short)               RemoteProtocolError ("incomplete body")
      ClientResponseError (bad status line, headers)    RemoteProtocolError (malformed answer)
      ClientOSError, ClientConnectionResetError         ReadError           (reset)
      InvalidURL, NonHttpUrlClientError                 UnsupportedProtocol (invalid-url)

- **Bytes.** The URL goes out exactly as httpx built it (yarl would quote it again), bodies are
  never decompressed here (the checker inflates within its read limit), and one cookie jar, httpx's,
  keeps cookies across redirects.

HTTP/2 is not offered: aiohttp speaks HTTP/1.1 only (see the README).
"""
from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import AsyncIterator, Mapping
from typing import Any

import aiohttp
import httpx
import yarl
from aiohttp.abc import AbstractResolver, ResolveResult

# One header line may be 16 kB (aiohttp's default is 8 kB: some sites' Content-Security-Policy or
# Link headers are longer), at most 128 of them: a hostile server can hold 2 MB per response, not more.
MAX_HEADER_LINE = 16384


class VettedResolver(AbstractResolver):
    """Name -> the addresses the checker's guard approved for it, and nothing else."""

    def __init__(self, vetted: Mapping[str, list[str]]) -> None:
        self.vetted = vetted

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        addresses = self.vetted.get(host)
        if not addresses:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} was not vetted by the private-address guard")
        return [ResolveResult(hostname=host, host=a, port=port, proto=0, flags=socket.AI_NUMERICHOST,
                              family=socket.AF_INET6 if ":" in a else socket.AF_INET) for a in addresses]

    async def close(self) -> None:
        pass


def to_httpx(exc: Exception, request: httpx.Request) -> Exception:
    """The httpx exception for an aiohttp (or socket) failure; other exceptions are returned as they are."""
    kind: type[httpx.TransportError]
    if isinstance(exc, (ssl.SSLError, ssl.CertificateError, aiohttp.ClientSSLError)):
        kind, text = httpx.ConnectError, str(getattr(exc, "os_error", exc))
    elif isinstance(exc, aiohttp.ConnectionTimeoutError):
        kind, text = httpx.ConnectTimeout, "no connection in time"
    elif isinstance(exc, aiohttp.SocketTimeoutError):
        kind, text = httpx.ReadTimeout, "no data in time"
    elif isinstance(exc, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        kind, text = httpx.TimeoutException, "no answer in time"
    elif isinstance(exc, aiohttp.ClientConnectorError):  # refused, unreachable, DNS
        kind, text = httpx.ConnectError, str(exc.os_error)
    elif isinstance(exc, aiohttp.ServerDisconnectedError):
        kind, text = httpx.RemoteProtocolError, "server disconnected without a complete answer"
    elif isinstance(exc, aiohttp.ClientPayloadError):
        kind, text = httpx.RemoteProtocolError, f"incomplete body: {exc}"
    elif isinstance(exc, aiohttp.ClientResponseError):  # the parser refused the status line or headers
        kind, text = httpx.RemoteProtocolError, " ".join(exc.message.split())
    elif isinstance(exc, (aiohttp.InvalidURL, aiohttp.NonHttpUrlClientError)):
        kind, text = httpx.UnsupportedProtocol, f"the HTTP client refused the URL: {exc}"
    elif isinstance(exc, (aiohttp.ClientOSError, aiohttp.ClientConnectionResetError, OSError)):
        kind, text = httpx.ReadError, f"connection reset: {exc}"
    elif isinstance(exc, aiohttp.ClientError):
        kind, text = httpx.TransportError, f"{type(exc).__name__}: {exc}"
    else:
        return exc
    return kind(text, request=request)


class _Body(httpx.AsyncByteStream):
    """A response body as aiohttp delivers it; closing it early drops the connection, unread."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self.response, self.request = response, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.response.content.iter_any():
                yield chunk
        except Exception as exc:
            raise to_httpx(exc, self.request) from exc

    async def aclose(self) -> None:
        self.response.release()  # back to the pool when read to the end, closed when not


class _Cookies(httpx.Cookies):
    """httpx's cookie jar, which reads a response only when it sets a cookie.

    httpx hands every response to the jar through urllib shims (a urllib Request rebuilt from the
    URL and headers, every header copied into an email Message): 8% of the checker's CPU on the
    bench, for answers that set no cookie and so change nothing in the jar.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers or "set-cookie2" in response.headers:
            super().extract_cookies(response)


class _Client(httpx.AsyncClient):
    """httpx's client with `_Cookies` as its jar."""

    def __init__(self, cookies: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cookies = cookies

    @property
    def cookies(self) -> httpx.Cookies:
        return self._jar

    @cookies.setter
    def cookies(self, cookies: Any) -> None:  # what httpx.Cookies takes
        self._jar = _Cookies(cookies)


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An httpx transport that sends each request through one aiohttp session."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session
        self._tls: ssl.SSLContext | None = None

    def tls(self) -> ssl.SSLContext:
        """certifi's CA bundle, as httpx's own transport uses; loaded (~30 ms) at the first https URL."""
        if self._tls is None:
            self._tls = httpx.create_ssl_context()
        return self._tls

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeout = request.extensions.get("timeout", {})
        try:
            response = await self.session.request(
                request.method, yarl.URL(str(request.url), encoded=True), headers=request.headers.multi_items(),
                data=request.content or None, allow_redirects=False, ssl=self.tls() if request.url.scheme == "https" else True,
                timeout=aiohttp.ClientTimeout(connect=timeout.get("pool"), sock_connect=timeout.get("connect"),
                                              sock_read=timeout.get("read")))
        except Exception as exc:
            raise to_httpx(exc, request) from exc
        extensions = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        return httpx.Response(response.status, headers=response.raw_headers, stream=_Body(response, request),
                              request=request, extensions=extensions)

    async def aclose(self) -> None:
        await self.session.close()


def build_client(vetted: Mapping[str, list[str]], connections: int, timeout: httpx.Timeout,
                 headers: dict[str, str]) -> httpx.AsyncClient:
    """The one client every request goes through: one configuration, one cookie jar, one pool.

    Call it inside the running event loop. `vetted` is read at each connection, so addresses the
    guard approves later (a redirect's new host) are found.
    """
    connector = aiohttp.TCPConnector(limit=connections, resolver=VettedResolver(vetted), use_dns_cache=False)
    session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(), auto_decompress=False,
                                    trust_env=False, max_field_size=MAX_HEADER_LINE)
    return _Client(transport=AiohttpTransport(session), timeout=timeout, headers=headers, follow_redirects=False)
