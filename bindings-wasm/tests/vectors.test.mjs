// Runs the shared test vectors (test-vectors/manifest.json) against the BUILT npm package
// (bindings-wasm/pkg, made by build.sh), with the semantics of fair-core/tests/vectors.rs:
// only the expected keys are compared, findings as a multiset, errors by class, `code` and
// location keys. Every report must also deep-equal the Rust CLI's JSON report for the same
// input and options (`fairlint check --format json`, minus `input`).
//
//   node --test tests/          (FAIRLINT_BIN=path/to/fairlint to choose the CLI binary)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as fairlint from "../pkg/node.js";

const { Engine, FairlintError, ParseError, ShapesError, ConfigError, LimitError, ResolveError } =
  fairlint;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VECTORS = join(ROOT, "test-vectors");
const manifest = JSON.parse(readFileSync(join(VECTORS, "manifest.json"), "utf8"));

/** Vectors this binding skips, with the reason (none so far). */
const SKIP = {};

const ERROR_CLASSES = {
  parse_error: ParseError,
  limit_exceeded: LimitError,
  resolve_error: ResolveError,
  config_error: ConfigError,
  shapes_error: ShapesError,
};

const FAIRLINT_BIN = process.env.FAIRLINT_BIN ?? join(ROOT, "target/debug/fairlint");
const haveCli = existsSync(FAIRLINT_BIN);
const cliHelp = haveCli ? execFileSync(FAIRLINT_BIN, ["check", "--help"], { encoding: "utf8" }) : "";
const scratch = mkdtempSync(join(tmpdir(), "fairlint-vectors-"));

/** Whether `actual` has every key of `expected` with an equal value (recursively for objects). */
function matches(expected, actual) {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    return (
      actual !== null &&
      typeof actual === "object" &&
      !Array.isArray(actual) &&
      Object.entries(expected).every(([k, v]) => k in actual && matches(v, actual[k]))
    );
  }
  try {
    assert.deepStrictEqual(actual, expected);
    return true;
  } catch {
    return false;
  }
}

/** Every expected finding matches a distinct actual finding, and there are no others. */
function assertFindings(expected, actual) {
  assert.equal(actual.length, expected.length, `finding count: ${JSON.stringify(actual, null, 2)}`);
  const used = new Array(actual.length).fill(false);
  for (const e of expected) {
    const i = actual.findIndex((a, j) => !used[j] && matches(e, a));
    assert.notEqual(i, -1, `no finding matches ${JSON.stringify(e)}; got ${JSON.stringify(actual, null, 2)}`);
    used[i] = true;
  }
}

/** The Rust CLI's report for the same input and options, minus `input`. */
function rustReport(v) {
  // The engine here reads bytes, whose relative IRIs resolve against the default base; the CLI
  // would resolve a file's against its location, so it is given the same base.
  const args = ["check", "--format", "json", "--fail-on", "never", "--no-progress", "-j", "1", "--base-iri", "file:///"];
  if (v.format) args.push("--input-format", v.format);
  if (v.options && Object.keys(v.options).length > 0) {
    const config = join(scratch, `${v.id}.json`);
    writeFileSync(config, JSON.stringify(v.options));
    args.push("--config", config);
  }
  for (const s of v.shapes ?? []) args.push("--shapes", join(VECTORS, s));
  for (const o of v.ontologies ?? []) args.push("--ontology", join(VECTORS, o));
  args.push(join(VECTORS, v.input));
  const out = execFileSync(FAIRLINT_BIN, args, { encoding: "utf8" });
  const report = JSON.parse(out);
  delete report.input;
  // The one difference between the faces: the graph fingerprint is not built into the
  // WebAssembly package (its size budget; docs/architecture.md, "Graph fingerprint and sophia").
  assert.ok(
    ("fingerprint" in report.document) !== ("fingerprint_error" in report.document),
    `the CLI's report has a fingerprint or says why not: ${JSON.stringify(report.document)}`,
  );
  delete report.document.fingerprint;
  delete report.document.fingerprint_error;
  return report;
}

