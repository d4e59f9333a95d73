// The JS API of the built package (bindings-wasm/pkg): options, input kinds, error classes, the
// package.json entry points. The shared vectors are in vectors.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import {
  Engine,
  FairlintError,
  ParseError,
  ShapesError,
  ConfigError,
  ResolveError,
  profiles,
  version,
} from "../pkg/node.js";

const PKG = fileURLToPath(new URL("../pkg/", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATASET = readFileSync(join(ROOT, "examples/dataset.jsonld"), "utf8");

function throwsClass(fn, Class, code) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Class, `${e?.name}: ${e?.message} is a ${Class.name}`);
    assert.ok(e instanceof FairlintError && e instanceof Error);
    assert.equal(e.name, Class.name);
    assert.equal(e.code, code);
    assert.equal(typeof e.message, "string");
    return e;
  }
  assert.fail(`expected ${Class.name}`);
}

test("payload: an RO-Crate's files, checked only when given", () => {
  const crate = readFileSync(join(ROOT, "test-vectors/cases/profiles/ro-crate/payload-1.1.json"), "utf8");
  const engine = new Engine();
  assert.equal(engine.validate(crate, null, "ro-crate-metadata.json").conforms, true);
  const full = ["data.csv", "my file.txt", "results/table.tsv"];
  assert.equal(engine.validate(crate, null, null, null, full).conforms, true);
  const report = engine.validate(crate, null, null, null, ["./data.csv", "results/"]);
  assert.deepEqual(
    report.findings.map((f) => [f.code, f.focus_node, f.location.pointer]),
    [
      ["A130", "<file:///my%20file.txt>", "/@graph/5/@id"],
      ["A130", "<file:///results/table.tsv>", "/@graph/7/@id"],
    ],
  );
  assert.equal(JSON.parse(engine.validateJson(crate, null, null, null, ["results/"])).counts.error, 3);
  engine.free();
});

test("engine with no options, string input, format by name or content", () => {
  const engine = new Engine();
  const a = engine.validate(DATASET);
  const b = engine.validate(DATASET, "jsonld");
  const c = engine.validate(new TextEncoder().encode(DATASET), "json-ld");
  assert.deepStrictEqual(a, b);
  assert.deepStrictEqual(a, c);
  assert.equal(a.document.format, "jsonld");
  assert.equal(a.schema_version, "0.1");
  assert.equal(a.fairlint_version, version());
  assert.ok(typeof a.scores.F === "number" && a.scores.F >= 0 && a.scores.F <= 100, `${a.scores.F}`);
  assert.equal(a.indicators.length, 41);
  assert.ok(a.top_fixes.length <= 3);
  assert.ok(!("input" in a));
  assert.equal(engine.validate(DATASET, null, "record.jsonld").input, "record.jsonld");
  engine.free();
});

test("options: profile, severity, ignore, include_values, limits", () => {
  const engine = new Engine({
    profile: "core",
    include_values: false,
    severity: { R001: "error" },
    ignore: ["I005"],
    limits: { max_findings: 10 },
  });
  const report = engine.validate(DATASET, "jsonld");
  assert.equal(report.profile.selected_by, "explicit");
});

test("user contexts load unbundled ones and win over bundled ones", () => {
  const record = '{"@context": "https://example.org/ctx", "@type": "Thing", "title": "x"}';
  throwsClass(() => new Engine().validate(record, "jsonld"), ResolveError, "resolve_error");
  const contexts = { "https://example.org/ctx": '{"@context": {"@vocab": "http://example.org/terms#"}}' };
  const report = new Engine({ contexts }).validate(record, "jsonld");
  assert.deepEqual(report.document.contexts, ["user context https://example.org/ctx"]);
  assert.equal(report.document.triples, 2);
  const e = throwsClass(
    () => new Engine({ contexts: { "https://example.org/bad": "{not json" } }),
    ConfigError,
    "config_error",
  );
  assert.match(e.message, /https:\/\/example\.org\/bad/);
});

