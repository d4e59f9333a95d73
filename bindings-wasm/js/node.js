// Package entry for Node.js: reads the WebAssembly module from disk and instantiates it
// synchronously, so `Engine` is ready to use once imported.
import { readFileSync } from "node:fs";
import { initSync, Engine, version, profiles } from "./fairlint_wasm.js";

export { Engine, version, profiles };
export {
  FairlintError,
  ParseError,
  ShapesError,
  ConfigError,
  LimitError,
  ResolveError,
} from "./errors.js";

initSync({ module: readFileSync(new URL("./fairlint_wasm_bg.wasm", import.meta.url)) });
