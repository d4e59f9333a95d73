// Package entry for browsers, Web Workers and bundlers: fetches the WebAssembly module next to
// this file (top-level await), so `Engine` is ready to use synchronously once imported.
import init, { Engine, version, profiles } from "./fairlint_wasm.js";

export { Engine, version, profiles };
export {
  FairlintError,
  ParseError,
  ShapesError,
  ConfigError,
  LimitError,
  ResolveError,
} from "./errors.js";

await init({ module_or_path: new URL("./fairlint_wasm_bg.wasm", import.meta.url) });
