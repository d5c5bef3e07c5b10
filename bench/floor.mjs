// The parse floor: in a fresh Node process, read every YAML file of a folder and parse it with the
// `yaml` package alone (parseAllDocuments, the package's default options). No analysis can be
// cheaper than reading and parsing the bytes it analyses, so every time is also reported as a
// ratio to this. Timed inside the process: Node's start-up and the loading of `yaml` are excluded.
//
// Usage: node bench/floor.mjs DIR   → prints {"files", "bytes", "documents", "readMs", "parseMs", "totalMs"}
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The YAML files the server would index: hidden folders and node_modules are skipped, as it does. */
function yamlFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(file, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(file);
  }
  return out;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/floor.mjs DIR');
  process.exit(2);
}
const started = performance.now();
const texts = yamlFiles(dir).map((file) => fs.readFileSync(file, 'utf8'));
const read = performance.now();
let documents = 0;
let errors = 0;
for (const text of texts) {
  for (const doc of parseAllDocuments(text)) {
    documents++;
    errors += doc.errors.length;
  }
}
const parsed = performance.now();
console.log(
  JSON.stringify({
    files: texts.length,
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    documents,
    errors,
    readMs: read - started,
    parseMs: parsed - read,
    totalMs: parsed - started,
  }),
);
