#!/usr/bin/env node
// Generates schemas/*.json (one JSON Schema per Istio kind) from the vendored Istio CRDs.
// Usage: node scripts/update-schemas.mjs [--check]   (--check fails when the committed files are stale)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const crdFile = path.join(root, 'vendor/istio/crd-all.gen.yaml');
const outDir = path.join(root, 'schemas');
const check = process.argv.includes('--check');

/** Kubernetes ObjectMeta, reduced to what people write by hand; other metadata keys stay allowed. */
const objectMeta = {
  type: 'object',
  description: 'Standard Kubernetes object metadata.',
  properties: {
    name: { type: 'string', description: 'Name of the resource, unique within its namespace and kind.' },
    namespace: { type: 'string', description: 'Namespace of the resource. When absent, the namespace given to `kubectl apply` (or the `default` namespace) is used.' },
    labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels: string keys and values used to organise and select objects.' },
    annotations: { type: 'object', additionalProperties: { type: 'string' }, description: 'Annotations: string keys and values for tools and Istio features, for example `galley.istio.io/analyze-suppress`.' },
    generateName: { type: 'string', description: 'Prefix the API server uses to generate a unique name when `name` is absent.' },
  },
};

/** Rewrites one CRD schema node into a draft-07 JSON Schema node that ajv can compile strictly. */
function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    } else if (key === 'additionalProperties' && typeof value === 'object') {
      out.additionalProperties = convert(value);
    } else {
      out[key] = convert(value);
    }
  }
  // Kubernetes allows null wherever `nullable: true`; JSON Schema says so with a type union.
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  // Structural schemas prune unknown fields; for an editor an unknown field is a mistake to report.
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function kindSchema(crd, version) {
  const openApi = version.schema.openAPIV3Schema;
  const { group, names } = crd.spec;
  const spec = convert(openApi.properties.spec);
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', ...(openApi.required ?? []).filter((r) => r === 'spec')],
    properties: {
      apiVersion: { type: 'string', description: `API version of this object: \`${group}/<version>\`.` },
      kind: { type: 'string', description: `Kind of this object: \`${names.kind}\`.` },
      metadata: objectMeta,
      spec,
      status: { type: 'object', description: 'Status written by the Istio control plane; not part of the configuration.', 'x-kubernetes-preserve-unknown-fields': true },
    },
    additionalProperties: false,
  };
}

function generate() {
  const text = fs.readFileSync(crdFile, 'utf8');
  const files = new Map();
  const index = [];
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS();
    const { group, names, versions } = crd.spec;
    const schemas = versions.map((v) => JSON.stringify(v.schema.openAPIV3Schema));
    // Istio serves one schema for every version of a kind; if that ever changes, fail loudly rather
    // than silently validating one version against another's schema.
    if (new Set(schemas).size !== 1) throw new Error(`${names.kind}: versions carry different schemas`);
    const file = `${names.kind.toLowerCase()}.json`;
    const served = versions.filter((v) => v.served);
    const entry = {
      group,
      kind: names.kind,
      plural: names.plural,
      shortNames: names.shortNames ?? [],
      versions: served.map((v) => ({ name: v.name, storage: v.storage === true, deprecated: v.deprecated === true })),
      file,
    };
    index.push(entry);
    files.set(file, { ...entry, schema: kindSchema(crd, served[0]) });
  }
  index.sort((a, b) => a.kind.localeCompare(b.kind));
  files.set('index.json', index);
  return files;
}

const files = generate();
let stale = [];
for (const [name, content] of files) {
  const target = path.join(outDir, name);
  const text = JSON.stringify(content, null, 1) + '\n';
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(name);
  else fs.writeFileSync(target, text);
}
if (check) {
  const extra = fs.readdirSync(outDir).filter((f) => f.endsWith('.json') && !files.has(f));
  stale = stale.concat(extra.map((f) => `${f} (no longer generated)`));
  if (stale.length) {
    console.error(`schemas/ is stale: ${stale.join(', ')}. Run \`npm run update:schemas\` and commit the result.`);
    process.exit(1);
  }
  console.log(`schemas/ is up to date (${files.size} files).`);
} else {
  console.log(`wrote ${files.size} files to schemas/`);
}
