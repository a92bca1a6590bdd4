"""A real HTTP server on 127.0.0.1 that serves every case a link checker meets.

Used by the link tests (as a fixture) and by scripts/bench_links.py. Paths:

    /                      home page                 /ok/page-N            a real page (others under /ok/ 404)
    /r301, /r302a          redirect chains to /ok    /loop1 <-> /loop2     a redirect loop
    /away?to=URL           302 to any URL            /redirect-to/CODE/P   CODE to /P
    /status/404|410|500    that status               /flaky/ID             503 the first time, then 200
    /ratelimit/ID?after=S  429 + Retry-After S once  /ratelimit-date/ID    429 with an HTTP-date, once
    /head405               HEAD 405, GET 200         /botwall              403 with a bot-wall page
    /soft404               200 "Page not found"      /news/deep/article    302 to the home page
    /app/...               a catch-all app shell     /slow                 answers after 3 s
    /members/...           302 to a login page      /badcharset, /garbage  hostile answers
    /huge                  claims 10 GB, streams     /close                closes without answering
    /gzip-missing          a gzipped "Page not found"  /gzipbomb         50 MB of zeros in 51 kB of gzip
    /badlocation           a redirect to "http://[::1"  /bigheaders        300 kB of headers
    /longheader            one 12 kB header
    /trickle               a body one byte at a time, each just inside the read timeout
    /gate/story-N          a cookie wall: sets a cookie on a detour and sends the client back
    /wayback/available     a fake Wayback Machine availability API
"""
from __future__ import annotations

import email.utils
import functools
import gzip
import ipaddress
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "linkserver/1"
    # Headers and body leave in one segment, as from a real server. Unbuffered, the body waited for
    # the client's delayed ACK of the headers (Nagle): 90 ms per kept-alive request, not `latency`.
    wbufsize = -1

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, code: int, body: str = "", headers: dict | None = None, ctype: str = "text/html; charset=utf-8") -> None:
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("LinkChecker", "welcome")  # linkchecker's opt-in to more than 10 requests/s
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _page(self, title: str, text: str) -> str:
        return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>"

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        srv = self.server
        with srv.lock:
            srv.hits[self.path] = srv.hits.get(self.path, 0) + 1
            srv.methods.append((self.command, self.path))
            srv.arrivals.append((time.monotonic(), self.path))
            srv.total += 1
            seen = srv.hits[self.path]
            srv.in_flight += 1
            srv.most_in_flight = max(srv.most_in_flight, srv.in_flight)
        try:
            return self._route(seen)
        finally:
            with srv.lock:
                srv.in_flight -= 1

    def _route(self, seen: int) -> None:
        srv = self.server
        if srv.latency:
            time.sleep(srv.latency)
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        if path == "/":
            return self._send(200, self._page("Home", "Welcome to the front page of a news site."))
        if path.startswith("/ok/page-"):
            n = path.rsplit("-", 1)[1]
            return self._send(200, self._page(f"Article {n}", f"Report number {n}: " + "facts and figures " * (int(n) % 7 + 3)))
        if path.startswith("/ok/"):
            return self._send(404, self._page("Not Found", "No such page"))
        if path == "/away":  # a redirect to any absolute URL: /away?to=URL
            return self._send(302, "", {"Location": query["to"][0]})
        if path.startswith("/redirect-to/"):  # /redirect-to/CODE/TARGET...
            _, _, code, target = path.split("/", 3)
            return self._send(int(code), "", {"Location": "/" + target})
        if path == "/r301":
            return self._send(301, "", {"Location": "/ok/page-1"})
        if path == "/r302a":
            return self._send(302, "", {"Location": "/r302b"})
        if path == "/r302b":
            return self._send(302, "", {"Location": "/ok/page-2"})
        if path == "/loop1":
            return self._send(302, "", {"Location": "/loop2"})
        if path == "/loop2":
            return self._send(302, "", {"Location": "/loop1"})
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            return self._send(code, self._page(f"Error {code}", "error"))
        if path.startswith("/flaky/"):
            return self._send(503 if seen == 1 else 200, self._page("Flaky" if seen > 1 else "Busy", "try again"))
        if path.startswith("/ratelimit/"):
            after = query.get("after", ["1"])[0]
            if seen == 1 or after != "1" and after != "0":
                return self._send(429, "slow down", {"Retry-After": after})
            return self._send(200, self._page("Rate limited page", "finally"))
        if path.startswith("/ratelimit-date/"):
            if seen == 1:
                when = email.utils.formatdate(time.time() + 1, usegmt=True)
                return self._send(429, "slow down", {"Retry-After": when})
            return self._send(200, self._page("Dated page", "finally"))
        if path == "/head405":
            if self.command == "HEAD":
                return self._send(405, "", {"Allow": "GET"})
            return self._send(200, self._page("Head refused", "but GET works"))
        if path == "/botwall":
            return self._send(403, self._page("Access denied", "Are you a robot? Complete the challenge."))
        if path == "/soft404":
            return self._send(200, self._page("Page Not Found", "Sorry, we could not find that article."))
        if path.startswith("/news/"):
            return self._send(302, "", {"Location": "/"})
        if path.startswith("/members/"):
            return self._send(302, "", {"Location": "/account/login?next=" + path})
        if path == "/account/login":
            return self._send(200, self._page("Sign in", "Members only. Please sign in to continue reading."))
        if path.startswith("/app/"):
            return self._send(200, "<html><head><title>App</title></head><body><div id=root></div>"
                                   "<script src=/bundle.js></script></body></html>")
        if path == "/slow":
            time.sleep(3)
            return self._send(200, self._page("Slow", "finally"))
        if path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10 * 1024 ** 3))
            self.end_headers()
            if self.command == "HEAD":
                return None
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(200_000):  # bounded: 13 GB at most, but the client hangs up first
                    self.wfile.write(chunk)
                    srv.huge_bytes += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return None
        if path == "/badcharset":
            return self._send(200, self._page("Odd charset", "text"), ctype="text/html; charset=x-no-such-codec")
        if path == "/garbage":
            self.wfile.write(b"HELLO THERE\r\n\r\n")
            self.close_connection = True
            return None
        if path == "/close":
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if path in ("/gzip-missing", "/gzipbomb"):
            data = (gzip.compress(self._page("Page not found", "gone").encode()) if path == "/gzip-missing"
                    else gzip_bomb())
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client read what it needed and hung up
            return None
        if path == "/longheader":  # one 12 kB header, as some sites' Content-Security-Policy
            return self._send(200, self._page("Long header", "policy"), {"Content-Security-Policy": "x" * 12000})
        if path == "/bigheaders":
            return self._send(200, self._page("Headers", "many"), {f"X-Filler-{i}": "y" * 100 for i in range(3000)})
        if path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):  # bounded: 20 s at most, but the client hangs up first
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if path == "/badlocation":
            return self._send(302, "", {"Location": "http://[::1"})
        if path.startswith("/gate/"):  # news sites' consent and metering walls work like this
            if "gate=passed" in (self.headers.get("Cookie") or ""):
                if path.startswith("/gate/story-"):
                    return self._send(200, self._page("Gated article", "Read on."))
                return self._send(404, self._page("Not Found", "No such story"))
            return self._send(302, "", {"Location": "/gate-check?next=" + path})
        if path == "/gate-check":
            return self._send(302, "", {"Location": query["next"][0], "Set-Cookie": "gate=passed; Path=/"})
        if path == "/wayback/available":
            target = query.get("url", [""])[0]
            stamp = query.get("timestamp", ["20200101"])[0]
            snap = {"closest": {"available": True, "status": "200", "timestamp": stamp,
                                "url": f"http://web.archive.org/web/{stamp}/{target}"}}
            return self._send(200, json.dumps({"url": target, "archived_snapshots": snap}), ctype="application/json")
        return self._send(404, self._page("Not Found", "nothing here"))


