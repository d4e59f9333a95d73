// Copies the bundled examples of the validator page (from examples/ and the shared test vectors)
// into www/examples/ and writes www/examples/index.json. Run by build.sh.
//   node make-examples.mjs <repo root> <out dir>
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const [root, out] = process.argv.slice(2);
const EXAMPLES = [
  ["examples/dataset.jsonld", "Dataset (schema.org JSON-LD)"],
  ["examples/tool.jsonld", "Software tool (schema.org JSON-LD)"],
  ["test-vectors/cases/jsonld/no-conforms-to.jsonld", "No dct:conformsTo (R001)"],
  ["test-vectors/cases/jsonld/undefined-prefix.jsonld", "Undefined prefix, dropped key (I003, I005)"],
  ["test-vectors/cases/jsonld/rocrate-1.1.json", "RO-Crate 1.1 metadata"],
  ["test-vectors/cases/biotools/complete.biotools.json", "bio.tools record (SeqKit)"],
  ["test-vectors/cases/datacite/complete.datacite.xml", "DataCite XML (kernel-4)"],
  ["test-vectors/cases/turtle/untyped.ttl", "Untyped resource (Turtle)"],
  ["test-vectors/cases/html/landing-page.html", "HTML landing page, two JSON-LD blocks"],
  ["test-vectors/cases/errors/bad.ttl", "Turtle syntax error"],
];
mkdirSync(out, { recursive: true });
const index = EXAMPLES.map(([path, title]) => {
  const file = basename(path);
  copyFileSync(join(root, path), join(out, file));
  return { file, title, from: path };
});
writeFileSync(join(out, "index.json"), JSON.stringify(index, null, 2) + "\n");
