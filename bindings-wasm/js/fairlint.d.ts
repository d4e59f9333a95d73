// Types of the `fairlint` package; declared once, in the WebAssembly module's TypeScript
// custom section (bindings-wasm/src/types.rs).
export {
  Engine,
  version,
  profiles,
  FairlintError,
  ParseError,
  ShapesError,
  ConfigError,
  LimitError,
  ResolveError,
} from "./fairlint_wasm.js";
export type {
  Format,
  Severity,
  Principle,
  Location,
  Fix,
  Edit,
  AppliedFix,
  SkippedFix,
  FixResult,
  FixOptions,
  Finding,
  DocumentInfo,
  ProfileInfo,
  Scores,
  Report,
  Limits,
  Options,
  NamedText,
  ProfileDescription,
} from "./fairlint_wasm.js";
