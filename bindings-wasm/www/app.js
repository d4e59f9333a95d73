// The validator page: editor, bundled examples, file drop, and the report (scores, profile,
// findings grouped by FAIR principle with fix hints). Validation runs in worker.js.
import { locate } from "./locate.js";

const $ = (id) => document.getElementById(id);
const text = $("text");
const backdrop = $("backdrop");
const editor = $("editor");
const status = $("status");
const LETTERS = [
  ["F", "Findable"],
  ["A", "Accessible"],
  ["I", "Interoperable"],
  ["R", "Reusable"],
];
const SELECTED_BY = {
  explicit: "chosen on this page",
  conforms_to: "named by the record's dct:conformsTo",
  type: "chosen from the record's type",
  default: "the default: the record names no profile fairlint knows",
};
const SVG = "http://www.w3.org/2000/svg";

let worker;
let latest = 0;
let inputName = null;
let debounce = null;
let lastReport = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

// --- worker -------------------------------------------------------------------------------------

function startWorker(options) {
  worker?.terminate();
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) =>
    data.type === "ready" ? onReady(data) : data.type === "fixed" ? onFixed(data) : onResult(data);
  worker.onerror = (e) => {
    status.textContent = `The validator could not start: ${e.message ?? "worker error"}`;
  };
  worker.postMessage({ type: "init", options });
}

function onReady(data) {
  if (data.error) {
    showError(data.error);
    status.textContent = "The engine could not be built.";
    return;
  }
  $("version").textContent = data.version;
  $("timing").textContent = `engine built in ${data.buildMs.toFixed(1)} ms`;
  const select = $("profile");
  if (select.options.length === 1) {
    for (const p of data.profiles) select.append(el("option", { value: p.id, title: p.description }, `${p.id} ${p.version}`));
  }
  status.textContent = "Ready.";
  validateNow();
}

function validateNow() {
  clearTimeout(debounce);
  if (!worker) return;
  if (text.value.trim() === "") {
    latest++;
    render(null);
    status.textContent = "Paste a record, drop a file, or pick an example.";
    return;
  }
  latest++;
  status.textContent = "Checking…";
  worker.postMessage({ type: "validate", id: latest, text: text.value, format: $("format").value, name: inputName });
}

function onResult(data) {
  if (data.id !== latest) return; // a newer edit is on its way
  if (data.error) {
    render(null);
    showError(data.error);
    status.textContent = `Could not check the record (${data.ms.toFixed(2)} ms).`;
    return;
  }
  render(data.report);
  const d = data.report.document;
  status.textContent = `${fixNote ? fixNote + " · " : ""}Checked in ${data.ms.toFixed(2)} ms · ${d.format} · ${d.triples} triples${inputName ? ` · ${inputName}` : ""}`;
  fixNote = null;
}

// --- fixes --------------------------------------------------------------------------------------

const applyButton = $("apply-fixes");

/** The findings of `report` whose fix the page can apply. */
function safeFixes(report) {
  return (report?.findings ?? []).filter((f) => f.fix?.applicability === "safe" && (f.fix.edits ?? []).length > 0);
}

applyButton.addEventListener("click", () => {
  if (!worker || !lastReport) return;
  latest++;
  applyButton.disabled = true;
  status.textContent = "Applying safe fixes…";
  worker.postMessage({ type: "fix", id: latest, text: text.value, format: $("format").value, name: inputName });
});

function onFixed(data) {
  if (data.id !== latest) return;
  if (data.error) {
    showError(data.error);
    status.textContent = "Could not apply the fixes.";
    return;
  }
  const { result } = data;
  // Updates the editor (undo still works: the change goes through the editing commands when
  // the browser has them) and checks the fixed text again.
  if (result.text !== text.value) {
    text.focus();
    text.select();
    if (!document.execCommand?.("insertText", false, result.text) || text.value !== result.text) text.value = result.text;
  }
  const n = result.applied.length;
  validateNow();
  status.textContent = `Applied ${n} fix${n === 1 ? "" : "es"}; ${result.skipped.length} left · checking again…`;
  fixNote = `${n} fix${n === 1 ? "" : "es"} applied`;
}

let fixNote = null;

// --- rendering ----------------------------------------------------------------------------------