/** An expectation without the fingerprint fields, which this package does not compute. */
function withoutFingerprint(expected) {
  const { fingerprint: _f, fingerprint_error: _e, ...rest } = expected;
  return rest;
}

for (const v of manifest.vectors) {
  test(`vector ${v.id}`, { skip: SKIP[v.id] ?? false }, (t) => {
    const bytes = new Uint8Array(readFileSync(join(VECTORS, v.input)));
    const options = { ...(v.options ?? {}) };
    // Named like fair-core/tests/vectors.rs names them (the path), so findings are identical.
    const named = (p) => ({ name: p, text: readFileSync(join(VECTORS, p), "utf8") });
    if (v.shapes) options.shapes = v.shapes.map(named);
    if (v.ontologies) options.ontologies = v.ontologies.map(named);
    const expect = v.expect;
    const name = basename(v.input);

    let engine;
    try {
      engine = new Engine(options);
    } catch (e) {
      assert.ok(expect.error, `engine build failed: ${e}`);
      assert.ok(e instanceof FairlintError && e instanceof Error, `${e} is a FairlintError`);
      assert.ok(e instanceof ERROR_CLASSES[expect.error], `${e.name} for ${expect.error}`);
      assert.equal(e.code, expect.error);
      return;
    }
    try {
      let report;
      try {
        report = engine.validate(bytes, v.format ?? null, name, null, v.payload ?? null);
      } catch (e) {
        assert.ok(expect.error, `unexpected error [${e.code}]: ${e}`);
        assert.ok(e instanceof FairlintError && e instanceof Error, `${e} is a FairlintError`);
        assert.ok(e instanceof ERROR_CLASSES[expect.error], `${e.name} for ${expect.error}`);
        assert.equal(e.code, expect.error);
        if (expect.location) {
          assert.ok(matches(expect.location, e.location), `location ${JSON.stringify(e.location)}`);
          for (const [k, val] of Object.entries(expect.location)) assert.equal(e[k], val);
        }
        return;
      }
      assert.ok(!expect.error, `expected ${expect.error}, got a report`);
      assert.equal(report.input, name);
      // Plain objects only: no Map anywhere, and a JSON round trip changes nothing.
      assert.deepStrictEqual(JSON.parse(JSON.stringify(report)), report);
      // validateJson gives the same report as text.
      assert.deepStrictEqual(JSON.parse(engine.validateJson(bytes, v.format ?? null, name, null, v.payload ?? null)), report);
      if ("conforms" in expect) assert.equal(report.conforms, expect.conforms);
      assert.ok(!("fingerprint" in report.document) && !("fingerprint_error" in report.document));
      for (const key of ["document", "profile", "profiles", "counts"]) {
        const expected = key === "document" ? withoutFingerprint(expect[key] ?? {}) : expect[key];
        if (key in expect) assert.ok(matches(expected, report[key]), `${key}: ${JSON.stringify(report[key])}`);
      }
      if (expect.findings) assertFindings(expect.findings, report.findings);
      if (haveCli && v.ontologies && !cliHelp.includes("--ontolog")) {
        t.diagnostic("the CLI takes no ontologies: Rust JSON comparison skipped for this vector");
      } else if (haveCli && v.payload) {
        t.diagnostic("the CLI lists a payload only for a crate directory or zip: Rust JSON comparison skipped");
      } else if (haveCli) {
        const { input: _input, ...ours } = report;
        assert.deepStrictEqual(ours, rustReport(v), "report differs from the Rust CLI's JSON");
      } else {
        t.diagnostic(`no ${FAIRLINT_BIN}: Rust JSON comparison skipped`);
      }
    } finally {
      engine.free();
    }
  });
}

test("the Rust CLI is there for the JSON comparison", { skip: process.env.FAIRLINT_ALLOW_NO_CLI ? "FAIRLINT_ALLOW_NO_CLI" : false }, () => {
  assert.ok(haveCli, `build it first: cargo build -p fair-cli (looked for ${FAIRLINT_BIN})`);
});
