"""Online mode from Python: ``Engine.validate_url`` and ``validate_many(online=...)`` against a
local HTTP server on 127.0.0.1 only (started here; bounded requests and times)."""

from __future__ import annotations

import gzip
import json
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

import fairlint


def record(base: str) -> str:
    return json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "@id": "https://doi.org/10.1234/abc",
            "identifier": "https://doi.org/10.1234/abc",
            "name": "Ocean temperatures",
            "description": "Daily sea surface temperatures of the North Sea, 2001-2020, from buoys.",
            "url": f"{base}/page",
            "license": f"{base}/license",
            "keywords": ["ocean", "temperature"],
            "creator": {"@type": "Person", "name": "Ada Lovelace"},
            "datePublished": "2021-01-01",
            "distribution": {
                "@type": "DataDownload",
                "contentUrl": f"{base}/data.csv",
                "encodingFormat": "text/csv",
            },
        },
        indent=2,
    )


class Server:
    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def send(self, status: int, media: str, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", media)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                path = self.path
                with server.lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                base = server.base
                accept = self.headers.get("Accept", "")
                rec = record(base).encode()
                page = (
                    "<!DOCTYPE html><html><head><title>Ocean</title>"
                    f'<script type="application/ld+json">{record(base)}</script></head>'
                    "<body>Ocean</body></html>"
                ).encode()
                if path == "/record" and accept.startswith("application/ld+json"):
                    self.send(200, "application/ld+json", rec)
                elif path in ("/record", "/page"):
                    self.send(200, "text/html; charset=utf-8", page)
                elif path == "/signposted":
                    self.send(
                        200,
                        "text/html",
                        b"<!DOCTYPE html><html><head></head><body>A dataset</body></html>",
                        {"Link": '</meta.jsonld>; rel="describedby"; type="application/ld+json"'},
                    )
                elif path == "/meta.jsonld":
                    self.send(200, "application/ld+json", rec)
                elif path == "/doi/10.1234/abc":
                    self.send(302, "text/plain", b"", {"Location": "/record"})
                elif path == "/loop-a":
                    self.send(302, "text/plain", b"", {"Location": "/loop-b"})
                elif path == "/loop-b":
                    self.send(302, "text/plain", b"", {"Location": "/loop-a"})
                elif path == "/slow":
                    time.sleep(3)
                    self.send(200, "application/ld+json", rec)
                elif path == "/bomb":
                    body = gzip.compress(b" " * (4 << 20))
                    self.send(200, "application/ld+json", body, {"Content-Encoding": "gzip"})
                elif path in ("/license", "/data.csv"):
                    self.send(200, "text/plain", b"ok")
                else:
                    self.send(404, "text/plain", b"not found")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def total(self) -> int:
        with self.lock:
            return sum(self.hits.values())


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


@pytest.fixture(scope="module")
def engine() -> fairlint.Engine:
    return fairlint.Engine(profile="core")


ALLOW = ["127.0.0.1"]


def not_assessed(report: fairlint.Report) -> int:
    return sum(1 for i in report.to_dict()["indicators"] if i["status"] == "not_assessed")


def test_validate_url_content_negotiation_adds_online_checks(engine: fairlint.Engine, server: Server) -> None:
    report = engine.validate_url(server.url("/record"), timeout=2, allow_hosts=ALLOW, resolver_base=server.url("/doi/"))
    harvest = report.harvest
    assert harvest is not None
    assert harvest["checked_url"] == server.url("/record")
    assert harvest["route"] == "content_negotiation"
    assert len(harvest["checks"]) == 8
    offline = engine.validate(record(server.base))
    assert {f.code for f in offline.findings} <= {f.code for f in report.findings}
    assert not_assessed(report) < not_assessed(offline)
    assert offline.harvest is None
    assert json.loads(report.to_json())["harvest"]["checked_url"] == harvest["checked_url"]
    assert "harvest" in report.to_dict()


def test_signposting_and_doi_resolver(engine: fairlint.Engine, server: Server) -> None:
    r = engine.validate_url(server.url("/signposted"), timeout=2, allow_hosts=ALLOW, resolver_base=server.url("/doi/"))
    assert r.harvest is not None and r.harvest["route"] == "signposting:describedby"
    d = engine.validate_url(
        "doi:10.1234/abc", timeout=2, allow_hosts=ALLOW, resolver_base=server.url("/doi/")
    )
    assert d.harvest is not None and d.harvest["checked_url"] == server.url("/record")


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/missing", "status"), ("/loop-a", "redirect_loop"), ("/slow", "timeout"), ("/bomb", "too_large")],
)
def test_fetch_failures_are_typed_and_bounded(path: str, kind: str, server: Server) -> None:
    small = fairlint.Engine(profile="core", options={"limits": {"max_input_bytes": 100000}})
    t = time.monotonic()
    with pytest.raises(fairlint.FetchError) as info:
        small.validate_url(server.url(path), timeout=1, allow_hosts=ALLOW, resolver_base=server.url("/doi/"))
    assert time.monotonic() - t < 2.5
    e = info.value
    assert isinstance(e, fairlint.FairlintError) and isinstance(e, OSError)
    assert e.code == "fetch_error"
    assert e.kind == kind, str(e)
    assert e.url.startswith(server.base)
    if kind == "status":
        assert e.status == 404
    else:
        assert e.status is None