@functools.cache
def gzip_bomb() -> bytes:
    """50 MB of zeros in 51 kB of gzip: whoever inflates it whole holds 50 MB for one page."""
    return gzip.compress(b"\0" * (50 * 1024 ** 2), compresslevel=9)


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024  # the default backlog of 5 drops connections under concurrent checks

    def __init__(self, latency: float = 0.0) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.hits: dict[str, int] = {}
        self.methods: list[tuple[str, str]] = []
        self.arrivals: list[tuple[float, str]] = []  # (time.monotonic(), path): the order requests came in
        self.total = 0
        self.in_flight = self.most_in_flight = 0  # requests being answered at once, and the most seen
        self.latency = latency
        self.huge_bytes = 0
        self.scheme = "http"
        gzip_bomb()  # built before the first request (0.4 s), so its answer is not slowed by it

    def handle_error(self, request, client_address) -> None:
        pass  # clients hanging up mid-body (the /huge case) are expected, not news

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server_address[1]}"

    def with_tls(self, certfile: str, keyfile: str) -> LinkServer:
        """Serve HTTPS with this certificate (call before start)."""
        import ssl

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certfile, keyfile)
        self.socket = context.wrap_socket(self.socket, server_side=True)
        self.scheme = "https"
        return self

    def start(self) -> LinkServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def refuse_egress(monkeypatch) -> list[str]:
    """Refuse, in-process, any connection the link checker tries outside 127.0.0.0/8 and ::1.

    Patches the connection step of aiohttp (aiohappyeyeballs.start_connection), so a test that
    vets a public address never sends it a packet. Returns the addresses tried, in order.
    """
    import aiohappyeyeballs
    import aiohttp.connector

    # The seam this relies on: if aiohttp stops connecting through it, fail here, before any traffic.
    assert aiohttp.connector.aiohappyeyeballs is aiohappyeyeballs, "aiohttp no longer connects via aiohappyeyeballs"
    tried: list[str] = []
    real = aiohappyeyeballs.start_connection

    async def guarded(addr_infos, **kw):
        addresses = [info[4][0] for info in addr_infos]
        tried.extend(addresses)
        if not all(ipaddress.ip_address(a).is_loopback for a in addresses):
            raise ConnectionRefusedError(111, f"test: no traffic to {addresses}")
        return await real(addr_infos, **kw)

    monkeypatch.setattr(aiohappyeyeballs, "start_connection", guarded)
    return tried
