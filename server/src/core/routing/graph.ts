// The routing graph: Gateways → VirtualServices → rules → services and subsets → workloads, built from
// the workspace index. Every edge target is resolved through THE reference table (`referenceSites` and
// `resolveSite`), so the graph and the unknown-reference analyzers cannot disagree; a reference that
// does not resolve (where the workspace could hold its target) is broken, with the analyzer's message.
import type { RoutingDetail, RoutingEdge, RoutingEdgeKind, RoutingGraph, RoutingLocation, RoutingNode, RoutingNodeKind, RoutingScope, RoutingState } from '../../../../common/routing';
import { ALL_ANALYZERS } from '../analyzers/registry';
import { locationOf } from '../features/reference-places';
import { lookupHost, type HostEntry } from '../index/host-table';
import { toFqdn } from '../index/hosts';
import { referenceSites, resolveSite, type ReferenceSite, type Resolution } from '../index/references';
import { destinationRulesFor, subsetsOf } from '../index/resolve-destination';
import { MESH_GATEWAY, parseGatewayName } from '../index/resolve-gateway';
import { keyOf, type IndexView } from '../index/workspace-index';
import { stringMap, workloadOf, type Workload } from '../index/workloads';
import { reachabilityFindings } from '../istio/validation/unreachable-rules';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import type { Range } from '../types';
import type { FieldPath } from '../yaml/path';
import type { RoutingHost } from './host';
import { edgeId, fallthroughId, gatewayId, MESH_NODE, nsName, ordinal, ruleId, ruleLabel, type RuleProtocol, serviceId, subsetId, virtualServiceId, workloadId } from './ids';
import { matchBlocks, matchConditions, ruleDetails, ruleSublabel } from './rule-summary';
import type { Selection } from './scope';
import { gatewayDetails, serviceDetails, subsetDetails } from './subset-details';
import { labelsText } from './text';
import { mirrorPercent, routeShares, shareText } from './weights';

/** Drawings beyond this many nodes are cut (the rest is counted in `omitted`). */
export const NODE_LIMIT = 400;

export const PROTOCOLS: readonly RuleProtocol[] = ['http', 'tls', 'tcp'];

const COLUMN: Record<RoutingNodeKind, number> = { gateway: 0, virtualService: 1, rule: 2, fallthrough: 2, service: 3, subset: 3, workload: 4 };

/** Codes of the analyzers that report references that do not resolve: their messages name broken edges. */
const REFERENCE_CODES = new Set(ALL_ANALYZERS.filter((a) => a.category === 'reference').map((a) => a.code));

interface MutableNode {
  id: string;
  kind: RoutingNodeKind;
  label: string;
  sublabel?: string;
  details: RoutingDetail[];
  location?: RoutingLocation;
  state: RoutingState;
  problems: string[];
}

interface MutableEdge {
  id: string;
  from: string;
  to: string;
  kind: RoutingEdgeKind;
  label?: string;
  weight?: number;
  state: RoutingState;
  problems: string[];
}

/** A reference's outcome: resolved, broken (with the analyzers' messages) or undecidable (target kind absent). */
interface Outcome {
  readonly site?: ReferenceSite;
  readonly resolution?: Resolution;
  readonly broken: boolean;
  readonly problems: string[];
}

