//! The TypeScript types of the package: one custom section for everything exported (the
//! generated declarations are skipped, so this is the single source of the `.d.ts`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Input formats. */
export type Format = "jsonld" | "turtle" | "trig" | "ntriples" | "nquads" | "rdfxml" | "html" | "biotools" | "datacite";
/** Severity of a finding. */
export type Severity = "error" | "warning" | "info";
/** Where something is in the input: line/column (1-based) for text, a JSON Pointer for JSON,
 * and the script block index for HTML pages. Any subset of the keys. */
export interface Location {
  line?: number;
  column?: number;
  pointer?: string;
  block?: number;
}

/** What to do about a finding. */
export interface Fix {
  message: string;
  applicability: "safe" | "unsafe" | "display_only";
  /** The machine-applicable edits (absent for display-only advice); `engine.fix` applies them. */
  edits?: Edit[];
}

/** One machine-applicable edit: `find` replaced by `replace` in the JSON string (or key) at the
 * finding's location; with `within`, where `find` stands as a token inside the string. */
export interface Edit {
  target: "value" | "key";
  find: string;
  replace: string;
  within?: boolean;
}

/** What `engine.fix` applied or left. */
export interface AppliedFix {
  code: string;
  applicability: "safe" | "unsafe";
  message: string;
  location?: Location;
  edits: Edit[];
}
export interface SkippedFix {
  code: string;
  applicability: "safe" | "unsafe";
  message: string;
  location?: Location;
  /** Why it was not applied. */
  reason: string;
}
/** What `engine.fix` returns: the fixed text (every byte no fix touched kept), the fixes
 * applied, the fixable findings left and the report on the fixed text. */
export interface FixResult {
  text: string;
  applied: AppliedFix[];
  skipped: SkippedFix[];
  report: Report;
}
/** Options of `engine.fix`; every key optional. */
export interface FixOptions {
  /** Apply unsafe fixes too (they change meaning). Default false. */
  unsafe?: boolean;
  format?: Format | string | null;
  name?: string | null;
  baseIri?: string | null;
}

/** One problem (or notable fact) in a record. */
export interface Finding {
  /** Stable code such as `R001`; never reused. */
  code: string;
  severity: Severity;
  principle: Principle;
  /** The resource it is about (N-Triples syntax). */
  focus_node: string | null;
  /** SHACL property path (SPARQL syntax), or a JSON Pointer. */
  path: string | null;
  /** Offending value (N-Triples syntax); masked when `include_values` is false. */
  value: string | null;
  /** Data the message was rendered from; use this, never the message text. */
  context: Record<string, unknown>;
  message: string;
  /** Documentation page of the code. */
  url: string;
  fix: Fix | null;
  source: { rule?: string; shape?: string; component?: string };
  location: Location | null;
}

/** Facts about the parsed document. */
export interface DocumentInfo {
  format: Format;
  triples: number;
  named_graphs: number;
  schema_org: "http" | "https" | "mixed" | null;
  contexts: string[];
  script_blocks?: number;
  /** bio.tools and DataCite records: the schema the record was validated against. */
  schema?: string;
  /** The graph fingerprint of the CLI and Python reports (`sha256:` and the SHA-256 of the
   * RDFC-1.0 canonical N-Quads). Never set by this package: not built in, it would exceed the
   * package's size budget (docs/architecture.md, "Graph fingerprint and sophia"). */
  fingerprint?: string;
  /** Why a CLI or Python report has no fingerprint. Never set by this package. */
  fingerprint_error?: {
    reason: "too_many_triples" | "too_complex" | "unsupported";
    message: string;
  };
}

/** The profile a record was checked against, and how it was chosen. */
export interface ProfileInfo {
  id: string;
  version: string;
  selected_by: "explicit" | "conforms_to" | "type" | "default";
  /** For a Bioschemas profile: the highest marginality level the record fully meets. */
  level?: "none" | "minimum" | "recommended" | "optional";
}

/** One of several profiles a record was checked against (`Report.profiles`). */
export interface CheckedProfile {
  id: string;
  version: string;
  /** The node (N-Triples form, as a finding's `focus_node`) that claims the profile or has its type. */
  node?: string;
  selected_by: "explicit" | "conforms_to" | "type" | "default";
  /** The highest marginality level the record fully meets for this profile. */
  level?: "none" | "minimum" | "recommended" | "optional";
}

/** A FAIR principle. */
export type Principle =
  | "F1" | "F2" | "F3" | "F4" | "A1" | "A1.1" | "A1.2" | "A2"
  | "I1" | "I2" | "I3" | "R1" | "R1.1" | "R1.2" | "R1.3";

/** Priority of an RDA FAIR Data Maturity Model indicator (its weight in the scores). */
export type Priority = "essential" | "important" | "useful";

/** One of the (at most three) most valuable fixes. */
export interface TopFix {
  indicator: string;
  principle: Principle;
  priority: Priority;
  message: string;
  codes?: string[];
}

/** An RDA indicator's outcome for the record. */
export interface IndicatorResult {
  id: string;
  principle: Principle;
  priority: Priority;
  status: "pass" | "fail" | "indeterminate" | "not_assessed" | "not_applicable";
  fuji: string[];
  failed_by?: string[];
  reason?: string;
}

/** F/A/I/R and total scores, 0–100 (one decimal), `null` when nothing of a letter could be assessed. */
export interface Scores {
  method: string;
  F: number | null;
  A: number | null;
  I: number | null;
  R: number | null;
  total: number | null;
}

