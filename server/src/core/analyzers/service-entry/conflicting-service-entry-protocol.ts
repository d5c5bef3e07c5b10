// ServiceEntries visible in the same namespace that declare the same host and port with different
// protocols: istiod keeps one service per host, so one protocol silently wins.
import { toFqdn } from '../../index/hosts';
import type { IndexView } from '../../index/workspace-index';
import { isObject, type Resource } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';
import { listText, qualifiedName, specOf, stringList } from '../routing';

interface PortClaim {
  readonly se: Resource;
  readonly host: string;
  readonly port: number;
  /** Upper-cased; '' when unset. */
  readonly protocol: string;
  readonly path: FieldPath;
  readonly scope: string;
}

interface Conflict {
  readonly own: PortClaim;
  readonly others: readonly PortClaim[];
  /** Where they clash: `*` or a namespace. */
  readonly scope: string;
}

function scopesOf(se: Resource): string[] {
  const exportTo = stringList(specOf(se).exportTo);
  if (!exportTo.length || exportTo.includes('*')) return ['*'];
  return [...new Set(exportTo.filter((e) => e !== '~').map((e) => (e === '.' ? se.namespace : e)))];
}

function claimsOf(se: Resource): PortClaim[] {
  const spec = specOf(se);
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const out: PortClaim[] = [];
  for (const host of stringList(spec.hosts)) {
    ports.forEach((p, i) => {
      if (!isObject(p) || typeof p.number !== 'number') return;
      const protocol = typeof p.protocol === 'string' ? p.protocol.toUpperCase() : '';
      const path: FieldPath = ['spec', 'ports', i, p.protocol === undefined ? 'number' : 'protocol'];
      for (const scope of scopesOf(se)) out.push({ se, host: toFqdn(se.namespace, host), port: p.number as number, protocol, path, scope });
    });
  }
  return out;
}

/**
 * istioctl's IST0177 index: (scope, host, port) → protocols, where a namespace scope also sees the
 * entries exported everywhere. Hosts are compared as full names (istioctl compares them as written).
 */
function buildConflicts(view: IndexView): Map<Resource, Conflict> {
  const byKey = new Map<string, PortClaim[]>();
  const everywhere = new Map<string, PortClaim[]>();
  const add = (map: Map<string, PortClaim[]>, key: string, claim: PortClaim) => {
    const list = map.get(key);
    if (list) list.push(claim);
    else map.set(key, [claim]);
  };
  for (const se of view.all('ServiceEntry')) {
    for (const claim of claimsOf(se)) {
      add(byKey, `${claim.scope}\u0000${claim.host}\u0000${claim.port}`, claim);
      if (claim.scope === '*') add(everywhere, `${claim.host}\u0000${claim.port}`, claim);
    }
  }
  const conflicts = new Map<Resource, Conflict>();
  for (const claims of byKey.values()) {
    const { scope, host, port } = claims[0];
    const members = scope === '*' ? claims : [...claims, ...(everywhere.get(`${host}\u0000${port}`) ?? [])];
    if (new Set(members.map((m) => m.protocol)).size < 2) continue;
    // Two protocols for one port inside a single ServiceEntry is an admission matter, not a conflict between entries.
    if (new Set(members.map((m) => m.se)).size < 2) continue;
    for (const own of members) {
      if (conflicts.has(own.se)) continue;
      conflicts.set(own.se, { own, others: members.filter((m) => m.se !== own.se && m.protocol !== own.protocol), scope });
    }
  }
  return conflicts;
}

export const conflictingServiceEntryProtocol = defineWorkspaceAnalyzer(
  {
    code: 'IY917',
    name: 'conflicting-service-entry-protocol',
    severity: 'warning',
    category: 'workspace',
    inputs: ['ServiceEntry'],
    summary: 'ServiceEntries visible in the same namespace declare the same host and port with different protocols.',
    istioctl: 'IST0177',
    docs: `## Why
A port's \`protocol\` decides how the sidecar handles the traffic (HTTP routing, TLS passthrough, plain
TCP). When two ServiceEntries visible in the same namespace declare the same host and port number with
different protocols, only one of them can be used for the listener, so the traffic is handled with the
wrong protocol for one of them. Visibility follows \`exportTo\` (everywhere when unset or \`*\`, else the
listed namespaces with \`.\` for the entry's own); an entry exported everywhere is visible in every
namespace scope. A port without \`protocol\` counts as its own value. Hosts are compared as full names
(a short host expands in the entry's namespace), so short hosts of different namespaces never clash.

## Example
\`\`\`yaml
kind: ServiceEntry
metadata: { name: api-https }
spec:
  hosts: [api.example.com]
  ports: [{number: 8443, name: https, protocol: HTTPS}]
---
kind: ServiceEntry
metadata: { name: api-http }
spec:
  hosts: [api.example.com]
  ports: [{number: 8443, name: http, protocol: HTTP}]   # same host and port, other protocol
\`\`\``,
  },
  (ctx) => {
    const conflict = ctx.index.derived('iy917-service-entry-protocols', ['ServiceEntry'], buildConflicts).get(ctx.resource);
    if (!conflict || !conflict.others.length) return;
    const { own, others, scope } = conflict;
    const declared = (p: string) => (p ? `as ${p}` : 'without protocol');
    const names = listText([...new Set(others.map((o) => `${declared(o.protocol)} by ServiceEntry ${qualifiedName(o.se)}`))]);
    const where = scope === '*' ? 'in every namespace' : `in namespace '${scope}'`;
    ctx.report({
      path: own.path,
      message: `port ${own.port} of ${own.host} is declared ${declared(own.protocol)} here but ${names}, ${new Set(others.map((o) => o.se)).size > 1 ? 'all' : 'both'} visible ${where}: only one protocol can apply`,
      related: others.map((o) => ({ resource: o.se, path: o.path, message: `${o.host}:${o.port} ${declared(o.protocol)} in ServiceEntry ${qualifiedName(o.se)}` })),
    });
  },
);
