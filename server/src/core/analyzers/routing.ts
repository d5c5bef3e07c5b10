// Shared by the routing analyzers (VirtualService, DestinationRule and ServiceEntry cross-checks):
// how a referrer writes a host, "did you mean" hosts, where a VirtualService applies, and the YAML
// edits their fixes need (append to a list or map in any resource, insert a key after a sibling).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { type HostEntry, hostTable, visibleTo } from '../index/host-table';
import { hostSubsetOf, toFqdn } from '../index/hosts';
import type { IndexView } from '../index/workspace-index';
import { documentPath, isObject, type JsonObject, type Resource } from '../model/resource';
import { closestMatch } from '../text/suggest';
import { type FieldPath, locate } from '../yaml/path';
import { appendListItem } from './fix-edits';
import type { ChunkEdit } from './framework';

// ---------------------------------------------------------------------------------------------
// Reading resources

export function specOf(resource: Resource): JsonObject {
  return isObject(resource.value.spec) ? resource.value.spec : {};
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** `spec.hosts` of a VirtualService, with their index. */
export function virtualServiceHosts(resource: Resource): { host: string; index: number }[] {
  const hosts = specOf(resource).hosts;
  if (!Array.isArray(hosts)) return [];
  return hosts.flatMap((host, index) => (typeof host === 'string' && host ? [{ host, index }] : []));
}

/** A VirtualService applies to sidecars when it names no gateway or names `mesh`. */
export function appliesToMesh(resource: Resource): boolean {
  const gateways = stringList(specOf(resource).gateways);
  return gateways.length === 0 || gateways.includes('mesh');
}

/** Whether the resource sets `metadata.namespace` (generated documents then set it too). */
export function hasExplicitNamespace(resource: Resource): boolean {
  const meta = resource.value.metadata;
  return isObject(meta) && typeof meta.namespace === 'string' && meta.namespace !== '';
}

/** `ns/name`, or `name` when the namespace is empty. */
export function qualifiedName(resource: Pick<Resource, 'namespace' | 'name'>): string {
  return resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
}

/** `a, b and 2 more`. */
export function listText(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

// ---------------------------------------------------------------------------------------------
// Hosts

/** The same test as `lookupHost`, without visibility: does a host table entry serve the FQDN? */
export function entryServes(entry: HostEntry, fqdn: string): boolean {
  if (!fqdn) return false;
  if (entry.host === fqdn) return true;
  return fqdn.startsWith('*') ? hostSubsetOf(entry.host, fqdn) : entry.host.startsWith('*') && hostSubsetOf(fqdn, entry.host);
}

/**
 * Services and ServiceEntry hosts serving a host written in `namespace`, whether or not exported there
 * (to explain why a host does not resolve). A catch-all `*` ServiceEntry explains nothing and is left out.
 */
export function hostEntriesIgnoringVisibility(view: IndexView, namespace: string, host: string): HostEntry[] {
  const fqdn = toFqdn(namespace, host);
  return hostTable(view).filter((e) => e.host !== '*' && entryServes(e, fqdn));
}

/** How a resource in `namespace` names a host: the short name for a Service (or short SE host) of its own namespace, else the FQDN. */
export function hostAsWrittenFrom(namespace: string, entry: HostEntry): string {
  const owner = entry.resource.namespace;
  const suffix = `.${owner}.svc.cluster.local`;
  if (owner === namespace && entry.host.endsWith(suffix)) {
    const short = entry.host.slice(0, -suffix.length);
    if (!short.includes('.')) return short;
  }
  return entry.host;
}

export function describeEntry(entry: HostEntry): string {
  return entry.resource.kind === 'Service' ? `Service ${qualifiedName(entry.resource)}` : `ServiceEntry ${qualifiedName(entry.resource)} (host ${entry.host})`;
}

interface HostKeys {
  /** Ways to write each host → how a resource in the namespace should write it. */
  readonly byKey: ReadonlyMap<string, string>;
  /** The keys by their number of dots (0, 1, more): a typo rarely adds or drops a label. */
  readonly byShape: readonly (readonly string[])[];
}

function shapeOf(host: string): number {
  const dots = host.split('.').length - 1;
  return Math.min(dots, 2);
}

/** The hosts visible in `namespace`, keyed by every way of writing them, computed once per namespace. */
function hostKeys(view: IndexView, namespace: string): HostKeys {
  return view.derived(`routing-host-keys\u0000${namespace}`, ['Service', 'ServiceEntry'], (v) => {
    const byKey = new Map<string, string>();
    for (const entry of hostTable(v)) {
      if (entry.host.startsWith('*') || !visibleTo(entry.exportTo, namespace)) continue;
      const text = hostAsWrittenFrom(namespace, entry);
      for (const key of [text, entry.host]) if (!byKey.has(key)) byKey.set(key, text);
      if (entry.resource.kind === 'Service') {
        const dotted = `${entry.resource.name}.${entry.resource.namespace}`;
        if (!byKey.has(dotted)) byKey.set(dotted, entry.host);
      }
    }
    const byShape: string[][] = [[], [], []];
    for (const key of byKey.keys()) byShape[shapeOf(key)].push(key);
    return { byKey, byShape };
  });
}

/**
 * The existing host a mistyped one most likely meant, written as a resource in `namespace` should
 * write it. `reviews.prod` (which istiod does not expand) suggests `reviews.prod.svc.cluster.local`.
 */
export function suggestHost(view: IndexView, namespace: string, written: string): string | undefined {
  const { byKey, byShape } = hostKeys(view, namespace);
  const exact = byKey.get(written);
  if (exact !== undefined && exact !== written) return exact;
  // closestMatch accepts at most a third of the length in edits: keys of another shape or length
  // cannot be meant, and skipping them keeps workspaces with many hosts fast.
  const limit = Math.max(1, Math.floor(written.length / 3));
  const keys = byShape[shapeOf(written)].filter((k) => Math.abs(k.length - written.length) <= limit);
  const key = closestMatch(written, keys);
  const text = key === undefined ? undefined : byKey.get(key);
  return text !== written ? text : undefined;
}

/** Distinct port numbers of host entries, in order. */
export function portNumbers(entries: readonly HostEntry[]): number[] {
  return [...new Set(entries.flatMap((e) => e.ports.map((p) => p.number)))];
}

/** Exact entries when there are any: a Service beats a wildcard ServiceEntry covering it. */
export function mostSpecific(entries: readonly HostEntry[]): HostEntry[] {
  const exact = entries.filter((e) => !e.host.startsWith('*'));
  return exact.length ? exact : [...entries];
}

/** A DNS label derived from a host, for the name of a generated object. */
export function nameFromHost(host: string): string {
  const label = host.replace(/^\*\.?/, '').split('.')[0] ?? '';
  const clean = label.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '');
  return clean || 'generated';
}

/** A YAML plain scalar when safe, else a double-quoted string. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z0-9][\w./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.]+$/.test(value) ? value : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------
// Edits

function nodeAt(resource: Resource, path: FieldPath): Node | undefined {
  const full = documentPath(resource, path);
  const found = locate(resource.parsed.doc, full);
  return found.depth === full.length ? found.node : undefined;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Inserts lines (already relative-indented) after the last line of a block node whose entries start at `column`. */
function appendLines(resource: Resource, range: readonly number[], column: number, lines: readonly string[], edit?: Resource): ChunkEdit {
  const text = resource.chunk.text;
  const indent = ' '.repeat(column);
  const body = lines.map((l) => indent + l).join('\n');
  // The node's range may end with line breaks (and blank lines): insert after its last non-blank line.
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1])) end--;
  const lineEnd = text.indexOf('\n', end);
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  // At the end of a chunk without a final line break, the break that follows belongs to the separator.
  return { start: at, end: at, newText: lineEnd < 0 ? `\n${body}` : `${body}\n`, target: edit };
}

