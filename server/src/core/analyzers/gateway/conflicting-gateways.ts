// Two Gateways that configure the same proxies with the same host on the same port: the proxy can
// serve only one of the servers.
import type { IndexView } from '../../index/workspace-index';
import { labelsMatch, type Labels, selectorString } from '../../index/workloads';
import { isObject, type Resource, resourceLabel } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer, type RelatedReport } from '../framework';
import { specLabels } from './unmatched-gateway-selector';

interface HostEntry {
  readonly bind: string;
  readonly path: FieldPath;
}

/** One Gateway's servers on one port: host → bind (the last server on a port wins, as istioctl keeps it). */
interface GatewayPort {
  readonly gateway: Resource;
  readonly selector: Labels;
  readonly hosts: ReadonlyMap<string, HostEntry>;
}

interface ServerView {
  readonly index: number;
  readonly port: number;
  readonly bind: string;
  readonly hosts: readonly string[];
}

export function gatewayServers(gateway: Resource): ServerView[] {
  const spec = isObject(gateway.value.spec) ? gateway.value.spec : {};
  const servers = Array.isArray(spec.servers) ? spec.servers : [];
  return servers.flatMap((s, index) => {
    if (!isObject(s)) return [];
    const port = isObject(s.port) && typeof s.port.number === 'number' ? s.port.number : 0;
    const hosts = Array.isArray(s.hosts) ? s.hosts.filter((h): h is string => typeof h === 'string') : [];
    return [{ index, port, bind: typeof s.bind === 'string' ? s.bind : '', hosts }];
  });
}

/** `<selector>~<port>` → gateway `ns/name` → its hosts on that port. */
type ConflictIndex = ReadonlyMap<string, ReadonlyMap<string, GatewayPort>>;

function gatewayId(gateway: Resource): string {
  return `${gateway.namespace}/${gateway.name}`;
}

function buildIndex(view: IndexView): ConflictIndex {
  const index = new Map<string, Map<string, GatewayPort>>();
  for (const gateway of view.all('Gateway')) {
    const selector = specLabels(gateway.value, 'selector');
    for (const server of gatewayServers(gateway)) {
      const key = `${selectorString(selector)}~${server.port}`;
      let byGateway = index.get(key);
      if (!byGateway) index.set(key, (byGateway = new Map()));
      const hosts = new Map<string, HostEntry>();
      server.hosts.forEach((h, j) => hosts.set(h, { bind: server.bind, path: ['spec', 'servers', server.index, 'hosts', j] }));
      byGateway.set(gatewayId(gateway), { gateway, selector, hosts });
    }
  }
  return index;
}

/**
 * Whether two selectors configure the same proxies, as istioctl decides it: identical selector strings,
 * or one string contained in the other and some workload matched by both.
 */
function selectorsOverlap(view: IndexView, a: Labels, b: Labels): boolean {
  const sa = selectorString(a);
  const sb = selectorString(b);
  if (sa === sb) return true;
  if (!sa.includes(sb) && !sb.includes(sa)) return false;
  return view.workloadsWith(a).some((w) => labelsMatch(b, w.labels));
}

export const conflictingGateways = defineWorkspaceAnalyzer(
  {
    code: 'IY923',
    name: 'conflicting-gateways',
    severity: 'error',
    category: 'workspace',
    inputs: ['Gateway'],
    summary: 'Two Gateways select the same gateway proxies and declare the same host on the same port.',
    istioctl: 'IST0145',
    docs: `## Why
Gateways that select the same proxies are merged into one configuration. When two of them declare the
same host (and the same \`bind\`) on the same port, the proxy cannot tell the servers apart: istiod keeps
one and the other's TLS settings and routes are silently lost.

Selectors conflict when they are identical, or when one contains the other and some workload in the
workspace matches both. Hosts are compared as written (\`ns/\` prefix included, no wildcard logic), and
protocols are not compared: a TCP and an HTTP server on one port conflict too.

## Example
\`\`\`yaml
kind: Gateway
metadata: {name: alpha}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [foo.bar]          # Gateway beta serves foo.bar on port 80 of the same proxies
\`\`\``,
  },
  (ctx) => {
    const index = ctx.index.derived('gateway-conflict-index', ['Gateway'], buildIndex);
    const selector = specLabels(ctx.resource.value, 'selector');
    const own = gatewayId(ctx.resource);
    const overlapping = [...index.entries()].filter(([, byGateway]) => {
      const first = byGateway.values().next().value;
      return !!first && selectorsOverlap(ctx.index, selector, first.selector);
    });
    for (const server of gatewayServers(ctx.resource)) {
      const conflicts = new Map<string, { other: GatewayPort; host: string; hostIndex: number }>();
      for (const [key, byGateway] of overlapping) {
        if (key.slice(key.lastIndexOf('~') + 1) !== String(server.port)) continue;
        for (const [id, other] of byGateway) {
          if (id === own || conflicts.has(id)) continue;
          const hostIndex = server.hosts.findIndex((h) => other.hosts.get(h)?.bind === server.bind);
          if (hostIndex >= 0) conflicts.set(id, { other, host: server.hosts[hostIndex], hostIndex });
        }
      }
      if (!conflicts.size) continue;
      const sorted = [...conflicts.entries()].sort(([a], [b]) => a.localeCompare(b));
      const first = sorted[0][1];
      const names = sorted.map(([, c]) => resourceLabel(c.other.gateway)).join(', ');
      const related: RelatedReport[] = sorted.map(([, c]) => ({ resource: c.other.gateway, path: c.other.hosts.get(c.host)?.path ?? ['metadata', 'name'], message: `also serves '${c.host}' on port ${server.port}` }));
      const sel = selectorString(selector) || '(all workloads)';
      ctx.report({
        path: ['spec', 'servers', server.index, 'hosts', first.hostIndex],
        message: `host '${first.host}' on port ${server.port} is also served by ${names} on the same gateway proxies (selector '${sel}'): a proxy can serve only one of these servers`,
        related,
      });
    }
  },
);
