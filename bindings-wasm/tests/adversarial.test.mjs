// Adversarial inputs across the WebAssembly boundary (docs/limits.md): deep JSON and oversized
// input end in a typed LimitError with its location, never a trap (a wasm stack overflow or an
// out-of-memory would be a RuntimeError, not a FairlintError), and the engine stays usable.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Engine, FairlintError, LimitError } from "../pkg/node.js";

const DEEP = "[".repeat(100_000) + "]".repeat(100_000);
const RECORD = JSON.stringify({
  "@context": "https://schema.org/",
  "@type": "Dataset",
  "@id": "https://example.org/x",
});

function limitError(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof LimitError && e instanceof FairlintError, `${e?.name}: ${e?.message}`);
    assert.equal(e.code, "limit_exceeded");
    return e;
  }
  assert.fail("expected a LimitError");
}

test("deeply nested JSON is a located LimitError, and the engine still works", () => {
  const engine = new Engine({ profile: "core" });
  for (const input of [DEEP, new TextEncoder().encode(DEEP)]) {
    const e = limitError(() => engine.validate(input, "jsonld"));
    assert.equal(e.limit, "max_json_depth");
    assert.equal(e.max, 128);
    assert.deepStrictEqual([e.line, e.column], [1, 129]);
  }
  const page = `<html>\n<script type="application/ld+json">${DEEP}</script></html>`;
  const e = limitError(() => engine.validate(page, "html"));
  assert.deepStrictEqual([e.block, e.line], [0, 2]);
  assert.equal(engine.validate(RECORD, "jsonld").document.triples, 1);
  engine.free();
});

test("JSON at the largest depth setting (256) fits the WebAssembly stack", () => {
  const engine = new Engine({ profile: "core", limits: { max_json_depth: 256 } });
  let doc = '{"@context": "https://schema.org/", "@id": "https://example.org/0", ';
  for (let i = 1; i < 250; i++) doc += `"knows": {"@id": "https://example.org/${i}", `;
  doc += '"name": "leaf"}' + "}".repeat(249);
  const report = engine.validate(doc, "jsonld");
  assert.ok(report.document.triples >= 249, `${report.document.triples}`);
  limitError(() => engine.validate("[".repeat(257) + "]".repeat(257), "jsonld"));
  engine.free();
});

test("input over max_input_bytes is refused before parsing", () => {
  const engine = new Engine({ profile: "core" });
  const big = new Uint8Array(16 * 1024 * 1024 + 1).fill(0x78);
  for (const format of ["jsonld", "turtle", undefined]) {
    const e = limitError(() => engine.validate(big, format));
    assert.equal(e.limit, "max_input_bytes");
    assert.equal(e.max, 16 * 1024 * 1024);
  }
  assert.equal(engine.validate(RECORD).document.triples, 1);
  engine.free();
});
