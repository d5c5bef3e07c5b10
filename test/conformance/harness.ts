// Runs one istioctl analyzer test case (istioctl-analyze/cases.json) through our analyzers, reproducing
// the upstream harness (istioctl-analyze/README.md, "Harness rules a runner must reproduce"):
// default namespace '', only the mapped analyzers, the mesh config as the `istio` ConfigMap, objects in
// Kubernetes' own namespaces dropped, the default ingress Pod and Service added, a fixed clock; then the
// multiset of (code, resource) is compared, after de-duplicating identical messages on a resource.
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { ALL_ANALYZERS, Workspace } from '../../server/src/core/analysis';
import { type CoreSettings, DEFAULT_SETTINGS, type Diagnostic } from '../../server/src/core/types';

export const CASES_DIR = path.resolve(__dirname, 'istioctl-analyze');

/** "Now" for certificate expiry: after the expired test certificate (2023) and before the valid one (2122). */
export const NOW = Date.UTC(2026, 10, 21);

export interface Expected {
  readonly code: string;
  readonly message: string;
  readonly level: string;
  readonly resource: string;
}

export interface ConformanceCase {
  readonly index: number;
  readonly name: string;
  readonly inputFiles: readonly string[];
  readonly meshConfigFile: string | null;
  readonly meshNetworksFile: string | null;
  readonly analyzer: string;
  readonly expected: readonly Expected[];
}

export interface CaseResult {
  readonly testCase: ConformanceCase;
  /** Our analyzers run for the case (empty: nothing corresponds to the istioctl analyzer yet). */
  readonly analyzers: readonly string[];
  /** `CODE Kind ns/name`, sorted. */
  readonly expected: readonly string[];
  readonly actual: readonly string[];
  readonly pass: boolean;
}

export function loadCases(): ConformanceCase[] {
  return JSON.parse(fs.readFileSync(path.join(CASES_DIR, 'cases.json'), 'utf8')) as ConformanceCase[];
}

function readInput(file: string): string {
  return fs.readFileSync(path.join(CASES_DIR, 'testdata', file), 'utf8');
}

/** istioctl's file source drops objects of these namespaces (`inject.IgnoredNamespaces`). */
const IGNORED_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

function ignored(value: unknown): boolean {
  const metadata = (value as { metadata?: { namespace?: unknown } } | null)?.metadata;
  return typeof metadata?.namespace === 'string' && IGNORED_NAMESPACES.has(metadata.namespace);
}

/**
 * The file without the documents (or `kind: List` items) in ignored namespaces. Kept documents keep
 * their text; a List that loses items is written anew (line numbers do not matter to the comparison).
 */
export function dropIgnoredNamespaces(text: string): string {
  const parts = text.split(/^---(?=[ \t\r\n]|$)/m);
  return parts
    .map((part) => {
      const docs = parseAllDocuments(part);
      if (!Array.isArray(docs) || docs.length !== 1) return part;
      const value: unknown = docs[0].toJS();
      if (ignored(value)) return '\n';
      const list = value as { kind?: unknown; items?: unknown };
      if (list?.kind === 'List' && Array.isArray(list.items) && list.items.some(ignored)) {
        return `\n${stringify({ ...list, items: list.items.filter((item) => !ignored(item)) })}`;
      }
      return part;
    })
    .join('---');
}

function indent(text: string): string[] {
  return text.replace(/\n+$/, '').split('\n').map((l) => (l ? `    ${l}` : ''));
}

interface MeshFile {
  readonly text: string;
  /** 0-based lines [first, end) of the `data.meshNetworks` block. */
  readonly networksLines?: readonly [number, number];
}

/** The mesh config and networks files wrapped into the ConfigMap `istio-system/istio` the core reads. */
function meshConfigMap(mesh: string | undefined, networks: string | undefined): MeshFile {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: istio', '  namespace: istio-system', 'data:'];
  if (mesh !== undefined) lines.push('  mesh: |', ...indent(mesh));
  let networksLines: [number, number] | undefined;
  if (networks !== undefined) {
    const first = lines.length;
    lines.push('  meshNetworks: |', ...indent(networks));
    networksLines = [first, lines.length];
  }
  return { text: `${lines.join('\n')}\n`, networksLines };
}

