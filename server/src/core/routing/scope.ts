// Which resources a scope draws: the resource under the cursor with its neighbours, a file, a host
// ("what happens to requests to reviews?") or the whole workspace. The graph builder then follows
// each VirtualService to everything it reaches.
import type { RoutingScope } from '../../../../common/routing';
import { sitesReferencing } from '../features/reference-graph';
import { spotAt } from '../features/reference-places';
import { GATEWAY_API_GATEWAY } from '../index/kind-key';
import { hostsMatch, toFqdn } from '../index/hosts';
import { referenceSites } from '../index/references';
import { destinationRulesFor } from '../index/resolve-destination';
import { keyOf, type IndexView } from '../index/workspace-index';
import { labelsMatch, stringMap, workloadOf } from '../index/workloads';
import { isObject, type Resource } from '../model/resource';
import type { RoutingHost } from './host';
import { vsHosts } from './graph';

export interface Selection {
  readonly virtualServices: readonly Resource[];
  readonly gateways: readonly Resource[];
  readonly destinationRules: readonly Resource[];
  /** Hosts drawn even when no route reaches them (a host scope without a VirtualService). */
  readonly hosts: readonly { readonly fqdn: string; readonly namespace: string }[];
}

const EMPTY: Selection = { virtualServices: [], gateways: [], destinationRules: [], hosts: [] };

class Collector {
  private readonly vs = new Set<Resource>();
  private readonly gw = new Set<Resource>();
  private readonly dr = new Set<Resource>();
  private readonly hosts = new Map<string, { fqdn: string; namespace: string }>();

  addVs(r: Resource): void {
    this.vs.add(r);
  }
  addGateway(r: Resource): void {
    this.gw.add(r);
  }
  addDr(r: Resource): void {
    this.dr.add(r);
  }
  addHost(fqdn: string, namespace: string): void {
    if (!this.hosts.has(fqdn)) this.hosts.set(fqdn, { fqdn, namespace });
  }
  selection(): Selection {
    return { virtualServices: [...this.vs], gateways: [...this.gw], destinationRules: [...this.dr], hosts: [...this.hosts.values()] };
  }
}

/** A scope from untrusted input (the client), or undefined when it is not one. */
export function parseScope(value: unknown): RoutingScope | undefined {
  if (!isObject(value)) return undefined;
  const position = (p: unknown) => isObject(p) && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
  switch (value.kind) {
    case 'workspace':
      return { kind: 'workspace' };
    case 'file':
      return typeof value.uri === 'string' && value.uri ? { kind: 'file', uri: value.uri } : undefined;
    case 'resource':
      return typeof value.uri === 'string' && value.uri && position(value.position)
        ? { kind: 'resource', uri: value.uri, position: { line: (value.position as { line: number }).line, character: (value.position as { character: number }).character } }
        : undefined;
    case 'host':
      if (typeof value.host !== 'string' || !value.host.trim()) return undefined;
      return typeof value.namespace === 'string' && value.namespace ? { kind: 'host', host: value.host.trim(), namespace: value.namespace } : { kind: 'host', host: value.host.trim() };
    default:
      return undefined;
  }
}

/** Root VirtualServices whose rules delegate to a delegate VirtualService (what routes to it). */
function delegatingRoots(host: RoutingHost, vs: Resource): Resource[] {
  return sitesReferencing(host.index(), { resource: vs, path: ['metadata', 'name'] })
    .filter((s) => s.site.rule.type === 'delegate')
    .map((s) => s.site.resource);
}

/** VirtualServices with a destination host that names `fqdn` (wildcards both ways). */
function routingTo(view: IndexView, fqdn: string): Resource[] {
  return view.all('VirtualService').filter((vs) => referenceSites(vs).some((s) => s.rule.type === 'host' && hostsMatch(toFqdn(vs.namespace, s.value), fqdn)));
}

/** VirtualServices whose hosts name `fqdn`: `*.example.com` covers `a.example.com`. */
function forHost(view: IndexView, fqdn: string): Resource[] {
  return view.all('VirtualService').filter((vs) => vsHosts(vs).some((h) => hostsMatch(toFqdn(vs.namespace, h), fqdn)));
}