/** The report: exactly the JSON report of the CLI (`test-vectors/report.schema.json`). */
export interface Report {
  schema_version: string;
  fairlint_version: string;
  input?: string;
  document: DocumentInfo;
  profile: ProfileInfo;
  /** Only when more than one profile applies (typed nodes of different Bioschemas families):
   * each of them, `profile` first; every profile's findings are in `findings`. */
  profiles?: CheckedProfile[];
  /** SHACL sense: no findings at all. */
  conforms: boolean;
  counts: { error: number; warning: number; info: number };
  scores: Scores;
  /** The most valuable fixes, highest-priority failed indicators first. */
  top_fixes: TopFix[];
  findings: Finding[];
  /** Every indicator of the catalogue with its outcome. */
  indicators: IndicatorResult[];
  truncated: boolean;
  resources: { name: string; version: string; source: string }[];
}

/** Limits on one input (docs/limits.md). */
export interface Limits {
  max_input_bytes?: number;
  /** 1 to 256. */
  max_json_depth?: number;
  max_triples?: number;
  max_findings?: number;
  /** Evaluation steps shared by the SHACL-SPARQL constraints of one validation. */
  max_sparql_steps?: number;
  /** Most triples whose graph fingerprint a report gives; accepted for the same options as the
   * CLI and Python, but this package computes no fingerprint. */
  max_fingerprint_triples?: number;
}

/** A named text, e.g. a file's name and contents. */
export interface NamedText {
  name: string;
  text: string;
}

/** Engine options: the CLI's `--config` keys plus `shapes`. */
export interface Options {
  /** Profile id; omitted, the record's `dct:conformsTo` or the default chooses. */
  profile?: string | null;
  /** Extra SHACL shapes graphs, as Turtle text (named `shapes[0]`, ...) or `{name, text}`. */
  shapes?: (string | NamedText)[];
  /** Ontologies (OWL in an RDF format, or OBO) whose terms records are checked against (I110,
   * I111); the `name`'s extension tells the format, else the content. */
  ontologies?: (string | NamedText)[];
  /** Whether findings show offending values (default true). */
  include_values?: boolean;
  /** Base IRI for relative IRIs in every input, overriding `validate`'s `baseIri`; default
   * `file:///`. Shapes and ontologies resolve against `file:///`. */
  base_iri?: string | null;
  /** Severity per code, e.g. `{ R001: "error" }`. */
  severity?: Record<string, Severity>;
  /** Codes not to report. */
  ignore?: string[];
  limits?: Limits;
  /** JSON-LD context documents (as JSON text) by IRI, for contexts fairlint does not bundle
   * (it never fetches one); a context given here wins over a bundled one for the same IRI. */
  contexts?: Record<string, string>;
}

/** A bundled profile. */
export interface ProfileDescription {
  id: string;
  version: string;
  description: string;
  conforms_to: string[];
}

/** Checks metadata records: build once (may throw `ConfigError` / `ShapesError`), validate many. */
export class Engine {
  constructor(options?: Options);
  /** Validates a record. Throws `ParseError`, `LimitError` or `ResolveError` when it cannot be
   * checked; poor metadata gives findings, never an exception. Without `format`, the format
   * comes from `name`'s extension, then from the content. `baseIri` is the base of the
   * record's relative IRIs (default `file:///`; the `base_iri` option overrides it); a base
   * that is not an absolute IRI throws `ParseError`. `payload` lists an RO-Crate's files
   * and directories, relative to the directory of `ro-crate-metadata.json` (`"data/a.csv"`,
   * `"data/"`): every local data entity must be among them (A130); without it, no such check. */
  validate(input: string | Uint8Array | ArrayBuffer, format?: Format | string | null, name?: string | null, baseIri?: string | null, payload?: string[] | null): Report;
  /** Like `validate`, returning the JSON text (identical to `fairlint check --format json`). */
  validateJson(input: string | Uint8Array | ArrayBuffer, format?: Format | string | null, name?: string | null, baseIri?: string | null, payload?: string[] | null): string;
  /** Applies the machine-applicable fixes (safe ones; unsafe ones too with `unsafe: true`) to
   * the JSON text of a JSON-LD, bio.tools or DataCite JSON record and checks the result.
   * Throws as `validate` when the record cannot be checked. */
  fix(input: string | Uint8Array | ArrayBuffer, options?: FixOptions | null): FixResult;
  /** Frees the WebAssembly memory of the engine now rather than at garbage collection. */
  free(): void;
  [Symbol.dispose](): void;
}

/** The fairlint version. */
export function version(): string;
/** The bundled profiles, the default first. */
export function profiles(): ProfileDescription[];

/** Base class of every error fairlint throws. */
export class FairlintError extends Error {
  /** Stable code: `parse_error`, `limit_exceeded`, `resolve_error`, `config_error`, `shapes_error`. */
  readonly code: string;
  readonly location: Location | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly pointer: string | null;
  readonly block: number | null;
}
/** The input is not well-formed in its format. */
export class ParseError extends FairlintError { readonly format: Format | null; }
/** A shapes graph could not be parsed or compiled. */
export class ShapesError extends FairlintError { readonly kind: string | null; readonly shape: string | null; }
/** An option or argument is not acceptable. */
export class ConfigError extends FairlintError { readonly option: string | null; }
/** The input is larger than a configured limit. */
export class LimitError extends FairlintError { readonly limit: string | null; readonly max: number | null; }
/** An external resource cannot be had offline. */
export class ResolveError extends FairlintError { readonly iri: string | null; }
"#;