/**
 * Appends an item to the sequence at `path` of a resource (block or flow style). `item` is the item's
 * YAML text without the dash (`name: v3\nlabels:\n  version: v3`), or a scalar for flow sequences.
 * `target` marks an edit of another resource than the finding's. Undefined when there is no sequence.
 */
export function appendToSequence(resource: Resource, path: FieldPath, item: string, target?: Resource): ChunkEdit | undefined {
  const node = nodeAt(resource, path);
  if (!isSeq(node) || !node.range) return undefined;
  const text = resource.chunk.text;
  if (node.flow) {
    if (item.includes('\n')) return undefined;
    const close = text.lastIndexOf(']', node.range[1] - 1);
    if (close < node.range[0]) return undefined;
    // Follow the list's quoting: `["a.com", "b.com"]` gets a quoted item too.
    const first = node.items[0] as Node | undefined;
    const quoted = first?.range && text[first.range[0]] === '"' && !item.startsWith('"') ? JSON.stringify(item) : item;
    return { start: close, end: close, newText: node.items.length ? `, ${quoted}` : quoted, target };
  }
  const [first, ...rest] = item.replace(/\n$/, '').split('\n');
  const edit = appendListItem(resource, path, [`- ${first}`, ...rest.map((l) => `  ${l}`)].join('\n'));
  return edit && { ...edit, target };
}

/** Appends `lines` (relative indentation) as new entries at the end of the block map at `path`. */
export function appendToMap(resource: Resource, path: FieldPath, lines: readonly string[], target?: Resource): ChunkEdit | undefined {
  const node = nodeAt(resource, path);
  if (!isMap(node) || node.flow || !node.range || !node.items.length) return undefined;
  const key = node.items[0].key;
  if (!isScalar(key) || !key.range) return undefined;
  return appendLines(resource, node.range, columnOf(resource.chunk.text, key.range[0]), lines, target);
}

/**
 * Inserts entries right after the scalar entry at `path` (`host: reviews` → a `port:` below it), at
 * the same indentation. Undefined in flow maps, which a fix should not rewrite.
 */
export function insertAfterEntry(resource: Resource, path: FieldPath, lines: readonly string[], target?: Resource): ChunkEdit | undefined {
  const parent = nodeAt(resource, path.slice(0, -1));
  if (!isMap(parent) || parent.flow) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  if (!pair || !isScalar(pair.key) || !pair.key.range || !isScalar(pair.value) || !pair.value.range) return undefined;
  const text = resource.chunk.text;
  const indent = ' '.repeat(columnOf(text, pair.key.range[0]));
  const lineEnd = text.indexOf('\n', pair.value.range[1]);
  const at = lineEnd < 0 ? text.length : lineEnd;
  return { start: at, end: at, newText: lines.map((l) => `\n${indent}${l}`).join(''), target };
}