function addHostScope(c: Collector, host: RoutingHost, view: IndexView, fqdn: string, namespace: string): void {
  const serving = forHost(view, fqdn);
  // Without a VirtualService for it, requests go straight to the host: draw it on its own.
  if (!serving.length) c.addHost(fqdn, namespace);
  for (const vs of [...serving, ...routingTo(view, fqdn)]) {
    c.addVs(vs);
    if (!vsHosts(vs).length) for (const root of delegatingRoots(host, vs)) c.addVs(root);
  }
  for (const { rule } of destinationRulesFor(view, namespace, fqdn)) c.addDr(rule);
}

/** The hosts a Service or ServiceEntry defines. */
function hostsOf(resource: Resource): string[] {
  if (keyOf(resource) === 'Service') return resource.name ? [toFqdn(resource.namespace, resource.name)] : [];
  const spec = isObject(resource.value.spec) ? resource.value.spec : {};
  return Array.isArray(spec.hosts) ? spec.hosts.filter((h): h is string => typeof h === 'string' && !!h).map((h) => toFqdn(resource.namespace, h)) : [];
}

/** The resource under the cursor and its neighbours. */
function resourceScope(c: Collector, host: RoutingHost, view: IndexView, resource: Resource): void {
  const kind = keyOf(resource);
  switch (kind) {
    case 'VirtualService':
      c.addVs(resource);
      for (const root of delegatingRoots(host, resource)) c.addVs(root);
      return;
    case 'Gateway':
    case GATEWAY_API_GATEWAY:
      c.addGateway(resource);
      for (const s of sitesReferencing(host.index(), { resource, path: ['metadata', 'name'] })) if (s.site.rule.type === 'gateway') c.addVs(s.site.resource);
      return;
    case 'DestinationRule': {
      c.addDr(resource);
      for (const vs of view.all('VirtualService')) {
        const routes = referenceSites(vs).some((s) => s.rule.type === 'host' && destinationRulesFor(view, vs.namespace, s.value).some((d) => d.rule === resource));
        if (routes) c.addVs(vs);
      }
      return;
    }
    case 'Service':
    case 'ServiceEntry':
      for (const fqdn of hostsOf(resource)) addHostScope(c, host, view, fqdn, resource.namespace);
      return;
    default: {
      // A workload: the Services that select it.
      const workload = workloadOf(resource);
      if (!workload) return;
      for (const service of view.inNamespace('Service', workload.namespace)) {
        const selector = stringMap(isObject(service.value.spec) ? service.value.spec.selector : undefined);
        if (Object.keys(selector).length && labelsMatch(selector, workload.labels)) resourceScope(c, host, view, service);
      }
    }
  }
}

/** What a scope draws. */
export function selectScope(host: RoutingHost, view: IndexView, scope: RoutingScope): Selection {
  const c = new Collector();
  switch (scope.kind) {
    case 'workspace':
      for (const vs of view.all('VirtualService')) c.addVs(vs);
      for (const g of [...view.all('Gateway'), ...view.all(GATEWAY_API_GATEWAY)]) c.addGateway(g);
      for (const dr of view.all('DestinationRule')) c.addDr(dr);
      return c.selection();
    case 'file': {
      const file = host.file(scope.uri);
      if (!file) return EMPTY;
      for (const r of file.resources) {
        const kind = keyOf(r);
        if (kind === 'VirtualService') c.addVs(r);
        else if (kind === 'Gateway' || kind === GATEWAY_API_GATEWAY) c.addGateway(r);
        else if (kind === 'DestinationRule') c.addDr(r);
        else if (kind === 'Service' || kind === 'ServiceEntry') for (const fqdn of hostsOf(r)) c.addHost(fqdn, r.namespace);
      }
      return c.selection();
    }
    case 'resource': {
      const file = host.file(scope.uri);
      const spot = file && spotAt(file, scope.position);
      if (!spot) return EMPTY;
      resourceScope(c, host, view, spot.resource);
      return c.selection();
    }
    case 'host': {
      const namespace = scope.namespace || host.settings.defaultNamespace;
      addHostScope(c, host, view, toFqdn(namespace, scope.host), namespace);
      return c.selection();
    }
  }
}