function gauge(letter, name, value, count) {
  const r = 38;
  const c = 2 * Math.PI * r;
  const box = el("div", { class: "score", "data-letter": letter, title: `${name}: ${value === null ? "not scored" : value}` });
  const s = svg("svg", { width: 96, height: 96, viewBox: "0 0 96 96", role: "img", "aria-label": `${name} ${value === null ? "not scored" : value + " of 100"}` });
  s.append(svg("circle", { class: `track${value === null ? " unscored" : ""}`, cx: 48, cy: 48, r }));
  if (value !== null) {
    const v = Math.max(0, Math.min(100, value));
    const color = v >= 75 ? "var(--ok)" : v >= 50 ? "var(--warning)" : "var(--error)";
    s.append(svg("circle", { class: "bar", cx: 48, cy: 48, r, stroke: color, "stroke-dasharray": `${(c * v) / 100} ${c}` }));
  }
  const t1 = svg("text", { class: "letter", x: 48, y: 50, "text-anchor": "middle" });
  t1.textContent = letter;
  const t2 = svg("text", { class: "value", x: 48, y: 67, "text-anchor": "middle" });
  t2.textContent = value === null ? "not scored" : `${Math.round(value)} / 100`;
  s.append(t1, t2);
  box.append(s, el("div", { class: "name" }, name));
  box.append(el("div", { class: "count" }, count === null ? "" : count === 0 ? "no findings" : `${count} finding${count === 1 ? "" : "s"}`));
  return box;
}

function where(location) {
  if (!location) return "";
  const parts = [];
  if (location.block !== undefined) parts.push(`block ${location.block}`);
  if (location.line !== undefined) parts.push(location.column !== undefined ? `${location.line}:${location.column}` : `line ${location.line}`);
  if (location.pointer !== undefined) parts.push(location.pointer === "" ? "JSON root" : location.pointer);
  return parts.join(" · ");
}

function render(report) {
  lastReport = report;
  const fixable = safeFixes(report).length;
  applyButton.disabled = fixable === 0;
  applyButton.textContent = fixable ? `Apply safe fixes (${fixable})` : "Apply safe fixes";
  $("error").hidden = true;
  clearHighlight();
  const scores = $("scores");
  const summary = $("summary");
  const findings = $("findings");
  scores.replaceChildren();
  summary.replaceChildren();
  findings.replaceChildren();
  const byLetter = {};
  for (const f of report?.findings ?? []) (byLetter[f.principle[0]] ??= []).push(f);
  for (const [letter, name] of LETTERS) {
    scores.append(gauge(letter, name, report ? report.scores[letter] : null, report ? (byLetter[letter]?.length ?? 0) : null));
  }
  if (!report) return;

  const c = report.counts;
  const p = report.profile;
  summary.append(
    el("div", {},
      report.conforms ? el("span", { class: "badge ok" }, "conforms") : null,
      c.error ? el("span", { class: "badge error" }, `${c.error} error${c.error === 1 ? "" : "s"}`) : null,
      c.warning ? el("span", { class: "badge warning" }, `${c.warning} warning${c.warning === 1 ? "" : "s"}`) : null,
      c.info ? el("span", { class: "badge info" }, `${c.info} info`) : null,
      report.truncated ? el("span", { class: "badge warning" }, "truncated") : null),
    el("div", { id: "profile-info" }, "Profile ", el("strong", {}, `${p.id} ${p.version}`), ` — ${SELECTED_BY[p.selected_by] ?? p.selected_by}`,
      p.level ? el("span", { id: "profile-level" }, ` · level met: `, el("strong", {}, p.level)) : null),
    report.scores.total === null
      ? el("div", { class: "note" }, `Scores: none of the indicators could be assessed (method “${report.scores.method}”).`)
      : el("div", { class: "note" }, `Total score ${Math.round(report.scores.total)} / 100 (method “${report.scores.method}”; ` +
          `${(report.indicators ?? []).filter((i) => i.status === "not_assessed").length} indicators need the network or the data and are not assessed).`),
    (report.top_fixes ?? []).length
      ? el("div", { id: "top-fixes" }, el("strong", {}, "Fix first"),
          el("ol", {}, ...report.top_fixes.map((f) => el("li", {}, f.message, el("span", { class: "muted" }, ` (${f.priority}, ${f.indicator})`)))))
      : null,
  );

  if (report.findings.length === 0) {
    findings.append(el("p", { class: "empty" }, "No findings: the record passes every check of this profile."));
    return;
  }
  for (const [letter, name] of LETTERS) {
    const list = byLetter[letter];
    if (!list) continue;
    findings.append(el("h2", {}, `${letter} — ${name}`));
    const byPrinciple = {};
    for (const f of list) (byPrinciple[f.principle] ??= []).push(f);
    for (const principle of Object.keys(byPrinciple).sort()) {
      findings.append(el("h3", {}, `Principle ${principle}`));
      for (const f of byPrinciple[principle]) findings.append(findingItem(f));
    }
  }
}

