// Hosts a destination can name: every Kubernetes Service (`name.ns.svc.cluster.local`) and every
// ServiceEntry host (short names expanded in the entry's namespace), with its ports and visibility.
import { isObject, type Resource } from '../model/resource';
import type { FieldPath } from '../yaml/path';
import { facetDependency, WILDCARD_FACET } from './dependency-keys';
import { hostSubsetOf, toFqdn } from './hosts';
import type { IndexView } from './workspace-index';

export interface HostPort {
  readonly number: number;
  readonly name?: string;
  readonly protocol?: string;
  readonly targetPort?: number | string;
  readonly appProtocol?: string;
  readonly path: FieldPath;
}

export interface HostEntry {
  /** FQDN; ServiceEntry hosts may be wildcards. */
  readonly host: string;
  readonly resource: Resource;
  /** Where the host is written: `metadata.name` of a Service, `spec.hosts[i]` of a ServiceEntry. */
  readonly path: FieldPath;
  /** Namespaces that see it, or `*`. */
  readonly exportTo: readonly string[] | '*';
  readonly ports: readonly HostPort[];
}

export const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

/** `exportTo` entries resolved against the owner's namespace: `.` is its own, `*` (or nothing) is all. */
export function resolveExportTo(entries: readonly string[], ownNamespace: string): readonly string[] | '*' {
  if (!entries.length || entries.includes('*')) return '*';
  return entries.map((e) => (e === '.' ? ownNamespace : e));
}

export function visibleTo(exportTo: readonly string[] | '*', namespace: string): boolean {
  return exportTo === '*' || exportTo.includes(namespace);
}

function portsOf(resource: Resource, numberKey: 'port' | 'number'): HostPort[] {
  const spec = isObject(resource.value.spec) ? resource.value.spec : {};
  if (!Array.isArray(spec.ports)) return [];
  const out: HostPort[] = [];
  spec.ports.forEach((p, i) => {
    if (!isObject(p) || typeof p[numberKey] !== 'number') return;
    out.push({
      number: p[numberKey] as number,
      name: typeof p.name === 'string' ? p.name : undefined,
      protocol: typeof p.protocol === 'string' ? p.protocol : undefined,
      targetPort: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : undefined,
      appProtocol: typeof p.appProtocol === 'string' ? p.appProtocol : undefined,
      path: ['spec', 'ports', i],
    });
  });
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function buildHostTable(view: IndexView): HostEntry[] {
  const out: HostEntry[] = [];
  for (const service of view.all('Service')) {
    if (!service.name) continue;
    const annotations = isObject(service.value.metadata) && isObject(service.value.metadata.annotations) ? service.value.metadata.annotations : {};
    const raw = annotations[EXPORT_TO_ANNOTATION];
    const exportTo = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
    out.push({
      host: toFqdn(service.namespace, service.name),
      resource: service,
      path: ['metadata', 'name'],
      exportTo: resolveExportTo(exportTo, service.namespace),
      ports: portsOf(service, 'port'),
    });
  }
  for (const entry of view.all('ServiceEntry')) {
    const spec = isObject(entry.value.spec) ? entry.value.spec : {};
    const exportTo = resolveExportTo(strings(spec.exportTo), entry.namespace);
    const ports = portsOf(entry, 'number');
    if (!Array.isArray(spec.hosts)) continue;
    spec.hosts.forEach((h, i) => {
      if (typeof h === 'string' && h) out.push({ host: toFqdn(entry.namespace, h), resource: entry, path: ['spec', 'hosts', i], exportTo, ports });
    });
  }
  return out;
}

export function hostTable(view: IndexView): readonly HostEntry[] {
  return view.derived('hosts', ['Service', 'ServiceEntry'], buildHostTable);
}

/**
 * Services and ServiceEntry hosts a host written in `namespace` names, as istiod resolves it: the
 * short name expands in the referrer's namespace; a wildcard ServiceEntry host covers the names under
 * it; a wildcard reference (a DestinationRule for `*.example.com`) covers every host under it.
 */
export function lookupHost(view: IndexView, namespace: string, host: string): HostEntry[] {
  const fqdn = toFqdn(namespace, host);
  if (!fqdn) return [];
  const matches = (e: HostEntry) => visibleTo(e.exportTo, namespace) && (e.host === fqdn || (fqdn.startsWith('*') ? hostSubsetOf(e.host, fqdn) : e.host.startsWith('*') && hostSubsetOf(fqdn, e.host)));
  if (fqdn.startsWith('*')) return hostTable(view).filter(matches);
  // A plain name can only match its own entries and the wildcard ones: look those up instead of
  // scanning the table (analyzers resolve every destination of every VirtualService), in table order.
  // Only the entries of this host and the wildcard ones can match: an edit of another host does not
  // change the answer (see dependency-keys.ts).
  const keys = [facetDependency('Service', 'host', fqdn), facetDependency('ServiceEntry', 'host', fqdn), facetDependency('ServiceEntry', 'host', WILDCARD_FACET)];
  const { table: entries, byHost, wildcards } = view.derived('host-positions', ['Service', 'ServiceEntry'], (v) => hostPositions(hostTable(v)), keys);
  const positions = [...(byHost.get(fqdn) ?? []), ...wildcards].sort((a, b) => a - b);
  return positions.map((i) => entries[i]).filter(matches);
}

/** Positions in the host table by host, and the positions of wildcard hosts. */
function hostPositions(table: readonly HostEntry[]): { table: readonly HostEntry[]; byHost: Map<string, number[]>; wildcards: number[] } {
  const byHost = new Map<string, number[]>();
  const wildcards: number[] = [];
  table.forEach((e, i) => {
    if (e.host.startsWith('*')) wildcards.push(i);
    else {
      const list = byHost.get(e.host);
      if (list) list.push(i);
      else byHost.set(e.host, [i]);
    }
  });
  return { table, byHost, wildcards };
}