test("bad options are ConfigError", () => {
  const e = throwsClass(() => new Engine({ profil: "core" }), ConfigError, "config_error");
  assert.match(e.message, /profil/);
  throwsClass(() => new Engine({ profile: "nope" }), ConfigError, "config_error");
  throwsClass(() => new Engine({ limits: { max_json_depth: 0 } }), ConfigError, "config_error");
  throwsClass(() => new Engine({ shapes: "not an array" }), ConfigError, "config_error");
  throwsClass(() => new Engine(42), ConfigError, "config_error");
  const engine = new Engine();
  throwsClass(() => engine.validate(DATASET, "docx"), ConfigError, "config_error");
  throwsClass(() => engine.validate(42), ConfigError, "config_error");
});

test("bad shapes are ShapesError", () => {
  const e = throwsClass(() => new Engine({ shapes: ["@prefix sh: <"] }), ShapesError, "shapes_error");
  assert.equal(e.kind, "shapes_syntax");
});

test("parse errors carry line and column", () => {
  const engine = new Engine();
  const e = throwsClass(() => engine.validate("{\n  \"a\": ,\n}", "jsonld"), ParseError, "parse_error");
  assert.equal(e.line, 2);
  assert.equal(typeof e.column, "number");
  assert.equal(e.format, "jsonld");
  assert.deepStrictEqual(e.location, { line: e.line, column: e.column });
});

test("profiles() lists the bundled profiles", () => {
  const list = profiles();
  assert.ok(Array.isArray(list) && list.length >= 1);
  assert.equal(list[0].id, "core");
});

test("package.json entry points resolve in Node (import 'fairlint')", () => {
  const pkg = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  assert.equal(pkg.name, "fairlint");
  assert.equal(pkg.type, "module");
  for (const file of pkg.files) assert.ok(existsSync(join(PKG, file)), `${file} is in the package`);
  const dir = mkdtempSync(join(tmpdir(), "fairlint-consumer-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PKG, join(dir, "node_modules", "fairlint"), "dir");
  writeFileSync(
    join(dir, "main.mjs"),
    `import { Engine, ParseError } from "fairlint";
     const r = new Engine({ profile: "core" }).validate(${JSON.stringify(DATASET)}, "jsonld");
     let pe; try { new Engine().validate("{", "jsonld"); } catch (e) { pe = e instanceof ParseError; }
     console.log(JSON.stringify({ profile: r.profile.id, pe }));`,
  );
  const out = execFileSync(process.execPath, [join(dir, "main.mjs")], { encoding: "utf8" });
  assert.deepStrictEqual(JSON.parse(out), { profile: "core", pe: true });
});

test("the TypeScript types name exactly the keys of report.schema.json", () => {
  const dts = readFileSync(join(PKG, "fairlint_wasm.d.ts"), "utf8");
  const schema = JSON.parse(readFileSync(join(ROOT, "test-vectors/report.schema.json"), "utf8"));
  const declared = (name) => {
    const body = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))?.[1];
    assert.ok(body, `interface ${name} in fairlint_wasm.d.ts`);
    return body
      .split("\n")
      .map((l) => l.match(/^ {2,4}(\w+)(\?)?:/))
      .filter(Boolean)
      .map((m) => m[1] + (m[2] ?? ""))
      .sort();
  };
  const expected = (object) =>
    Object.keys(object.properties)
      .map((k) => (object.required?.includes(k) ? k : k + "?"))
      .sort();
  const p = schema.properties;
  const d = schema.$defs;
  const hint = "the report schema changed: update the TypeScript section in bindings-wasm/src/types.rs";
  assert.deepStrictEqual(declared("Report"), expected(schema), hint);
  assert.deepStrictEqual(declared("DocumentInfo"), expected(p.document), hint);
  assert.deepStrictEqual(declared("ProfileInfo"), expected(p.profile), hint);
  assert.deepStrictEqual(declared("Scores"), expected(p.scores), hint);
  assert.deepStrictEqual(declared("Finding"), expected(d.finding), hint);
  assert.deepStrictEqual(declared("Location"), expected(d.location), hint);
  assert.deepStrictEqual(declared("TopFix"), expected(p.top_fixes.items), hint);
  assert.deepStrictEqual(declared("IndicatorResult"), expected(d.indicator), hint);
});
