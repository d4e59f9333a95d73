// Error classes of the `fairlint` npm package: the only hand-written JavaScript of the binding.
// The WebAssembly module imports `makeError` (a wasm-bindgen local snippet) and throws what it
// returns; the package entry re-exports the classes, so `e instanceof ParseError` works.

/** Base class of every error fairlint throws. `code` is stable (`parse_error`, ...). */
export class FairlintError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = new.target.name;
    /** Stable machine-readable code. */
    this.code = details.code ?? "internal_error";
    /** Where in the input (`{line, column, pointer, block}`, any subset), or `null`. */
    this.location = details.location ?? null;
  }
  /** 1-based line, when known. */
  get line() { return this.location?.line ?? null; }
  /** 1-based column (characters), when known. */
  get column() { return this.location?.column ?? null; }
  /** JSON Pointer, when known. */
  get pointer() { return this.location?.pointer ?? null; }
  /** 0-based script block of an HTML page, when known. */
  get block() { return this.location?.block ?? null; }
}

/** The input is not well-formed in its format (`code` = `parse_error`). */
export class ParseError extends FairlintError {
  constructor(message, details = {}) {
    super(message, details);
    /** The format the input was parsed as. */
    this.format = details.format ?? null;
  }
}

/** A shapes graph given in the options could not be parsed or compiled (`shapes_error`). */
export class ShapesError extends FairlintError {
  constructor(message, details = {}) {
    super(message, details);
    /** Finer kind: `shapes_syntax`, `shapes_malformed_path`, ... */
    this.kind = details.kind ?? null;
    /** The shape at fault (N-Triples syntax), when known. */
    this.shape = details.shape ?? null;
  }
}

/** An option or argument is not acceptable (`config_error`). */
export class ConfigError extends FairlintError {
  constructor(message, details = {}) {
    super(message, details);
    /** The option at fault. */
    this.option = details.option ?? null;
  }
}

/** The input is larger than a configured limit (`limit_exceeded`). */
export class LimitError extends FairlintError {
  constructor(message, details = {}) {
    super(message, details);
    /** The option that sets the limit (`max_triples`, ...). */
    this.limit = details.limit ?? null;
    /** The configured maximum. */
    this.max = details.max ?? null;
  }
}

/** An external resource (a JSON-LD context) cannot be had offline (`resolve_error`). */
export class ResolveError extends FairlintError {
  constructor(message, details = {}) {
    super(message, details);
    /** The IRI that was asked for. */
    this.iri = details.iri ?? null;
  }
}

const CLASSES = { FairlintError, ParseError, ShapesError, ConfigError, LimitError, ResolveError };

/** Used by the WebAssembly module only. */
export function makeError(kind, message, details) {
  const Class = CLASSES[kind] ?? FairlintError;
  return new Class(message, details ?? {});
}
