// End-to-end test of the validator page (bindings-wasm/www, assets laid out by build.sh) in
// Debian's headless Chromium, driven by playwright-core (no browser download): paste a record,
// check the scores and a finding with its fix hint, click it and check the highlight, pick a
// bundled example, show a parse error, apply the safe fixes, assert that no request left 127.0.0.1, save a
// screenshot, and measure engine construction and per-record validation in Chromium.
//
//   node --test tests/e2e/validator.e2e.mjs   (CHROMIUM=/usr/bin/chromium, E2E_OUT=dir)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const WWW = join(HERE, "../../www");
const ROOT = join(HERE, "../../..");
const OUT = process.env.E2E_OUT ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "e2e");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const RECORD = readFileSync(join(ROOT, "test-vectors/cases/jsonld/undefined-prefix.jsonld"), "utf8");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
};

let server;
let origin;
let context;
let profileDir;
const offsite = [];

function serve(req, res) {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = normalize(join(WWW, path.endsWith("/") ? path + "index.html" : path));
  if (!file.startsWith(WWW + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "text/plain; charset=utf-8" });
  res.end(readFileSync(file));
}

before(async () => {
  server = createServer(serve);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  profileDir = mkdtempSync(join(tmpdir(), "fairlint-chromium-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Record (and refuse) every request that is not for this page's own server.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  context.on("request", (r) => {
    const url = r.url();
    if (!(url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:"))) offsite.push(url);
  });
});

after(async () => {
  await context?.close();
  server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

test("validator page in headless Chromium", async (t) => {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Paste a record"), null, { timeout: 30000 });

  await t.test("scores area shows four F/A/I/R gauges before any input", async () => {
    assert.equal(await page.locator("#scores .score").count(), 4);
  });

  await t.test("pasting a record shows scores, profile and findings with fix hints", async () => {
    await page.locator("#text").focus();
    await page.keyboard.insertText(RECORD); // what a paste does to a textarea
    const i003 = page.locator('.finding[data-code="I003"]');
    await i003.waitFor({ timeout: 15000 });
    assert.match(await i003.locator(".fix").innerText(), /Declare the prefix/);
    assert.match(await i003.locator(".where").innerText(), /\/bsc:input/);
    assert.equal(await page.locator('.finding[data-code="I005"]').count(), 1);
    const letters = await page.locator("#scores .score").evaluateAll((n) => n.map((x) => x.dataset.letter));
    assert.deepStrictEqual(letters, ["F", "A", "I", "R"]);
    // The record claims Bioschemas ComputationalTool 1.0 (dct:conformsTo) and misses minimum
    // properties: scored, profile from dct:conformsTo, level "none", fixes listed first.
    assert.match(await page.locator('#scores .score[data-letter="I"]').innerText(), /33 \/ 100/);
    assert.match(await page.locator('#scores .score[data-letter="I"]').innerText(), /2 findings/);
    assert.match(await page.locator("#profile-info").innerText(), /bioschemas-computationaltool-1\.0 .* — .*level met: none/);
    assert.equal(await page.locator("#top-fixes li").count(), 3);
    // The ComputationalTool profile adds Findable findings, so F comes first.
    assert.match(await page.locator(".findings h2").first().innerText(), /F — Findable/);
    assert.equal(await page.locator(".findings h2", { hasText: "I — Interoperable" }).count(), 1);
  });

  await t.test("clicking a finding highlights the place in the input", async () => {
    await page.locator('.finding[data-code="I003"]').click();
    const mark = await page.locator("#backdrop mark").innerText();
    assert.ok(mark.startsWith('"bsc:input"'), mark);
    assert.ok(mark.endsWith('"http://edamontology.org/data_2044"}'), mark);
    await page.locator('.finding[data-code="I005"]').click();
    assert.ok((await page.locator("#backdrop mark").innerText()).startsWith('"author": {'));
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, "validator.png"), fullPage: true });
  });

  await t.test("the score gauges show numeric scores 0–100", async () => {
    await page.evaluate(() => {
      const report = structuredClone(window.fairlintReport());
      Object.assign(report.scores, { method: "test", F: 82, A: 45, I: 100, R: 0, total: 57 });
      window.fairlintRender(report);
    });
    assert.match(await page.locator('#scores .score[data-letter="F"]').innerText(), /82 \/ 100/);
    assert.match(await page.locator('#scores .score[data-letter="R"]').innerText(), /0 \/ 100/);
    assert.equal(await page.locator("#scores .score .bar").count(), 4);
    assert.match(await page.locator("#summary").innerText(), /Total score 57 \/ 100/);
    await page.screenshot({ path: join(OUT, "validator-scored.png") });
  });

  await t.test("a bundled example shows R001 with its fix hint", async () => {
    await page.selectOption("#example", "no-conforms-to.jsonld");
    const r001 = page.locator('.finding[data-code="R001"]');
    await r001.waitFor({ timeout: 15000 });
    assert.ok((await r001.locator(".fix").innerText()).length > 10);
  });

  await t.test("a DataCite XML example is read as DataCite, with fixes for what it cannot hold", async () => {
    await page.selectOption("#example", "complete.datacite.xml");
    await page.waitForFunction(() => / datacite · 46 triples · complete\.datacite\.xml/.test(document.getElementById("status").textContent), null, { timeout: 15000 });
    const a110 = page.locator('.finding[data-code="A110"]');
    await a110.waitFor({ timeout: 15000 });
    assert.match(await a110.locator(".fix").innerText(), /DataCite metadata has no field for schema:distribution/);
    assert.equal(await page.locator('.finding[data-code="R001"]').count(), 0);
  });

  await t.test("dropping a file checks it, its format told by its name", async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      const ttl = "@prefix schema: <http://schema.org/> .\n<https://example.org/ds/9> schema:name \"untyped\" .\n";
      dt.items.add(new File([ttl], "dropped.ttl", { type: "text/turtle" }));
      document.getElementById("editor").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => / turtle · 1 triples · dropped\.ttl/.test(document.getElementById("status").textContent), null, { timeout: 15000 });
    assert.match(await page.locator("#text").inputValue(), /schema:name "untyped"/);
    assert.ok((await page.locator(".finding").count()) >= 1);
  });

  await t.test("a parse error is shown with its location highlighted", async () => {
    await page.locator("#text").fill(""); // forgets the dropped file's name (and format)
    await page.locator("#text").fill('{\n  "@id": "https://example.org/x",\n  "name": ,\n}');
    await page.locator("#error").waitFor({ state: "visible", timeout: 15000 });
    assert.match(await page.locator("#error").innerText(), /ParseError · parse_error · 3:/);
    assert.ok((await page.locator("#backdrop mark").count()) === 1);
  });

  await t.test("Apply safe fixes rewrites the editor's text, keeping its formatting, and checks again", async () => {
    // (A textarea's value has LF line ends whatever is pasted: CRLF is pinned in the Rust,
    // Python and Node tests.)
    const record = '{\n\t"@context": "https://schema.org/",\n\t"@type": "Dataset",\n\t"name": "Café data",\n' +
      '\t"license":   "GPL-3.0",\n\t"about": {"@id": "http://edamontology.org/topic_0091", "name": "Bioinformatcs"}\n}\n';
    await page.locator("#text").fill("");
    await page.locator("#text").fill(record);
    await page.locator('.finding[data-code="R010"]').waitFor({ timeout: 15000 });
    assert.match(await page.locator('.finding[data-code="R010"] .fix').innerText(), /safe fix/);
    const button = page.locator("#apply-fixes");
    assert.equal(await button.isEnabled(), true);
    assert.match(await button.innerText(), /Apply safe fixes \(2\)/);
    await button.click();
    await page.waitForFunction(() => /fixes applied · Checked in/.test(document.getElementById("status").textContent), null, { timeout: 15000 });
    assert.equal(
      await page.locator("#text").inputValue(),
      record.replace('"GPL-3.0"', '"https://spdx.org/licenses/GPL-3.0-only"').replace('"Bioinformatcs"', '"Bioinformatics"'),
    );
    assert.match(await page.locator("#status").innerText(), /^3 fixes applied/);
    assert.equal(await page.locator('.finding[data-code="R010"]').count(), 0);
    assert.equal(await page.locator('.finding[data-code="R013"]').count(), 0);
    assert.equal(await page.locator('.finding[data-code="I104"]').count(), 0);
    assert.equal(await button.isEnabled(), false);
  });

  await t.test("engine construction and per-record validation time in Chromium", async () => {
    // performance.now() is coarse (0.1 ms) on a page that is not cross-origin isolated, so
    // times are taken over batches of runs and divided.
    const m = await page.evaluate(async (record) => {
      const t0 = performance.now();
      const fairlint = await import("./vendor/fairlint/index.js");
      const load = performance.now() - t0;
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const batches = (n, size, fn) => {
        const out = [];
        for (let b = 0; b < n; b++) {
          const s = performance.now();
          for (let i = 0; i < size; i++) fn();
          out.push((performance.now() - s) / size);
        }
        return out;
      };
      const s0 = performance.now();
      new fairlint.Engine({ profile: "core" }).free();
      const firstBuild = performance.now() - s0;
      const builds = batches(10, 20, () => new fairlint.Engine({ profile: "core" }).free());
      const example = await (await fetch("./examples/dataset.jsonld")).text();
      const per = {};
      for (const [name, text] of [["undefined-prefix.jsonld", record], ["dataset.jsonld", example]]) {
        const engine = new fairlint.Engine();
        const s = performance.now();
        engine.validate(text);
        const first = performance.now() - s;
        const runs = batches(10, 50, () => engine.validate(text));
        per[name] = { bytes: new TextEncoder().encode(text).length, first, median: median(runs), mean: runs.reduce((a, b) => a + b) / runs.length };
        engine.free();
      }
      return { load, firstBuild, medianBuild: median(builds), per };
    }, RECORD);
    const f = (x) => `${x.toFixed(3)} ms`;
    const lines = [
      `module fetch+compile+instantiate ${f(m.load)}`,
      `engine construction (profile core): first ${f(m.firstBuild)}, then median ${f(m.medianBuild)} (10 batches of 20)`,
      ...Object.entries(m.per).map(
        ([name, r]) => `validate ${name} (${r.bytes} B): median ${f(r.median)}, mean ${f(r.mean)} (10 batches of 50); first call on a new engine ${f(r.first)}`,
      ),
    ];
    for (const line of lines) console.log(`[e2e] Chromium: ${line}`);
    assert.ok(m.firstBuild < 150 && m.medianBuild < 150, "DESIGN budget: engine construction ≤ 150 ms in Chromium");
    for (const r of Object.values(m.per)) assert.ok(r.median < 5, "DESIGN budget: ≤ 5 ms per record in Chromium");
  });

  await t.test("no request left 127.0.0.1, no page errors", () => {
    assert.deepStrictEqual(offsite, []);
    assert.deepStrictEqual(problems, []);
  });
});
