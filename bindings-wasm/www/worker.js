// Runs the fairlint engine off the main thread. Messages in: {type: "init", options} and
// {type: "validate", id, text, format, name}, {type: "fix", id, text, format, name}; out:
// {type: "ready", ...}, {type: "result", id, ...}, {type: "fixed", id, result | error}.
// The package is imported dynamically so that `onmessage` is in place at once: messages sent
// while a module worker is still in a top-level await (the package's wasm load) can be lost.
const fairlint = import("./vendor/fairlint/index.js");
let engine = null;

function errorData(e) {
  return {
    name: e?.name ?? "Error",
    code: e?.code ?? null,
    message: String(e?.message ?? e),
    location: e?.location ?? null,
  };
}

function init({ Engine, profiles, version }, options) {
  engine?.free();
  engine = null;
  const t0 = performance.now();
  try {
    engine = new Engine(options);
    postMessage({ type: "ready", version: version(), profiles: profiles(), buildMs: performance.now() - t0 });
  } catch (e) {
    postMessage({ type: "ready", error: errorData(e) });
  }
}

onmessage = async ({ data }) => {
  let lib;
  try {
    lib = await fairlint;
  } catch (e) {
    return postMessage({ type: "ready", error: errorData(e) });
  }
  if (data.type === "init") init(lib, data.options ?? {});
  else if (data.type === "fix") {
    if (!engine) return postMessage({ type: "fixed", id: data.id, error: { name: "Error", message: "no engine" } });
    try {
      const result = engine.fix(data.text, { format: data.format || null, name: data.name || null });
      postMessage({ type: "fixed", id: data.id, result });
    } catch (e) {
      postMessage({ type: "fixed", id: data.id, error: errorData(e) });
    }
  }
  else if (data.type === "validate") {
    if (!engine) return postMessage({ type: "result", id: data.id, error: { name: "Error", message: "no engine" } });
    const t0 = performance.now();
    try {
      const report = engine.validate(data.text, data.format || null, data.name || null);
      postMessage({ type: "result", id: data.id, report, ms: performance.now() - t0 });
    } catch (e) {
      postMessage({ type: "result", id: data.id, error: errorData(e), ms: performance.now() - t0 });
    }
  }
};
