// The npm package as users get it: scripts/test-wasm.sh packs bindings-wasm/pkg with `npm pack`,
// installs the tarball into a scratch project offline (it has no dependencies) and copies this
// file there, so `import "fairlint"` resolves to node_modules/fairlint and nothing else.
// FAIRLINT_ROOT is the repository (for the example records), FAIRLINT_BIN the Rust CLI whose
// JSON report the installed package must give too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { Engine, ParseError, version } from "fairlint";

const ROOT = process.env.FAIRLINT_ROOT;
const BIN = process.env.FAIRLINT_BIN;
const HERE = fileURLToPath(new URL(".", import.meta.url));

test("the import resolves to the installed package, not the source tree", () => {
  const resolved = fileURLToPath(import.meta.resolve("fairlint"));
  assert.ok(resolved.startsWith(join(HERE, "node_modules", "fairlint")), resolved);
  const pkg = JSON.parse(readFileSync(join(HERE, "node_modules/fairlint/package.json"), "utf8"));
  assert.equal(pkg.name, "fairlint");
  assert.ok(version(), "version() answers");
  assert.ok(existsSync(join(HERE, "node_modules/fairlint/fairlint_wasm_bg.wasm")));
  // No dependencies: nothing else was installed.
  assert.deepEqual(pkg.dependencies ?? {}, {});
  const require = createRequire(import.meta.url);
  assert.ok(require.resolve("fairlint/package.json").includes("node_modules"));
});

test("validates a record as the Rust CLI does", () => {
  assert.ok(ROOT && BIN, "FAIRLINT_ROOT and FAIRLINT_BIN must be set");
  const engine = new Engine();
  for (const name of ["examples/dataset.jsonld", "examples/tool.jsonld"]) {
    const path = join(ROOT, name);
    const report = engine.validate(readFileSync(path, "utf8"), null, name);
    assert.equal(typeof report.conforms, "boolean");
    assert.ok(report.scores.total === null || typeof report.scores.total === "number");
    let cli;
    try {
      // The package's relative IRIs resolve against file:/// (no file location in the browser).
      const args = ["check", "--format", "json", "--fail-on", "never", "--no-progress", "--base-iri", "file:///", name];
      cli = execFileSync(BIN, args, { cwd: ROOT });
    } catch (e) {
      assert.fail(`the CLI failed on ${name}: ${e}`);
    }
    const expected = JSON.parse(cli.toString("utf8"));
    // The one difference between the faces (as in vectors.test.mjs): the graph fingerprint is not
    // built into the WebAssembly package (docs/architecture.md, "Graph fingerprint and sophia").
    assert.ok("fingerprint" in expected.document, `the CLI's report has a fingerprint: ${name}`);
    assert.ok(!("fingerprint" in report.document) && !("fingerprint_error" in report.document));
    delete expected.document.fingerprint;
    assert.deepEqual(report, expected, name);
  }
  engine.free();
});

test("a broken record is a ParseError with its place", () => {
  const engine = new Engine();
  const bad = '{"@context": "https://schema.org/", "@type": "Dataset", "license": "GPL-3.0"}';
  const report = engine.validate(bad, "jsonld");
  assert.ok(report.findings.some((f) => f.code === "R010" && f.url === "docs/site/src/rules/R010.md"));
  assert.throws(
    () => engine.validate('{"@context": "https://schema.org/", "name": }', "jsonld"),
    (e) => e instanceof ParseError && e.code === "parse_error" && e.line === 1,
  );
  engine.free();
});