function pathKey(path: FieldPath): string {
  return path.join('\u0000');
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function specOf(resource: Resource): JsonObject {
  return isObject(resource.value.spec) ? resource.value.spec : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** A VirtualService's hosts; a VirtualService without hosts can only be a delegate. */
export function vsHosts(vs: Resource): string[] {
  return strings(specOf(vs).hosts);
}

/** A match block every request satisfies: no conditions, or only `uri: {prefix: /}` (every path starts with `/`). */
function matchesEverything(block: unknown): boolean {
  if (!isObject(block)) return false;
  const conditions = matchConditions(block);
  return conditions.length === 0 || (conditions.length === 1 && isObject(block.uri) && block.uri.prefix === '/');
}

/** A rule that catches every request: no match, or a match block that every request satisfies. */
export function isCatchAll(rule: JsonObject): boolean {
  const blocks = matchBlocks(rule);
  return !blocks.length || blocks.some(matchesEverything);
}

export class GraphBuilder {
  private readonly nodes = new Map<string, MutableNode>();
  private readonly edges = new Map<string, MutableEdge>();
  private readonly diagnostics = new Map<string, ReturnType<RoutingHost['diagnostics']>>();
  private readonly doneVs = new Set<Resource>();
  private readonly doneDr = new Set<Resource>();
  private readonly pendingDelegates: Resource[] = [];

  constructor(
    private readonly host: RoutingHost,
    readonly view: IndexView,
    private readonly limit = NODE_LIMIT,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Output

  graph(scope: RoutingScope): RoutingGraph {
    const limit = this.limit;
    let nodes = [...this.nodes.values()];
    let omitted: number | undefined;
    if (nodes.length > limit) {
      // Insertion order follows the selection one VirtualService at a time, so a cut keeps whole routes.
      omitted = nodes.length - limit;
      nodes = nodes.slice(0, limit);
    }
    const kept = new Set(nodes.map((n) => n.id));
    const sorted = nodes.map((n, i) => [n, i] as const).sort((a, b) => COLUMN[a[0].kind] - COLUMN[b[0].kind] || a[1] - b[1]);
    const column = new Map(nodes.map((n) => [n.id, COLUMN[n.kind]]));
    // Edges read left to right: bindings, rules, routes, then workloads.
    const edges = [...this.edges.values()]
      .filter((e) => kept.has(e.from) && kept.has(e.to))
      .map((e, i) => [e, i] as const)
      .sort((a, b) => (column.get(a[0].from) ?? 0) - (column.get(b[0].from) ?? 0) || a[1] - b[1])
      .map(([e]) => e);
    return {
      scope,
      nodes: sorted.map(([n]) => finishNode(n)),
      edges: edges.map(finishEdge),
      ...(omitted ? { omitted } : {}),
    };
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  hasEdge(id: string): boolean {
    return this.edges.has(id);
  }

  edgesFrom(id: string, kind: RoutingEdgeKind): RoutingEdge[] {
    return [...this.edges.values()].filter((e) => e.from === id && e.kind === kind).map(finishEdge);
  }

  // -------------------------------------------------------------------------------------------
  // Nodes and edges

  private node(node: Omit<MutableNode, 'problems' | 'details'> & { details?: RoutingDetail[]; problems?: string[] }): MutableNode {
    const existing = this.nodes.get(node.id);
    if (existing) {
      // The same missing target named twice collects every message; a node that exists stays clean (a
      // referrer that cannot see it has a broken edge instead).
      if (existing.state === 'broken') for (const p of node.problems ?? []) if (!existing.problems.includes(p)) existing.problems.push(p);
      return existing;
    }
    const created: MutableNode = { ...node, details: node.details ?? [], problems: [...(node.problems ?? [])] };
    this.nodes.set(node.id, created);
    return created;
  }

  private edge(from: string, to: string, kind: RoutingEdgeKind, extra: { label?: string; weight?: number; broken?: boolean; problems?: readonly string[] } = {}): void {
    const id = edgeId(from, to, kind);
    const existing = this.edges.get(id);
    if (existing) {
      // Two route entries to the same destination (different ports, say) share one edge.
      if (extra.weight !== undefined) existing.weight = (existing.weight ?? 0) + extra.weight;
      if (extra.label && existing.label !== extra.label) existing.label = existing.label ? `${existing.label} + ${extra.label}` : extra.label;
      if (extra.broken) existing.state = 'broken';
      for (const p of extra.problems ?? []) if (!existing.problems.includes(p)) existing.problems.push(p);
      return;
    }
    this.edges.set(id, { id, from, to, kind, label: extra.label, weight: extra.weight, state: extra.broken ? 'broken' : 'ok', problems: [...(extra.problems ?? [])] });
  }

  private location(resource: Resource, path: FieldPath): RoutingLocation | undefined {
    return locationOf(this.host, resource, path);
  }

  /** Messages of the reference analyzers at a field, so a broken edge says exactly what the diagnostic says. */
  private problemsAt(resource: Resource, path: FieldPath): string[] {
    // Past the drawing limit nodes are cut anyway: skip the diagnostics (a cold file's full analysis).
    if (this.nodes.size >= this.limit) return [];
    const at = this.location(resource, path);
    if (!at) return [];
    let diagnostics = this.diagnostics.get(resource.uri);
    if (!diagnostics) this.diagnostics.set(resource.uri, (diagnostics = this.host.diagnostics(resource.uri)));
    return [...new Set(diagnostics.filter((d) => REFERENCE_CODES.has(d.code) && overlaps(d.range, at.range)).map((d) => d.message))];
  }

  /** Resolves one site of the reference table; broken only when the workspace could hold its target. */
  private resolve(resource: Resource, sites: ReadonlyMap<string, ReferenceSite>, path: FieldPath, fallback: string): Outcome {
    const site = sites.get(pathKey(path));
    if (!site) return { broken: false, problems: [] };
    const resolution = resolveSite(site, this.view);
    const broken = !resolution.builtIn && !resolution.targets.length && resolution.decidable;
    if (!broken) return { site, resolution, broken, problems: [] };
    const problems = this.problemsAt(resource, path);
    return { site, resolution, broken, problems: problems.length ? problems : [fallback] };
  }

  // -------------------------------------------------------------------------------------------
  // Gateways

  meshNode(): string {
    this.node({ id: MESH_NODE, kind: 'gateway', label: 'mesh', sublabel: 'sidecars', details: [{ label: 'gateway', value: 'every sidecar of the mesh (mesh)' }], state: 'ok' });
    return MESH_NODE;
  }

  gatewayNode(gateway: Resource): string {
    const id = gatewayId(gateway.namespace, gateway.name);
    const apiGateway = gateway.group !== 'networking.istio.io';
    this.node({
      id,
      kind: 'gateway',
      label: gateway.name,
      sublabel: apiGateway ? `${gateway.namespace} · Gateway API` : gateway.namespace,
      details: [{ label: 'namespace', value: gateway.namespace }, ...gatewayDetails(gateway)],
      location: this.location(gateway, ['metadata', 'name']),
      state: 'ok',
    });
    return id;
  }

  // -------------------------------------------------------------------------------------------
  // VirtualServices

  /** Draws a VirtualService and everything it routes to, then the delegates it names. */
  virtualService(vs: Resource): string {
    const id = this.drawVirtualService(vs);
    // Delegates come after their root, so each VirtualService's rules stay together in reading order.
    for (let next = this.pendingDelegates.shift(); next; next = this.pendingDelegates.shift()) this.drawVirtualService(next);
    return id;
  }

  private drawVirtualService(vs: Resource): string {
    const id = virtualServiceId(vs);
    if (this.doneVs.has(vs)) return id;
    this.doneVs.add(vs);
    const spec = specOf(vs);
    const hosts = vsHosts(vs);
    const gateways = strings(spec.gateways);
    const details: RoutingDetail[] = [{ label: 'namespace', value: vs.namespace }];
    details.push({ label: 'hosts', value: hosts.length ? hosts.join(', ') : '(none: a delegate, used through another VirtualService)' });
    if (hosts.length) details.push({ label: 'gateways', value: gateways.length ? gateways.join(', ') : 'mesh (default)' });
    const exportTo = strings(spec.exportTo);
    if (exportTo.length) details.push({ label: 'exportTo', value: exportTo.join(', ') });
    this.node({
      id,
      kind: 'virtualService',
      label: vs.name,
      sublabel: hosts.length ? hosts.join(', ') : 'delegate',
      details,
      location: this.location(vs, ['metadata', 'name']),
      state: 'ok',
    });
    const sites = new Map(referenceSites(vs).map((s) => [pathKey(s.path), s]));
    // A delegate (no hosts) is bound through its root; gateways written on it are ignored by istiod.
    if (hosts.length) this.bindings(vs, id, gateways, sites);
    const reach = reachabilityFindings(spec);
    for (const protocol of PROTOCOLS) {
      const rules = Array.isArray(spec[protocol]) ? (spec[protocol] as unknown[]) : [];
      rules.forEach((rule, i) => {
        if (isObject(rule)) this.rule(vs, id, protocol, rule, i, sites, reach);
      });
    }
    const http = Array.isArray(spec.http) ? spec.http.filter(isObject) : [];
    if (hosts.length && http.length && !http.some(isCatchAll)) {
      const fall = fallthroughId(vs);
      this.node({
        id: fall,
        kind: 'fallthrough',
        label: 'no rule matches → 404',
        sublabel: 'HTTP 404 (no route)',
        details: [{ label: 'response', value: 'a request no rule matches gets 404 Not Found from Envoy (no route)' }],
        state: 'ok',
      });
      this.edge(id, fall, 'rule', { label: 'otherwise' });
    }
    return id;
  }

  private bindings(vs: Resource, id: string, gateways: readonly string[], sites: ReadonlyMap<string, ReferenceSite>): void {
    if (!gateways.length) {
      this.edge(this.meshNode(), id, 'binds');
      return;
    }
    gateways.forEach((name, i) => {
      if (name === MESH_GATEWAY) {
        this.edge(this.meshNode(), id, 'binds');
        return;
      }
      const path = ['spec', 'gateways', i];
      const ref = parseGatewayName(name, vs.namespace);
      const outcome = this.resolve(vs, sites, path, `Gateway '${name}' not found`);
      const target = outcome.resolution?.targets[0];
      if (target) {
        this.edge(this.gatewayNode(target.resource), id, 'binds');
        return;
      }
      // Not in the workspace: drawn from the name, red when the workspace could hold it.
      const gid = gatewayId(ref.namespace, ref.name);
      this.node({
        id: gid,
        kind: 'gateway',
        label: ref.name,
        sublabel: ref.namespace,
        details: [{ label: 'gateway', value: outcome.broken ? 'not found in the workspace' : 'not in the workspace (it holds no Gateways; it may be defined elsewhere)' }],
        state: outcome.broken ? 'broken' : 'ok',
        problems: outcome.problems,
      });
      this.edge(gid, id, 'binds', { broken: outcome.broken, problems: outcome.problems });
    });
  }

  private rule(vs: Resource, vsId: string, protocol: RuleProtocol, rule: JsonObject, i: number, sites: ReadonlyMap<string, ReferenceSite>, reach: ReturnType<typeof reachabilityFindings>): void {
    const id = ruleId(vs, protocol, i);
    const rulePath = ['spec', protocol, i];
    const unreachable = reach.filter((f) => f.kind === 'unreachable' && pathKey(f.path) === pathKey(rulePath)).map((f) => f.message);
    const ineffective = reach.filter((f) => f.kind === 'ineffective' && f.path.length > 3 && pathKey(f.path.slice(0, 3)) === pathKey(rulePath)).map((f) => f.message);
    const details = ruleDetails(protocol, rule);
    for (const message of ineffective) details.push({ label: 'never used', value: message });
    this.node({
      id,
      kind: 'rule',
      label: ruleLabel(protocol, i, rule.name),
      sublabel: ruleSublabel(protocol, rule),
      details,
      location: this.location(vs, rulePath),
      state: unreachable.length ? 'unreachable' : 'ok',
      problems: unreachable,
    });
    this.edge(vsId, id, 'rule', { label: ordinal(i + 1) });

    const routes = Array.isArray(rule.route) ? rule.route : [];
    const { shares } = routeShares(routes);
    routes.forEach((route, j) => {
      if (!isObject(route)) return;
      this.destination(vs, id, [...rulePath, 'route', j, 'destination'], sites, 'route', shares[j].percent, shareText(shares[j]));
    });
    if (protocol !== 'http') return;
    if (isObject(rule.mirror)) {
      const percent = mirrorPercent(rule.mirrorPercentage);
      this.destination(vs, id, [...rulePath, 'mirror'], sites, 'mirror', percent, `mirror ${shareText({ percent })}`);
    }
    const mirrors = Array.isArray(rule.mirrors) ? rule.mirrors : [];
    mirrors.forEach((m, k) => {
      if (!isObject(m)) return;
      const percent = mirrorPercent(m.percentage);
      this.destination(vs, id, [...rulePath, 'mirrors', k, 'destination'], sites, 'mirror', percent, `mirror ${shareText({ percent })}`);
    });
    if (isObject(rule.delegate)) this.delegate(vs, id, rulePath, rule.delegate, sites);
  }

  private delegate(vs: Resource, ruleNode: string, rulePath: FieldPath, delegate: JsonObject, sites: ReadonlyMap<string, ReferenceSite>): void {
    if (typeof delegate.name !== 'string' || !delegate.name) return;
    const namespace = typeof delegate.namespace === 'string' && delegate.namespace ? delegate.namespace : vs.namespace;
    const outcome = this.resolve(vs, sites, [...rulePath, 'delegate', 'name'], `delegate VirtualService ${nsName(namespace, delegate.name)} not found`);
    const target = outcome.resolution?.targets[0];
    if (target) {
      this.pendingDelegates.push(target.resource);
      this.edge(ruleNode, virtualServiceId(target.resource), 'delegate');
      return;
    }
    const id = virtualServiceId({ namespace, name: delegate.name });
    this.node({
      id,
      kind: 'virtualService',
      label: delegate.name,
      sublabel: 'delegate',
      details: [{ label: 'delegate', value: outcome.broken ? 'not found in the workspace' : 'not in the workspace (it may be defined elsewhere)' }],
      state: outcome.broken ? 'broken' : 'ok',
      problems: outcome.problems,
    });
    this.edge(ruleNode, id, 'delegate', { broken: outcome.broken, problems: outcome.problems });
  }

  // -------------------------------------------------------------------------------------------
  // Destinations

  /** A route or mirror destination: host (→ service node), subset (→ subset node), port (edge label). */
  private destination(vs: Resource, ruleNode: string, path: FieldPath, sites: ReadonlyMap<string, ReferenceSite>, kind: 'route' | 'mirror', weight: number, label: string): void {
    const destination = valueOf(vs, path);
    if (!isObject(destination) || typeof destination.host !== 'string' || !destination.host) return;
    const written = destination.host;
    const fqdn = toFqdn(vs.namespace, written);
    const hostOutcome = this.resolve(vs, sites, [...path, 'host'], `host '${written}' not found`);
    const port = isObject(destination.port) && typeof destination.port.number === 'number' ? destination.port.number : undefined;
    const portOutcome = port === undefined ? undefined : this.resolve(vs, sites, [...path, 'port', 'number'], `port ${port} not found on ${fqdn}`);
    // A route to a subset goes to the subset node (which names its host); the host's own node is for
    // routes without a subset.
    let target: string;
    let subsetOutcome: Outcome | undefined;
    if (typeof destination.subset === 'string' && destination.subset) {
      subsetOutcome = this.resolve(vs, sites, [...path, 'subset'], `subset '${destination.subset}' not found for host ${fqdn}`);
      target = this.subsetNode(fqdn, destination.subset, subsetOutcome, hostOutcome);
    } else {
      target = this.serviceNode(fqdn, lookupHost(this.view, vs.namespace, written), destinationRulesFor(this.view, vs.namespace, written), hostOutcome);
    }
    const outcomes = [hostOutcome, subsetOutcome, portOutcome].filter((o): o is Outcome => !!o);
    const problems = outcomes.flatMap((o) => o.problems);
    this.edge(ruleNode, target, kind, {
      label: port === undefined ? label : `${label} · port ${port}`,
      weight,
      broken: outcomes.some((o) => o.broken),
      problems,
    });
  }

  serviceNode(fqdn: string, entries: readonly HostEntry[], rules: readonly { rule: Resource; wildcard: boolean }[], outcome?: Outcome): string {
    const id = serviceId(fqdn);
    const existing = this.nodes.get(id);
    if (existing) {
      // Another referrer's messages for a host that no resource defines.
      if (outcome?.broken && existing.state === 'broken') this.node({ id, kind: 'service', label: fqdn, state: 'broken', problems: outcome.problems });
      return id;
    }
    const exact = entries.filter((e) => !e.host.startsWith('*'));
    const shown = exact.length ? exact : [...entries];
    const first = shown[0];
    const sublabel = first ? `${first.resource.kind} ${nsName(first.resource.namespace, first.resource.name)}` : outcome?.broken ? 'unknown host' : 'not in the workspace';
    const details = serviceDetails(shown, rules.filter((r) => !r.wildcard || !rules.some((x) => !x.wildcard)).map((r) => r.rule));
    if (!first) details.push({ label: 'host', value: outcome?.broken ? 'no Service or ServiceEntry in the workspace defines it' : 'the workspace holds no Services or ServiceEntries; it may be defined elsewhere' });
    this.node({
      id,
      kind: 'service',
      label: fqdn,
      sublabel,
      details,
      location: first ? this.location(first.resource, first.path) : undefined,
      state: !first && outcome?.broken ? 'broken' : 'ok',
      problems: !first ? (outcome?.problems ?? []) : [],
    });
    for (const entry of shown) this.hostWorkloads(id, entry);
    return id;
  }

  private subsetNode(fqdn: string, name: string, outcome: Outcome, hostOutcome: Outcome): string {
    const id = subsetId(fqdn, name);
    const target = outcome.resolution?.targets[0];
    if (target) {
      this.subsetOf(target.resource, target.path[2] as number, fqdn);
      return id;
    }
    // The unknown-subset analyzer stays quiet when the host itself is unknown: that is the problem to show.
    const broken = outcome.broken || hostOutcome.broken;
    const problems = outcome.broken ? outcome.problems : hostOutcome.problems;
    this.node({
      id,
      kind: 'subset',
      label: name,
      sublabel: fqdn,
      details: [{ label: 'subset', value: broken ? 'no DestinationRule for the host defines it' : 'not in the workspace (it holds no DestinationRules)' }],
      state: broken ? 'broken' : 'ok',
      problems: broken ? problems : [],
    });
    return id;
  }

  /** A DestinationRule subset and the workloads it selects. `fqdn` names it as routes do. */
  private subsetOf(dr: Resource, index: number, fqdn: string): string {
    const subsets = Array.isArray(specOf(dr).subsets) ? (specOf(dr).subsets as unknown[]) : [];
    const subset = isObject(subsets[index]) ? (subsets[index] as JsonObject) : {};
    const name = typeof subset.name === 'string' ? subset.name : '?';
    const id = subsetId(fqdn, name);
    if (this.nodes.has(id)) return id;
    this.node({
      id,
      kind: 'subset',
      label: name,
      sublabel: fqdn,
      details: subsetDetails(dr, subset),
      location: this.location(dr, ['spec', 'subsets', index]),
      state: 'ok',
    });
    this.subsetWorkloads(id, dr, index);
    return id;
  }

  /** Every subset of a DestinationRule (file and workspace scopes show them even when no route uses them). */
  destinationRule(dr: Resource): void {
    if (this.doneDr.has(dr)) return;
    this.doneDr.add(dr);
    const host = specOf(dr).host;
    if (typeof host !== 'string' || !host) return;
    const fqdn = toFqdn(dr.namespace, host);
    for (const subset of subsetsOf(dr)) this.subsetOf(dr, subset.path[2] as number, fqdn);
  }

  // -------------------------------------------------------------------------------------------
  // Workloads

  private workloadNode(workload: Workload): string {
    const id = workloadId(workload.resource);
    this.node({
      id,
      kind: 'workload',
      label: workload.resource.name,
      sublabel: `${workload.resource.kind} · ${workload.namespace}`,
      details: [
        { label: 'kind', value: workload.resource.kind },
        { label: 'namespace', value: workload.namespace },
        { label: 'labels', value: labelsText(workload.labels) || '(none)' },
        { label: 'service account', value: workload.serviceAccount },
      ],
      location: this.location(workload.resource, ['metadata', 'name']),
      state: 'ok',
    });
    return id;
  }

  /**
   * Workloads behind a host: a Service's selector in its namespace, a ServiceEntry's workloadSelector
   * (a selector row of the reference table).
   */
  private hostWorkloads(nodeId: string, entry: HostEntry): void {
    for (const w of this.entryWorkloads(entry)) this.edge(nodeId, this.workloadNode(w), 'selects');
  }

  private entryWorkloads(entry: HostEntry): Workload[] {
    const resource = entry.resource;
    if (keyOf(resource) === 'Service') {
      const selector = stringMap(specOf(resource).selector);
      // A Service without a selector has no endpoints Kubernetes manages.
      if (!Object.keys(selector).length) return [];
      return this.view.workloadsWith(selector).filter((w) => w.namespace === resource.namespace);
    }
    const site = referenceSites(resource).find((s) => s.rule.type === 'selector');
    return site ? this.selected(site) : [];
  }

  /** Workloads a selector site selects, as the reference table resolves it. */
  private selected(site: ReferenceSite): Workload[] {
    const targets = resolveSite(site, this.view).targets;
    return targets.map((t) => workloadOf(t.resource)).filter((w): w is Workload => !!w);
  }

  /**
   * Workloads of a subset: the subset's labels (a selector row of the reference table), among the
   * endpoints of the host: a subset of `reviews` with `version: v1` does not select `ratings-v1`.
   */
  private subsetWorkloads(nodeId: string, dr: Resource, index: number): void {
    const host = specOf(dr).host;
    const entries = typeof host === 'string' ? lookupHost(this.view, dr.namespace, host).filter((e) => !e.host.startsWith('*')) : [];
    const ofHost = entries.length ? new Set(entries.flatMap((e) => this.entryWorkloads(e)).map((w) => w.resource)) : undefined;
    const site = referenceSites(dr).find((s) => s.rule.type === 'selector' && s.path[2] === index);
    const workloads = site ? this.selected(site) : ofHost ? [...ofHost].map(workloadOf).filter((w): w is Workload => !!w) : [];
    for (const w of workloads) if (!ofHost || ofHost.has(w.resource)) this.edge(nodeId, this.workloadNode(w), 'selects');
  }
}

function valueOf(resource: Resource, path: FieldPath): unknown {
  let value: unknown = resource.value;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObject(value) ? value[segment] : undefined;
  }
  return value;
}

function finishNode(n: MutableNode): RoutingNode {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    ...(n.sublabel !== undefined ? { sublabel: n.sublabel } : {}),
    details: n.details,
    ...(n.location ? { location: n.location } : {}),
    state: n.state,
    ...(n.problems.length ? { problems: n.problems } : {}),
  };
}

function finishEdge(e: MutableEdge): RoutingEdge {
  return {
    id: e.id,
    from: e.from,
    to: e.to,
    kind: e.kind,
    ...(e.label !== undefined ? { label: e.label } : {}),
    ...(e.weight !== undefined ? { weight: e.weight } : {}),
    state: e.state,
    ...(e.problems.length ? { problems: e.problems } : {}),
  };
}

/** Draws a selection: its VirtualServices (with everything they reach), Gateways, DestinationRules and hosts. */
export function drawSelection(host: RoutingHost, view: IndexView, selection: Selection): GraphBuilder {
  const builder = new GraphBuilder(host, view);
  for (const vs of selection.virtualServices) builder.virtualService(vs);
  for (const gateway of selection.gateways) builder.gatewayNode(gateway);
  for (const dr of selection.destinationRules) builder.destinationRule(dr);
  for (const { fqdn, namespace } of selection.hosts) builder.serviceNode(fqdn, lookupHost(view, namespace, fqdn), destinationRulesFor(view, namespace, fqdn));
  return builder;
}
