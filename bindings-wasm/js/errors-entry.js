// Re-exports the error classes from the very module the WebAssembly glue imports (the
// wasm-bindgen local snippet), so `instanceof` works on what the engine throws.
export {
  FairlintError,
  ParseError,
  ShapesError,
  ConfigError,
  LimitError,
  ResolveError,
} from "__ERRORS__";
