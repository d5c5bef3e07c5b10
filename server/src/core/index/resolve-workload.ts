// References into the data plane: workload selectors, gateway credentials, namespaces, principals
// and policy `targetRef`s.
import { isObject } from '../model/resource';
import { valueAt } from './field-paths';
import { kindKey } from './kind-key';
import type { Resolution, ReferenceSite, Target } from './reference-types';
import { serviceOfFqdn, toFqdn } from './hosts';
import type { IndexView } from './workspace-index';
import { labelsMatch, type Workload, WORKLOAD_KINDS } from './workloads';

/** Workloads a selector site selects, honouring where the selecting kind looks for them. */
export function selectedWorkloads(site: ReferenceSite, view: IndexView): Workload[] {
  const labels = site.labels ?? {};
  const scope = site.rule.selectorScope ?? 'namespace';
  let namespaces: ((ns: string) => boolean) | undefined;
  if (scope === 'namespace' && site.resource.namespace !== view.mesh.rootNamespace) namespaces = (ns) => ns === site.resource.namespace;
  if (scope === 'host-namespace') {
    const host = valueAt(site.resource.value, ['spec', 'host']);
    const service = typeof host === 'string' ? serviceOfFqdn(toFqdn(site.resource.namespace, host)) : undefined;
    if (service) namespaces = (ns) => ns === service.namespace;
  }
  return view.workloadsWith(labels).filter((w) => !namespaces || namespaces(w.namespace));
}

export function resolveSelector(site: ReferenceSite, view: IndexView): Resolution {
  if (!site.labels || !Object.keys(site.labels).length) return { targets: [], decidable: true, builtIn: true };
  const targets = selectedWorkloads(site, view).map((w) => ({ resource: w.resource, path: w.labelsPath }));
  return { targets, decidable: view.hasWorkloads() };
}

/** Namespace and name of a gateway credential: `name`, or `namespace/name`. */
export function credentialSecret(site: ReferenceSite, view: IndexView): { namespace: string; name: string } {
  const slash = site.value.indexOf('/');
  if (slash >= 0) return { namespace: site.value.slice(0, slash), name: site.value.slice(slash + 1) };
  // The secret is read in the namespace of the gateway workload, which usually but not always is the
  // Gateway object's namespace.
  const selector = valueAt(site.resource.value, ['spec', 'selector']);
  const labels = isObject(selector) ? Object.fromEntries(Object.entries(selector).map(([k, v]) => [k, String(v)])) : {};
  const workload = view.workloads().find((w) => labelsMatch(labels, w.labels));
  return { namespace: workload?.namespace ?? site.resource.namespace, name: site.value };
}

export function resolveSecret(site: ReferenceSite, view: IndexView): Resolution {
  const { namespace, name } = credentialSecret(site, view);
  const secret = view.get('Secret', namespace, name);
  return { targets: secret ? [{ resource: secret, path: ['metadata', 'name'] }] : [], decidable: view.has('Secret') };
}

/** AuthorizationPolicy namespace patterns: `*`, `prefix*`, `*suffix` or an exact name. */
export function namespacePatternMatches(pattern: string, namespace: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return namespace.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return namespace.endsWith(pattern.slice(1));
  return pattern.toLowerCase() === namespace.toLowerCase();
}

export function resolveNamespace(site: ReferenceSite, view: IndexView): Resolution {
  if (site.value === '*') return { targets: [], decidable: true, builtIn: true };
  const targets = view
    .all('Namespace')
    .filter((n) => namespacePatternMatches(site.value, n.name))
    .map((n) => ({ resource: n, path: ['metadata', 'name'] }));
  return { targets, decidable: view.has('Namespace') };
}

/** `cluster.local/ns/<ns>/sa/<sa>` (any trust domain); undefined for patterns and other forms. */
export function parsePrincipal(value: string): { namespace: string; serviceAccount: string } | undefined {
  if (value.includes('*')) return undefined;
  const match = /^[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(value);
  return match ? { namespace: match[1], serviceAccount: match[2] } : undefined;
}

export function resolvePrincipal(site: ReferenceSite, view: IndexView): Resolution {
  const principal = parsePrincipal(site.value);
  if (!principal) return { targets: [], decidable: true, builtIn: true };
  const targets: Target[] = [];
  const account = view.get('ServiceAccount', principal.namespace, principal.serviceAccount);
  if (account) targets.push({ resource: account, path: ['metadata', 'name'] });
  for (const w of view.workloadsRunningAs(principal.namespace, principal.serviceAccount)) {
    if (w.resource.kind !== 'WorkloadEntry') targets.push({ resource: w.resource, path: w.labelsPath });
  }
  return { targets, decidable: view.has('ServiceAccount') || WORKLOAD_KINDS.some((k) => view.has(k)) };
}

/** The kind key a `targetRef` names (`group` defaults to the core group). */
export function targetRefKind(ref: unknown): string | undefined {
  if (!isObject(ref) || typeof ref.kind !== 'string') return undefined;
  const group = typeof ref.group === 'string' ? ref.group : '';
  return kindKey(group, ref.kind);
}

export const GATEWAY_CLASS = 'GatewayClass.gateway.networking.k8s.io';
/** GatewayClasses istiod creates itself. */
export const BUILT_IN_GATEWAY_CLASSES: ReadonlySet<string> = new Set(['istio', 'istio-waypoint', 'istio-remote', 'istio-east-west']);

export function resolveTargetRef(site: ReferenceSite, view: IndexView): Resolution {
  const ref = valueAt(site.resource.value, site.path.slice(0, -1));
  const kind = targetRefKind(ref);
  if (!kind || !isObject(ref)) return { targets: [], decidable: false };
  if (kind === GATEWAY_CLASS) {
    // Cluster-scoped: any GatewayClass of that name, wherever the index filed it (namespace-less
    // objects get the default namespace).
    if (BUILT_IN_GATEWAY_CLASSES.has(site.value)) return { targets: [], decidable: true, builtIn: true };
    const targets = view.all(kind).filter((c) => c.name === site.value).map((c) => ({ resource: c, path: ['metadata', 'name'] }));
    return { targets, decidable: view.has(kind) };
  }
  const namespace = typeof ref.namespace === 'string' && ref.namespace ? ref.namespace : site.resource.namespace;
  const target = view.get(kind, namespace, site.value);
  return { targets: target ? [{ resource: target, path: ['metadata', 'name'] }] : [], decidable: view.has(kind) };
}
