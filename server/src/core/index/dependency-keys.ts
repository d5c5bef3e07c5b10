// What a cross-resource finding can depend on, as strings: a whole kind, or a narrower part of it
// (the objects of a kind in one namespace, with one name, whether the kind has any object, or a
// "facet" such as the DestinationRules of one host). Readers record the narrowest key that covers
// what they read; the workspace turns every changed object into the keys it touches. A finding is
// recomputed, and its file republished, only when a key it recorded was touched: renaming a subset
// of one DestinationRule touches `DestinationRule host reviews.prod.svc.cluster.local`, which only the
// routes to that host read.
import type { Resource } from '../model/resource';
import { toFqdn } from './hosts';
import type { KindKey } from './kind-key';
import { kindKey } from './kind-key';

export type DependencyKey = string;

const SEPARATOR = '\u0000';

/** Any change to an object of the kind. */
export function kindDependency(kind: KindKey): DependencyKey {
  return kind;
}

/** A change to an object of the kind in the namespace. */
export function namespaceDependency(kind: KindKey, namespace: string): DependencyKey {
  return `${kind}${SEPARATOR}ns${SEPARATOR}${namespace}`;
}

/** A change to an object of the kind with this namespace and name. */
export function nameDependency(kind: KindKey, namespace: string, name: string): DependencyKey {
  return `${kind}${SEPARATOR}name${SEPARATOR}${namespace}${SEPARATOR}${name}`;
}

/** The kind gaining its first object or losing its last. */
export function presenceDependency(kind: KindKey): DependencyKey {
  return `${kind}${SEPARATOR}has`;
}

/** Facet names (never `ns`, `name` or `has`). */
export type Facet = 'host' | 'destination';

/** A change to an object of the kind whose facet has this value (see FACETS). */
export function facetDependency(kind: KindKey, facet: Facet, value: string): DependencyKey {
  return `${kind}${SEPARATOR}${facet}${SEPARATOR}${value}`;
}

/** The kind a key belongs to. */
export function kindOfDependency(key: DependencyKey): KindKey {
  const end = key.indexOf(SEPARATOR);
  return end < 0 ? key : key.slice(0, end);
}

/** Every wildcard host (`*.example.com`, `*`) shares one facet value: a wildcard may cover any name. */
export const WILDCARD_FACET = '*';

/** The facet value of a host written in `namespace`. */
export function hostFacet(namespace: string, host: string): string {
  const fqdn = toFqdn(namespace, host);
  return fqdn.startsWith('*') ? WILDCARD_FACET : fqdn;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** Destination hosts (routes and mirrors) of a VirtualService, as written. */
function destinationHosts(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (destination: unknown) => {
    // The reference table reads numbers as text too (`host: 123`).
    const host = isObject(destination) ? destination.host : undefined;
    if ((typeof host === 'string' && host) || typeof host === 'number') out.push(String(host));
  };
  for (const protocol of ['http', 'tcp', 'tls']) {
    const rules = spec[protocol];
    if (!Array.isArray(rules)) continue;
    for (const rule of rules) {
      if (!isObject(rule)) continue;
      if (Array.isArray(rule.route)) for (const route of rule.route) if (isObject(route)) add(route.destination);
      add(rule.mirror);
      if (Array.isArray(rule.mirrors)) for (const mirror of rule.mirrors) if (isObject(mirror)) add(mirror.destination);
    }
  }
  return out;
}

/**
 * The facet values of an object, by kind. Readers that record a facet key must read only objects
 * whose facets include that value (or the wildcard value, which they record too), so these
 * extractors and those readers change together:
 * - `Service host`, `ServiceEntry host`: the FQDNs they serve (`lookupHost`);
 * - `DestinationRule host`: the FQDN of `spec.host` (`destinationRulesFor`);
 * - `VirtualService destination`: the FQDNs its routes and mirrors send to (subset usage).
 */
const FACETS: Readonly<Record<KindKey, (resource: Resource) => readonly (readonly [Facet, string])[]>> = {
  Service: (r) => (r.name ? [['host', toFqdn(r.namespace, r.name)]] : []),
  ServiceEntry: (r) => strings(isObject(r.value.spec) ? r.value.spec.hosts : undefined).map((h) => ['host', hostFacet(r.namespace, h)] as const),
  DestinationRule: (r) => {
    const spec = isObject(r.value.spec) ? r.value.spec : {};
    return typeof spec.host === 'string' && spec.host ? [['host', hostFacet(r.namespace, spec.host)]] : [];
  },
  VirtualService: (r) => destinationHosts(isObject(r.value.spec) ? r.value.spec : {}).map((h) => ['destination', hostFacet(r.namespace, h)] as const),
};

/** Every key a change to this object touches (except presence, which depends on the other objects). */
export function dependencyKeysOf(resource: Resource): DependencyKey[] {
  const kind = kindKey(resource.group, resource.kind);
  const keys = [kindDependency(kind), namespaceDependency(kind, resource.namespace), nameDependency(kind, resource.namespace, resource.name)];
  const facets = FACETS[kind];
  if (facets) for (const [facet, value] of facets(resource)) keys.push(facetDependency(kind, facet, value));
  return keys;
}
