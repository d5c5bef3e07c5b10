// Hover lines for the right-hand columns: a subset's labels and traffic policy (its own, and what it
// inherits from its DestinationRule), a destination host's ports and policy, a Gateway's servers.
import type { RoutingDetail } from '../../../../common/routing';
import type { HostEntry } from '../index/host-table';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import { nsName } from './ids';
import { flatText, labelsText } from './text';

const POLICY_PARTS: readonly [string, string][] = [
  ['loadBalancer', 'load balancing'],
  ['connectionPool', 'connection pool'],
  ['outlierDetection', 'outlier detection'],
  ['tls', 'TLS'],
  ['tunnel', 'tunnel'],
  ['proxyProtocol', 'proxy protocol'],
];

function specOf(resource: Resource): JsonObject {
  return isObject(resource.value.spec) ? resource.value.spec : {};
}

/** One line per part of a traffic policy; `from` says where it is written when it is inherited. */
export function trafficPolicyDetails(policy: unknown, from?: string): RoutingDetail[] {
  if (!isObject(policy)) return [];
  const suffix = from ? ` (${from})` : '';
  const out: RoutingDetail[] = [];
  for (const [key, label] of POLICY_PARTS) {
    if (policy[key] !== undefined) out.push({ label: `${label}${suffix}`, value: flatText(policy[key]) || 'set' });
  }
  if (Array.isArray(policy.portLevelSettings) && policy.portLevelSettings.length) {
    const ports = policy.portLevelSettings.map((p) => (isObject(p) && isObject(p.port) ? String(p.port.number ?? '?') : '?'));
    out.push({ label: `port settings${suffix}`, value: `ports ${ports.join(', ')}` });
  }
  return out;
}

/** A subset: its labels, its own traffic policy, then what its DestinationRule sets for every subset. */
export function subsetDetails(dr: Resource, subset: JsonObject): RoutingDetail[] {
  const out: RoutingDetail[] = [{ label: 'DestinationRule', value: nsName(dr.namespace, dr.name) }];
  out.push({ label: 'labels', value: labelsText(subset.labels) || '(none: every endpoint of the host)' });
  out.push(...trafficPolicyDetails(subset.trafficPolicy));
  const inherited = trafficPolicyDetails(specOf(dr).trafficPolicy, 'DestinationRule');
  // A subset's own setting replaces the DestinationRule's for that part.
  const own = new Set(out.map((d) => d.label));
  out.push(...inherited.filter((d) => !own.has(d.label.replace(' (DestinationRule)', ''))));
  return out;
}

/** A destination host: what defines it, its ports, and the traffic policy of its DestinationRules. */
export function serviceDetails(entries: readonly HostEntry[], rules: readonly Resource[]): RoutingDetail[] {
  const out: RoutingDetail[] = [];
  for (const e of entries) {
    out.push({ label: e.resource.kind, value: e.resource.kind === 'ServiceEntry' ? `${nsName(e.resource.namespace, e.resource.name)} (host ${e.host})` : nsName(e.resource.namespace, e.resource.name) });
    if (e.ports.length) out.push({ label: 'ports', value: e.ports.map((p) => [p.number, p.name, p.protocol].filter((x) => x !== undefined).join('/')).join(', ') });
    if (e.resource.kind === 'Service') {
      const selector = labelsText(specOf(e.resource).selector);
      if (selector) out.push({ label: 'selector', value: selector });
    }
    if (e.resource.kind === 'ServiceEntry') {
      const spec = specOf(e.resource);
      const where = [spec.location, spec.resolution].filter((x) => typeof x === 'string').join(', ');
      if (where) out.push({ label: 'location', value: where });
    }
  }
  for (const dr of rules) {
    out.push({ label: 'DestinationRule', value: nsName(dr.namespace, dr.name) });
    out.push(...trafficPolicyDetails(specOf(dr).trafficPolicy));
  }
  return out;
}

/** A Gateway: its selector and one line per server (port, protocol, hosts, TLS). */
export function gatewayDetails(gateway: Resource): RoutingDetail[] {
  const spec = specOf(gateway);
  const out: RoutingDetail[] = [];
  if (gateway.group === 'networking.istio.io') {
    out.push({ label: 'selector', value: labelsText(spec.selector) || '(none)' });
    const servers = Array.isArray(spec.servers) ? spec.servers : [];
    servers.forEach((server, i) => {
      if (!isObject(server)) return;
      const port = isObject(server.port) ? server.port : {};
      const hosts = Array.isArray(server.hosts) ? server.hosts.filter((h) => typeof h === 'string').join(', ') : '';
      const tls = isObject(server.tls) ? server.tls : undefined;
      const tlsText = !tls
        ? ''
        : tls.httpsRedirect === true
          ? ' · redirects to HTTPS'
          : ` · TLS ${typeof tls.mode === 'string' ? tls.mode : 'SIMPLE'}${typeof tls.credentialName === 'string' ? ` (credential ${tls.credentialName})` : ''}`;
      const name = typeof server.name === 'string' ? ` ${server.name}` : '';
      out.push({ label: `server ${i + 1}${name}`, value: `${String(port.number ?? '?')}/${String(port.protocol ?? '?')} ${hosts}${tlsText}` });
    });
  } else {
    out.push({ label: 'kind', value: 'Gateway API Gateway' });
    if (typeof spec.gatewayClassName === 'string') out.push({ label: 'class', value: spec.gatewayClassName });
    const listeners = Array.isArray(spec.listeners) ? spec.listeners : [];
    for (const l of listeners) {
      if (!isObject(l)) continue;
      out.push({ label: `listener ${String(l.name ?? '')}`.trim(), value: `${String(l.port ?? '?')}/${String(l.protocol ?? '?')} ${typeof l.hostname === 'string' ? l.hostname : '*'}` });
    }
  }
  return out;
}