function findingItem(f) {
  const item = el("div", { class: `finding ${f.severity}`, tabIndex: 0, "data-code": f.code, role: "button" },
    el("div", { class: "head" },
      el("span", { class: "code" }, f.code),
      el("span", { class: "sev" }, f.severity),
      el("span", { class: "where" }, where(f.location))),
    el("div", { class: "msg" }, f.message),
    f.fix ? el("div", { class: "fix" }, f.fix.message,
      f.fix.edits?.length ? el("span", { class: `fixable ${f.fix.applicability}` }, f.fix.applicability === "safe" ? " · safe fix" : " · unsafe fix (changes meaning)") : null) : null,
    f.focus_node ? el("div", { class: "focus" }, `${f.focus_node}${f.path ? " " + f.path : ""}${f.value !== null ? " = " + f.value : ""}`) : null);
  const select = () => {
    document.querySelectorAll(".finding.selected").forEach((n) => n.classList.remove("selected"));
    item.classList.add("selected");
    highlight(locate(text.value, f.location));
  };
  item.addEventListener("click", select);
  item.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      select();
    }
  });
  return item;
}

function showError(error) {
  const box = $("error");
  box.hidden = false;
  box.replaceChildren(
    el("div", { class: "code" }, `${error.name}${error.code ? " · " + error.code : ""}${error.location ? " · " + where(error.location) : ""}`),
    el("div", {}, error.message));
  box.onclick = () => highlight(locate(text.value, error.location));
  if (error.location) highlight(locate(text.value, error.location), false);
}

// --- highlighting -------------------------------------------------------------------------------

function clearHighlight() {
  backdrop.replaceChildren();
}

function highlight(range, focus = true) {
  if (!range) {
    clearHighlight();
    return;
  }
  const value = text.value;
  const mark = el("mark", {}, value.slice(range.start, range.end));
  backdrop.replaceChildren(value.slice(0, range.start), mark, value.slice(range.end) + "\n");
  if (focus) {
    text.focus({ preventScroll: true });
    text.setSelectionRange(range.start, range.start);
  }
  text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 3);
  backdrop.scrollTop = text.scrollTop;
}

// --- inputs -------------------------------------------------------------------------------------

function setInput(value, name) {
  text.value = value;
  inputName = name;
  text.scrollTop = 0;
  validateNow();
}

text.addEventListener("input", (e) => {
  // A file's name tells its format only while its text is being edited: emptied or pasted
  // over, the format comes from the content again.
  if (text.value === "" || e.inputType === "insertFromPaste") inputName = null;
  clearHighlight();
  clearTimeout(debounce);
  debounce = setTimeout(validateNow, 250);
});
text.addEventListener("scroll", () => (backdrop.scrollTop = text.scrollTop));
$("format").addEventListener("change", validateNow);
$("profile").addEventListener("change", () => {
  const profile = $("profile").value;
  status.textContent = "Rebuilding the engine…";
  startWorker(profile ? { profile } : {});
});
$("example").addEventListener("change", async () => {
  const file = $("example").value;
  if (!file) return;
  const response = await fetch(`examples/${encodeURIComponent(file)}`);
  setInput(await response.text(), file);
});
$("file").addEventListener("change", async () => {
  const file = $("file").files[0];
  if (file) setInput(await file.text(), file.name);
});
for (const type of ["dragenter", "dragover"]) {
  editor.addEventListener(type, (e) => {
    e.preventDefault();
    editor.classList.add("dragging");
  });
}
editor.addEventListener("dragleave", () => editor.classList.remove("dragging"));
editor.addEventListener("drop", async (e) => {
  e.preventDefault();
  editor.classList.remove("dragging");
  const file = e.dataTransfer?.files?.[0];
  if (file) setInput(await file.text(), file.name);
  else {
    const dropped = e.dataTransfer?.getData("text/plain");
    if (dropped) setInput(dropped, null);
  }
});

async function loadExamples() {
  try {
    const list = await (await fetch("examples/index.json")).json();
    for (const ex of list) $("example").append(el("option", { value: ex.file }, ex.title));
  } catch {
    // The page works without examples.
  }
}

loadExamples();
render(null);
startWorker({});
// For tests and the curious: the last report shown, and the renderer (to show a report made
// elsewhere, e.g. with scores).
window.fairlintReport = () => lastReport;
window.fairlintRender = render;
