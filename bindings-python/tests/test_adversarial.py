"""Adversarial inputs across the Python boundary (docs/limits.md): deep JSON and oversized input
end in a typed ``fairlint.LimitError`` with its location, never a crash of the interpreter, in
the calling thread and in worker threads (``validate_many``)."""

from __future__ import annotations

import threading

import pytest

import fairlint

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture(scope="module")
def engine() -> fairlint.Engine:
    return fairlint.Engine(profile="core")


def test_deeply_nested_json_is_a_located_limit_error(engine: fairlint.Engine) -> None:
    for source in (DEEP, DEEP.encode()):
        with pytest.raises(fairlint.LimitError) as info:
            engine.validate(source, format="jsonld")
        e = info.value
        assert e.code == "limit_exceeded"
        # The 129th bracket (default max_json_depth 128).
        assert (e.line, e.column) == (1, 129)


def test_deep_json_in_an_html_block_names_the_block(engine: fairlint.Engine) -> None:
    page = '<html>\n<script type="application/ld+json">' + DEEP + "</script></html>"
    with pytest.raises(fairlint.LimitError) as info:
        engine.validate(page, format="html")
    assert (info.value.block, info.value.line) == (0, 2)


def test_json_at_the_largest_depth_setting_does_not_crash_a_worker_thread() -> None:
    # 256 is the largest max_json_depth; threads get a smaller stack than the main thread.
    engine = fairlint.Engine(profile="core", options={"limits": {"max_json_depth": 256}})
    doc = '{"@context": "https://schema.org/", "@id": "https://example.org/0", '
    for i in range(1, 250):
        doc += f'"knows": {{"@id": "https://example.org/{i}", '
    doc += '"name": "leaf"}' + "}" * 249
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(engine.validate(doc, format="jsonld")))
    thread.start()
    thread.join()
    assert len(results) == 1 and isinstance(results[0], fairlint.Report)
    too_deep = "[" * 257 + "]" * 257
    with pytest.raises(fairlint.LimitError):
        engine.validate(too_deep, format="jsonld")


def test_input_over_max_input_bytes_is_refused_before_parsing(engine: fairlint.Engine) -> None:
    big = b"x" * (16 * 1024 * 1024 + 1)
    for fmt in ("jsonld", "turtle", None):
        with pytest.raises(fairlint.LimitError) as info:
            engine.validate(big, format=fmt)
        assert info.value.code == "limit_exceeded"


def test_a_batch_with_adversarial_records_carries_on(engine: fairlint.Engine) -> None:
    good = '{"@context": "https://schema.org/", "@type": "Dataset", "@id": "https://example.org/x"}'
    results = list(
        engine.validate_many([good, DEEP, b"\xff\xfe{}", good], format="jsonld", workers=2)
    )
    assert [type(r).__name__ for r in results] == [
        "Report",
        "ValidationFailure",
        "ValidationFailure",
        "Report",
    ]
    assert [results[1].code, results[2].code] == ["limit_exceeded", "parse_error"]
    assert isinstance(results[1].error, fairlint.LimitError)
    assert results[1].location == {"line": 1, "column": 129}
