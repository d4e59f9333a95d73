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
  const fix = d.finding.properties.fix.oneOf[1];
  assert.deepStrictEqual(declared("Fix"), expected(fix), hint);
  assert.deepStrictEqual(declared("Edit"), expected(fix.properties.edits.items), hint);
});

const FIX_RECORD =
  '{\r\n\t"@context": "https:\\/\\/schema.org\\/",\r\n\t"@type": "Dataset",\r\n\t"name": "Caf\\u00e9",\r\n' +
  '\t"license": "GPL-3.0",\r\n\t"creater": "Jane Doe"\r\n}\r\n';

test("fix: safe fixes keep every other byte; unsafe ones when asked; twice equals once", () => {
  const engine = new Engine({ profile: "core" });
  const result = engine.fix(FIX_RECORD);
  assert.equal(result.text, FIX_RECORD.replace('"GPL-3.0"', '"https:\\/\\/spdx.org\\/licenses\\/GPL-3.0-only"'));
  assert.deepStrictEqual(result.applied.map((f) => f.code), ["R010", "R013"]);
  assert.deepStrictEqual(result.applied[0].edits, [{ target: "value", find: "GPL-3.0", replace: "GPL-3.0-only", within: true }]);
  assert.deepStrictEqual(result.applied[0].location, { pointer: "/license" });
  assert.deepStrictEqual(result.skipped.map((s) => [s.code, s.applicability]), [["I121", "unsafe"]]);
  assert.ok(result.report.findings.every((f) => f.code !== "R010"));
  assert.equal(engine.fix(result.text).text, result.text);
  assert.deepStrictEqual(engine.fix(result.text).applied, []);
  const all = engine.fix(FIX_RECORD, { unsafe: true });
  assert.ok(all.text.includes('"creator"') && !all.text.includes('"creater"'));
  // The report's findings carry the edits the fix applies.
  const r010 = engine.validate(FIX_RECORD).findings.find((f) => f.code === "R010");
  assert.equal(r010.fix.applicability, "safe");
  assert.equal(r010.fix.edits.length, 1);
  // The same bytes as the CLI's `fairlint fix`, when it is built.
  const cli = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "debug/fairlint");
  if (existsSync(cli)) {
    const out = execFileSync(cli, ["fix", "--profile", "core", "--fail-on", "never", "-"], { input: FIX_RECORD, stdio: ["pipe", "pipe", "ignore"] });
    assert.equal(out.toString("utf8"), result.text);
  }
  engine.free();
});

test("fix: options are checked, bad input throws the typed error", () => {
  const engine = new Engine();
  throwsClass(() => engine.fix('{"@context": '), ParseError, "parse_error");
  throwsClass(() => engine.fix(FIX_RECORD, { unsafe: "yes" }), ConfigError, "config_error");
  throwsClass(() => engine.fix(FIX_RECORD, { format: "nope" }), ConfigError, "config_error");
  const ttl = '@prefix schema: <http://schema.org/> .\n<https://example.org/d> a schema:Dataset ; schema:license "GPL-3.0" .\n';
  assert.equal(engine.fix(ttl, { format: "turtle" }).text, ttl);
  engine.free();
});
