// Node and edge ids of the routing graph, as documented in common/routing.ts. The graph and the
// simulator both build ids here, so a highlighted path always names nodes the graph has.
import type { RoutingEdgeKind } from '../../../../common/routing';
import type { Resource } from '../model/resource';

export type RuleProtocol = 'http' | 'tls' | 'tcp';

export const MESH_NODE = 'gateway:mesh';

/** `ns/name` (or `name` when the namespace is empty). */
export function nsName(namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function gatewayId(namespace: string, name: string): string {
  return `gateway:${nsName(namespace, name)}`;
}

export function virtualServiceId(vs: Pick<Resource, 'namespace' | 'name'>): string {
  return `vs:${nsName(vs.namespace, vs.name)}`;
}

export function ruleId(vs: Pick<Resource, 'namespace' | 'name'>, protocol: RuleProtocol, index: number): string {
  return `rule:${nsName(vs.namespace, vs.name)}/${protocol}/${index}`;
}

export function fallthroughId(vs: Pick<Resource, 'namespace' | 'name'>): string {
  return `fallthrough:${nsName(vs.namespace, vs.name)}`;
}

export function serviceId(fqdn: string): string {
  return `service:${fqdn}`;
}

export function subsetId(fqdn: string, subset: string): string {
  return `subset:${fqdn}/${subset}`;
}

export function workloadId(workload: Pick<Resource, 'kind' | 'namespace' | 'name'>): string {
  return `workload:${workload.kind}/${nsName(workload.namespace, workload.name)}`;
}

export function edgeId(from: string, to: string, kind: RoutingEdgeKind): string {
  return `${from}->${to}#${kind}`;
}

/** `http[1] testers`: the rule's place in its list, and its name when it has one. */
export function ruleLabel(protocol: RuleProtocol, index: number, name?: unknown): string {
  return typeof name === 'string' && name ? `${protocol}[${index}] ${name}` : `${protocol}[${index}]`;
}

/** `1st`, `2nd`, `3rd`, `11th`: the order of a rule, on the edge from its VirtualService. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