def test_loopback_refused_unless_allowed(engine: fairlint.Engine, server: Server) -> None:
    before = server.total()
    with pytest.raises(fairlint.FetchError) as info:
        engine.validate_url(server.url("/record"), timeout=1)
    assert info.value.kind == "refused_address"
    assert server.total() == before


def test_bad_arguments_are_config_errors(engine: fairlint.Engine) -> None:
    with pytest.raises(fairlint.ConfigError):
        engine.validate_url("record.jsonld")
    with pytest.raises(fairlint.ConfigError):
        engine.validate_url("https://example.org/", timeout=-1)
    with pytest.raises(fairlint.ConfigError):
        engine.validate_url("https://example.org/", allow_hosts="127.0.0.1")  # type: ignore[arg-type]
    with pytest.raises(fairlint.ConfigError):
        engine.validate_url("https://example.org/", offline_from_cache=True)
    with pytest.raises(fairlint.ConfigError):
        engine.validate_many([], online={"no_such_option": 1})
    with pytest.raises(fairlint.ConfigError):
        engine.validate_many([], online="yes")  # type: ignore[arg-type]


def test_validate_many_online_is_concurrent_and_carries_on(engine: fairlint.Engine, server: Server) -> None:
    sources = [server.url("/record"), server.url("/missing"), record(server.base), server.url("/meta.jsonld")]
    results = list(engine.validate_many(sources, online={"timeout": 2, "allow_hosts": ALLOW, "resolver_base": server.url("/doi/")}))
    assert [type(r).__name__ for r in results] == ["Report", "ValidationFailure", "Report", "Report"]
    assert results[0].harvest is not None  # type: ignore[union-attr]
    assert results[2].harvest is None  # type: ignore[union-attr]
    failure = results[1]
    assert isinstance(failure, fairlint.ValidationFailure)
    assert failure.code == "fetch_error"
    assert isinstance(failure.error, fairlint.FetchError)
    # Without online a URL string is record text, never fetched.
    before = server.total()
    offline = list(engine.validate_many([server.url("/record")]))
    assert server.total() == before
    assert type(offline[0]).__name__ == "ValidationFailure"


def test_cache_gives_identical_reports_and_offline_replay(engine: fairlint.Engine, server: Server, tmp_path: Path) -> None:
    kw = dict(timeout=2, allow_hosts=ALLOW, cache_dir=tmp_path, deterministic=True, resolver_base=server.url("/doi/"))
    cold = engine.validate_url(server.url("/record"), **kw).to_json()  # type: ignore[arg-type]
    before = server.total()
    replay = engine.validate_url(server.url("/record"), offline_from_cache=True, **kw).to_json()  # type: ignore[arg-type]
    assert cold == replay
    assert server.total() == before
    assert "volatile" not in json.loads(cold)["harvest"]
    assert "lookup address" not in cold and "transport" not in cold


def test_same_bytes_as_the_cli(engine: fairlint.Engine, server: Server, cli: Path, tmp_path: Path) -> None:
    ours = engine.validate_url(
        server.url("/record"), timeout=2, allow_hosts=ALLOW, cache_dir=tmp_path, deterministic=True,
        resolver_base=server.url("/doi/"),
    ).to_json()
    out = subprocess.run(
        [
            str(cli), "check", "--online", "--profile", "core", "--format", "json", "--timeout", "2",
            "--allow-host", "127.0.0.1", "--resolver-base", server.url("/doi/"), "--cache-dir", str(tmp_path), "--offline-from-cache",
            "--deterministic", server.url("/record"),
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert out.stdout.decode() == ours, out.stderr.decode()
    # Only the local server was asked: no check reached for another host.
    assert "lookup address" not in ours and "host_not_found" not in ours