/** The fake ingress gateway istioctl adds unless the mesh's ingressControllerMode is OFF. */
function ingressDefaults(ingressService: string): string {
  const ports = [
    [80, 'http2'],
    [443, 'https'],
    [31400, 'tcp'],
    [15443, 'tls'],
  ] as const;
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${ingressService}-dummypod
  namespace: istio-system
  labels:
    istio: ingressgateway
spec:
  containers:
  - name: istio-proxy
    image: proxyv2
---
apiVersion: v1
kind: Service
metadata:
  name: ${ingressService}
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  ports:
${ports.map(([port, name]) => `  - {name: ${name}, port: ${port}, targetPort: ${port}, protocol: TCP}`).join('\n')}
`;
}

/**
 * istioctl's harness runs every analyzer as if Istio were installed; our core gives Kubernetes objects
 * diagnostics only in workspaces holding Istio configuration. This installation record stands for that
 * premise (no analyzer reads it, and the mapped analyzers never report on its kind).
 */
const INSTALLATION = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: installed
  namespace: istio-system
`;

const HARNESS_MESH = 'file:///conformance/harness/mesh-configmap.yaml';

/** `CODE Kind ns/name`: what the comparison keeps of a diagnostic. */
function entryOf(d: Diagnostic, uri: string, mesh: MeshFile | undefined): string {
  let resource = d.resource ?? '<no resource>';
  // istioctl exposes the mesh config and networks as resources of their own; we hold both in the ConfigMap.
  if (uri === HARNESS_MESH && mesh) {
    const line = d.range.start.line;
    const inNetworks = mesh.networksLines && line >= mesh.networksLines[0] && line < mesh.networksLines[1];
    resource = inNetworks ? 'MeshNetworks istio-system/meshnetworks' : 'MeshConfig istio-system/meshconfig';
  }
  return `${d.istioCode ?? d.code} ${resource}`;
}

export function runCase(testCase: ConformanceCase, analyzers: readonly string[]): CaseResult {
  const expected = testCase.expected.map((e) => `${e.code} ${e.resource}`).sort();
  const workspace = new Workspace({ now: () => NOW });
  const enabled = new Set(analyzers);
  // istioctl reports a reference that resolves to nothing even when the workspace holds no object of the
  // target kind, which our information level mirrors (codes and resources are compared, not severities).
  const settings: CoreSettings = { ...DEFAULT_SETTINGS, defaultNamespace: '', unresolvedInIncompleteWorkspace: 'information', disabled: ALL_ANALYZERS.filter((a) => !enabled.has(a.name)).map((a) => a.code) };
  workspace.configure(settings);
  const files = new Map<string, string>();
  for (const file of testCase.inputFiles) files.set(`file:///conformance/${testCase.index}/${file}`, dropIgnoredNamespaces(readInput(file)));
  const meshText = testCase.meshConfigFile ? readInput(testCase.meshConfigFile) : undefined;
  const networksText = testCase.meshNetworksFile ? readInput(testCase.meshNetworksFile) : undefined;
  const mesh = meshText !== undefined || networksText !== undefined ? meshConfigMap(meshText, networksText) : undefined;
  if (mesh) files.set(HARNESS_MESH, mesh.text);
  const meshValue = (meshText ? parse(meshText) : undefined) as { ingressControllerMode?: unknown; ingressService?: unknown } | undefined;
  if (meshValue?.ingressControllerMode !== 'OFF') {
    const service = typeof meshValue?.ingressService === 'string' && meshValue.ingressService ? meshValue.ingressService : 'istio-ingressgateway';
    files.set('file:///conformance/harness/ingress-defaults.yaml', ingressDefaults(service));
  }
  files.set('file:///conformance/harness/installation.yaml', INSTALLATION);
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const snapshot = workspace.snapshot();
  // istioctl's `schema.ValidationAnalyzer.<Kind>` validates objects of that kind only; some of ours check every Istio kind.
  const onlyKind = /^schema\.ValidationAnalyzer\.(\w+)$/.exec(testCase.analyzer)?.[1];
  const seen = new Set<string>();
  const actual: string[] = [];
  if (analyzers.length) {
    for (const uri of files.keys()) {
      for (const d of snapshot.diagnostics(uri)) {
        if (onlyKind && !d.resource?.startsWith(`${onlyKind} `)) continue;
        const entry = entryOf(d, uri, mesh);
        // istioctl sorts and de-duplicates messages by their full text: identical ones on a resource count once.
        const key = `${entry}\u0000${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actual.push(entry);
      }
    }
  }
  actual.sort();
  const pass = analyzers.length > 0 && actual.length === expected.length && actual.every((a, i) => a === expected[i]);
  return { testCase, analyzers, expected, actual, pass };
}

/** Expected and actual entries that the other side lacks (multiset difference), for the report. */
export function difference(result: CaseResult): { missing: string[]; extra: string[] } {
  const extra = [...result.actual];
  const missing: string[] = [];
  for (const e of result.expected) {
    const at = extra.indexOf(e);
    if (at >= 0) extra.splice(at, 1);
    else missing.push(e);
  }
  return { missing, extra };
}

export function renderReport(results: readonly CaseResult[], reasons: Readonly<Record<number, string>>): string {
  const passing = results.filter((r) => r.pass).length;
  const lines = [`conformance: ${passing}/${results.length} cases pass (istioctl analyze test cases, test/conformance)`];
  const failing = results.filter((r) => !r.pass);
  if (failing.length) lines.push('failing cases (index, name, istioctl analyzer → ours: missing / unexpected):');
  for (const r of failing) {
    const { missing, extra } = difference(r);
    const ours = r.analyzers.length ? r.analyzers.join(', ') : 'none';
    lines.push(`  #${r.testCase.index} ${r.testCase.name} [${r.testCase.analyzer} → ${ours}]${reasons[r.testCase.index] ? ` (${reasons[r.testCase.index]})` : ''}`);
    if (missing.length) lines.push(`      missing:    ${missing.join('; ')}`);
    if (extra.length) lines.push(`      unexpected: ${extra.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
