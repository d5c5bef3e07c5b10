// Completion for starting a resource: the `apiVersion` and `kind` keys and their values, and one
// skeleton snippet per Istio kind. Lists derived from the kinds are built once.
import { type IstioKind, ISTIO_KINDS, isIstioGroup, parseApiVersion } from '../model/kinds';
import type { CompletionItem, Range } from '../types';
import { istioKindOf } from './doc-context';
import { code, kindDocumentation } from './field-docs';
import { expandSnippet, skeletonSnippet } from './skeletons';

interface ApiVersionEntry {
  readonly apiVersion: string;
  readonly kinds: readonly IstioKind[];
  readonly deprecated: boolean;
}

/** Every group/version Istio serves: v1 first, then by group and version. */
const API_VERSIONS: readonly ApiVersionEntry[] = (() => {
  const byApiVersion = new Map<string, { kinds: IstioKind[]; deprecated: boolean }>();
  for (const kind of ISTIO_KINDS) {
    for (const version of kind.versions) {
      const key = `${kind.group}/${version.name}`;
      const entry = byApiVersion.get(key) ?? { kinds: [], deprecated: true };
      entry.kinds.push(kind);
      entry.deprecated &&= version.deprecated;
      byApiVersion.set(key, entry);
    }
  }
  const rank = (apiVersion: string) => (parseApiVersion(apiVersion).version === 'v1' ? 0 : 1);
  return [...byApiVersion]
    .map(([apiVersion, entry]) => ({ apiVersion, kinds: entry.kinds.sort((a, b) => a.kind.localeCompare(b.kind)), deprecated: entry.deprecated }))
    .sort((a, b) => rank(a.apiVersion) - rank(b.apiVersion) || a.apiVersion.localeCompare(b.apiVersion));
})();

const SORTED_KINDS = [...ISTIO_KINDS].sort((a, b) => a.kind.localeCompare(b.kind));

function sortKey(group: number, index: number): string {
  return `${group}${String(index).padStart(3, '0')}`;
}

/** apiVersion values; only the versions serving `kind` when the document already names an Istio kind. */
export function apiVersionItems(kind: string | undefined, range: Range, prefix: string): CompletionItem[] {
  const known = istioKindOf(undefined, kind);
  const entries = known ? API_VERSIONS.filter((e) => e.kinds.includes(known)) : API_VERSIONS;
  const ordered = known ? [...entries].sort((a, b) => Number(!a.apiVersion.endsWith(`/${known.preferredVersion}`)) - Number(!b.apiVersion.endsWith(`/${known.preferredVersion}`))) : entries;
  return ordered.map((entry, i) => ({
    label: entry.apiVersion,
    kind: 'value',
    detail: `${entry.kinds.map((k) => k.kind).join(', ')}${entry.deprecated ? ' (deprecated)' : ''}`,
    documentation: `Istio API version ${code(entry.apiVersion)}, serving ${entry.kinds.map((k) => code(k.kind)).join(', ')}.`,
    insertText: prefix + entry.apiVersion,
    range,
    sortText: sortKey(0, i),
  }));
}

/** The kinds an apiVersion allows: those of its group served at its version (else the whole group). */
function kindsFor(apiVersion: string | undefined): readonly IstioKind[] {
  if (!apiVersion) return SORTED_KINDS;
  const { group, version } = parseApiVersion(apiVersion);
  if (!isIstioGroup(group)) return [];
  const inGroup = SORTED_KINDS.filter((k) => k.group === group);
  const served = inGroup.filter((k) => k.versions.some((v) => v.name === version));
  return served.length ? served : inGroup;
}

export function kindItems(apiVersion: string | undefined, range: Range, prefix: string): CompletionItem[] {
  return kindsFor(apiVersion).map((kind, i) => ({
    label: kind.kind,
    kind: 'value',
    detail: `${kind.group}/${kind.preferredVersion}`,
    documentation: kindDocumentation(kind),
    insertText: prefix + kind.kind,
    range,
    sortText: sortKey(0, i),
  }));
}

function choice(values: readonly string[]): string {
  return values.length ? `\${1|${values.map((v) => v.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}` : '$1';
}

/** The `apiVersion`/`kind` keys for a document that lacks them, with the values that fit the other as choices. */
export function starterKeyItems(apiVersion: string | undefined, kind: string | undefined, range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (!apiVersion) {
    const known = istioKindOf(undefined, kind);
    const versions = known
      ? [`${known.group}/${known.preferredVersion}`, ...known.versions.map((v) => `${known.group}/${v.name}`)]
      : API_VERSIONS.map((e) => e.apiVersion);
    items.push({
      label: 'apiVersion',
      kind: 'property',
      detail: 'string · required',
      documentation: 'API version of this object: `<group>/<version>`, for example `networking.istio.io/v1`.',
      insertText: `apiVersion: ${choice([...new Set(versions)])}`,
      snippet: true,
      range,
      sortText: sortKey(0, 0),
    });
  }
  if (!kind) {
    items.push({
      label: 'kind',
      kind: 'property',
      detail: 'string · required',
      documentation: 'Kind of this object, for example `VirtualService`.',
      insertText: `kind: ${choice(kindsFor(apiVersion).map((k) => k.kind))}`,
      snippet: true,
      range,
      sortText: sortKey(0, 1),
    });
  }
  return items;
}

export function skeletonItems(range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  SORTED_KINDS.forEach((kind, i) => {
    const snippet = skeletonSnippet(kind);
    if (!snippet) return;
    items.push({
      label: kind.kind,
      kind: 'snippet',
      detail: `${kind.group}/${kind.preferredVersion} skeleton`,
      documentation: `\`\`\`yaml\n${expandSnippet(snippet)}\`\`\``,
      insertText: snippet,
      snippet: true,
      range,
      sortText: sortKey(1, i),
      filterText: kind.kind,
    });
  });
  return items;
}
