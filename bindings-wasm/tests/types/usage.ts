// Type-checked (tsc --noEmit, never run) against the built package's declarations: every
// exported name and the report types are usable as documented.
import {
  Engine,
  FairlintError,
  ParseError,
  ShapesError,
  ConfigError,
  LimitError,
  ResolveError,
  profiles,
  version,
  type CheckedProfile,
  type Edit,
  type Finding,
  type FixOptions,
  type FixResult,
  type Location,
  type Options,
  type Report,
  type Severity,
} from "../../pkg/fairlint.js";

const options: Options = {
  profile: "core",
  shapes: ["@prefix sh: <http://www.w3.org/ns/shacl#> ."],
  ontologies: [{ name: "go.obo", text: "format-version: 1.2" }],
  include_values: false,
  severity: { R001: "error" },
  ignore: ["I004"],
  contexts: { "https://example.org/ctx": '{"@context": {"@vocab": "http://example.org/"}}' },
  limits: { max_triples: 1000 },
};
const engine = new Engine(options);
const report: Report = engine.validate("{}", "jsonld", "record.jsonld");
const bytes: Report = engine.validate(new Uint8Array([123, 125]));
const json: string = engine.validateJson("{}");
const crate: Report = engine.validate("{}", null, "ro-crate-metadata.json", null, ["data/a.csv", "data/"]);
const fixOptions: FixOptions = { unsafe: true, format: "jsonld", name: "r.jsonld" };
const fixed: FixResult = engine.fix('{"license": "GPL-3.0"}', fixOptions);
const edits: Edit[] = fixed.applied.flatMap((f) => f.edits);
const fixedText: string = fixed.text;
console.log(edits.map((e) => `${e.target}:${e.find}->${e.replace}`), fixedText, fixed.skipped.map((s) => s.reason), fixed.report.conforms);
const errors: Finding[] = report.findings.filter((f) => f.severity === ("error" satisfies Severity));
const where: (Location | null)[] = errors.map((f) => f.location);
const fixes: (string | undefined)[] = report.findings.map((f) => f.fix?.message);
const score: number | null = report.scores.F;
const selected: "explicit" | "conforms_to" | "type" | "default" = report.profile.selected_by;
const checked: (string | undefined)[] = (report.profiles ?? []).map((p: CheckedProfile) => p.node);
const ids: string[] = profiles().map((p) => p.id);
const v: string = version();
try {
  engine.validate("{");
} catch (e) {
  if (e instanceof ParseError) {
    const line: number | null = e.line;
    const column: number | null = e.column;
    const code: string = e.code;
    console.log(line, column, code, e.pointer, e.block, e.format);
  } else if (e instanceof LimitError) {
    console.log(e.limit, e.max);
  } else if (e instanceof ResolveError || e instanceof ConfigError || e instanceof ShapesError) {
    console.log(e.code);
  } else if (e instanceof FairlintError) {
    const err: Error = e;
    console.log(err.message);
  }
}
engine.free();
console.log(bytes, json, crate, where, fixes, score, selected, checked, ids, v);
