#!/usr/bin/env node
// Writes server/src/core/kubernetes/annotations.json, the catalogue of Istio's annotations and labels,
// from the `istio.io/api` Go module (Apache-2.0): its `annotation/annotations.yaml` and
// `label/labels.yaml` are the sources that module generates `annotations.gen.go` and `labels.gen.go`
// from. The JSON is committed; neither the product nor its tests need Go.
//
// Usage (fetch the module with Go's module proxy first):
//   go mod download -json istio.io/api@<version>        # prints "Dir": the module directory
//   node scripts/gen-annotations.mjs <module directory> [--version <version>]
// The version defaults to the `@<version>` part of the directory name. When `annotations.gen.go` is
// present, every name its AllResourceAnnotations() lists must be in the YAML (a consistency check).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'server/src/core/kubernetes/annotations.json');

function fail(message) {
  console.error(`gen-annotations: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const versionAt = args.indexOf('--version');
const explicitVersion = versionAt >= 0 ? args[versionAt + 1] : undefined;
const moduleDir = args.find((a, i) => !a.startsWith('--') && (versionAt < 0 || i !== versionAt + 1));
if (!moduleDir) fail('usage: node scripts/gen-annotations.mjs <istio.io/api module directory> [--version <version>]');
const version = explicitVersion ?? /@(v[^/\\]+)$/.exec(path.resolve(moduleDir))?.[1];
if (!version) fail('cannot tell the module version from the directory name; pass --version');

const FEATURE_STATUSES = new Set(['Alpha', 'Beta', 'Stable']);

/** One catalogue entry, with only the facts the analyzers use. */
function entry(raw, file) {
  if (typeof raw?.name !== 'string' || !raw.name) fail(`${file}: an entry has no name`);
  const status = raw.featureStatus ?? 'Alpha';
  if (!FEATURE_STATUSES.has(status)) fail(`${file}: ${raw.name} has featureStatus ${status}`);
  const resources = Array.isArray(raw.resources) ? raw.resources.filter((r) => typeof r === 'string') : [];
  return { name: raw.name, featureStatus: status, deprecated: raw.deprecated === true, hidden: raw.hidden === true, resources };
}

function read(relative, key) {
  const file = path.join(moduleDir, relative);
  if (!fs.existsSync(file)) fail(`${file} not found`);
  const doc = parse(fs.readFileSync(file, 'utf8'));
  const list = doc?.[key];
  if (!Array.isArray(list) || !list.length) fail(`${relative}: no '${key}' list`);
  const entries = list.map((raw) => entry(raw, relative)).sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set();
  for (const e of entries) {
    if (names.has(e.name)) fail(`${relative}: ${e.name} is listed twice`);
    names.add(e.name);
  }
  return entries;
}

const annotations = read('annotation/annotations.yaml', 'annotations');
const labels = read('label/labels.yaml', 'labels');

// The Go file is what istioctl links; make sure the YAML we read says the same.
const genGo = path.join(moduleDir, 'annotation/annotations.gen.go');
if (fs.existsSync(genGo)) {
  const text = fs.readFileSync(genGo, 'utf8');
  const declared = new Map([...text.matchAll(/^\s*(\w+) = Instance \{\s*\n\s*Name:\s*"([^"]+)"/gm)].map((m) => [m[1], m[2]]));
  const all = /func AllResourceAnnotations\(\) \[\]\*Instance \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
  const listed = [...all.matchAll(/&(\w+)/g)].map((m) => declared.get(m[1]));
  const known = new Set(annotations.map((a) => a.name));
  const missing = listed.filter((n) => !n || !known.has(n));
  if (!listed.length || missing.length) fail(`annotations.gen.go and annotations.yaml disagree: ${missing.join(', ') || 'AllResourceAnnotations not found'}`);
}

const out = {
  source: {
    module: 'istio.io/api',
    version,
    files: ['annotation/annotations.yaml', 'label/labels.yaml'],
    license: 'Apache-2.0 (vendor/istio/LICENSE)',
  },
  annotations,
  labels,
};
fs.writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
console.log(`gen-annotations: ${annotations.length} annotations, ${labels.length} labels from istio.io/api@${version} → ${path.relative(root, OUT)}`);
