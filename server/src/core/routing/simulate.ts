// The request simulator: which VirtualService serves a host for a gateway (or the mesh), which rule
// matches under Istio's first-match semantics, and where the request goes. It reads the same index
// and the same reference table as the graph, and names the graph's node and edge ids for highlighting.
import type { SimulatedRequest, SimulationResult } from '../../../../common/routing';
import { lookupHost, resolveExportTo, visibleTo } from '../index/host-table';
import { hostSubsetOf, hostsMatch, toFqdn } from '../index/hosts';
import { referenceSites, resolveSite } from '../index/references';
import { findGateway, gatewayServerHosts, parseGatewayName } from '../index/resolve-gateway';
import type { IndexView } from '../index/workspace-index';
import { stringMap } from '../index/workloads';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import { drawSelection, type GraphBuilder, isCatchAll, PROTOCOLS, vsHosts } from './graph';
import type { RoutingHost } from './host';
import { edgeId, fallthroughId, gatewayId, MESH_NODE, nsName, ruleId, ruleLabel, type RuleProtocol, serviceId, subsetId, virtualServiceId } from './ids';
import { gatewayNamed, httpMismatches, type NormalRequest, tcpMismatches, tlsMismatches } from './match-request';
import { httpActions, matchBlocks, matchText } from './rule-summary';
import { percentText } from './text';
import { mirrorPercent, routeShares } from './weights';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function specOf(resource: Resource): JsonObject {
  return isObject(resource.value.spec) ? resource.value.spec : {};
}

function invalid(message: string): SimulationResult {
  return { outcome: 'notFound', summary: message, steps: [message], destinations: [], mirrors: [], highlight: { nodes: [], edges: [] }, error: message };
}

/** Checks the client's request; a message when it cannot be simulated. */
export function parseRequest(input: unknown): SimulatedRequest | string {
  if (!isObject(input)) return 'No request given: enter at least a host.';
  const host = typeof input.host === 'string' ? input.host.trim() : '';
  if (!host) return 'No host given: enter the host the request is for (for example reviews or bookinfo.example.com).';
  if (input.port !== undefined && (typeof input.port !== 'number' || !Number.isInteger(input.port) || input.port < 1 || input.port > 65535)) return `Port ${JSON.stringify(input.port)} is not a port number (1 to 65535).`;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    host,
    path: typeof input.path === 'string' && input.path ? input.path : undefined,
    method: text(input.method),
    headers: isObject(input.headers) ? stringMap(input.headers) : undefined,
    port: input.port as number | undefined,
    sourceLabels: isObject(input.sourceLabels) ? stringMap(input.sourceLabels) : undefined,
    sourceNamespace: text(input.sourceNamespace),
    gateway: text(input.gateway),
  };
}

/** `reviews.bookinfo` and `reviews.bookinfo.svc` are the Service's names too (DNS search paths). */
function canonicalHost(view: IndexView, namespace: string, host: string): string {
  const parts = host.split('.');
  if (parts.length === 3 && parts[2] === 'svc') return `${host}.cluster.local`;
  if (parts.length === 2 && view.get('Service', parts[1], parts[0])) return `${host}.svc.cluster.local`;
  return toFqdn(namespace, host);
}

function normalize(view: IndexView, request: SimulatedRequest, defaultNamespace: string): { req: NormalRequest; gatewayRef?: { namespace: string; name: string } } {
  const sourceNamespace = request.sourceNamespace ?? defaultNamespace;
  let written = request.host.toLowerCase();
  let port = request.port;
  const colon = written.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(written.slice(colon + 1))) {
    port ??= Number(written.slice(colon + 1));
    written = written.slice(0, colon);
  }
  const gatewayText = request.gateway && request.gateway !== 'mesh' ? request.gateway : undefined;
  const gatewayRef = gatewayText ? parseGatewayName(gatewayText, sourceNamespace) : undefined;
  // From a sidecar, short names expand in the caller's namespace; at a gateway the Host header is literal.
  const host = gatewayRef ? written : canonicalHost(view, sourceNamespace, written);
  if (port === undefined) port = lookupHost(view, sourceNamespace, host)[0]?.ports[0]?.number;
  const rawPath = request.path ?? '/';
  const q = rawPath.indexOf('?');
  const query = new Map<string, string>();
  if (q >= 0) {
    for (const pair of rawPath.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      query.set(eq < 0 ? pair : pair.slice(0, eq), eq < 0 ? '' : pair.slice(eq + 1));
    }
  }
  const headers = new Map(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    req: {
      host,
      authority: written,
      path: q >= 0 ? rawPath.slice(0, q) : rawPath,
      query,
      method: request.method ?? 'GET',
      scheme: port === 443 ? 'https' : 'http',
      headers,
      port,
      sourceLabels: request.sourceLabels ?? {},
      sourceNamespace,
      gateway: gatewayRef ? `${gatewayRef.namespace}/${gatewayRef.name}` : 'mesh',
    },
    gatewayRef,
  };
}

interface Candidate {
  readonly vs: Resource;
  /** 0 for an exact host; else the length of the wildcard suffix (longer is more specific). */
  readonly rank: number;
  readonly written: string;
}

/** VirtualServices bound to the request's gateway (or the mesh), visible there, whose hosts name the host. */
function candidates(view: IndexView, req: NormalRequest, gatewayNamespace: string): Candidate[] {
  const out: Candidate[] = [];
  for (const vs of view.all('VirtualService')) {
    const hosts = vsHosts(vs);
    if (!hosts.length) continue;
    const spec = specOf(vs);
    const gateways = strings(spec.gateways);
    const bound = req.gateway === 'mesh' ? !gateways.length || gateways.includes('mesh') : gateways.some((g) => gatewayNamed(g, vs.namespace, req.gateway));
    if (!bound) continue;
    if (!visibleTo(resolveExportTo(strings(spec.exportTo), vs.namespace), req.gateway === 'mesh' ? req.sourceNamespace : gatewayNamespace)) continue;
    let best: Candidate | undefined;
    for (const h of hosts) {
      const fqdn = toFqdn(vs.namespace, h);
      if (fqdn === req.host) best = { vs, rank: 0, written: h };
      else if (fqdn.startsWith('*') && hostSubsetOf(req.host, fqdn)) {
        const rank = Number.MAX_SAFE_INTEGER - fqdn.length;
        if (!best || rank < best.rank) best = { vs, rank, written: h };
      }
    }
    if (best) out.push(best);
  }
  // Exact hosts first, then the longest wildcard; ties keep workspace order (istiod: the oldest wins).
  return out.map((c, i) => [c, i] as const).sort((a, b) => a[0].rank - b[0].rank || a[1] - b[1]).map(([c]) => c);
}

interface RuleMatch {
  /** The VirtualServices and rules walked to get there (root, then delegate). */
  readonly chain: readonly { vs: Resource; protocol: RuleProtocol; index: number }[];
  readonly rule: JsonObject;
  readonly ruleVs: Resource;
  readonly protocol: RuleProtocol;
  readonly index: number;
  readonly why: string;
}

type Mismatch = (match: JsonObject, req: NormalRequest, vsNamespace: string) => string[];
const MISMATCH: Record<RuleProtocol, Mismatch> = { http: httpMismatches, tls: tlsMismatches, tcp: tcpMismatches };

/** The first match block of a rule that matches (its text), or the reasons every block fails. */
function tryRule(protocol: RuleProtocol, rule: JsonObject, req: NormalRequest, vsNamespace: string): { matched: true; why: string } | { matched: false; reasons: string[] } {
  const blocks = matchBlocks(rule);
  if (!blocks.length) return { matched: true, why: 'no match conditions: it catches everything' };
  const reasons: string[] = [];
  for (const [j, block] of blocks.entries()) {
    const b = isObject(block) ? block : {};
    const failed = MISMATCH[protocol](b, req, vsNamespace);
    if (!failed.length) return { matched: true, why: matchText(b) };
    reasons.push(blocks.length > 1 ? `match ${j + 1}: ${failed.join('; ')}` : failed.join('; '));
  }
  return { matched: false, reasons };
}

function resolveDelegateVs(view: IndexView, vs: Resource, index: number): Resource | undefined {
  const site = referenceSites(vs).find((s) => s.rule.type === 'delegate' && s.path[2] === index);
  const target = site ? resolveSite(site, view).targets[0] : undefined;
  return target?.resource;
}

/** Walks rules in order; a delegate's rules replace the rule that delegates (both matches must hold). */
function firstMatch(view: IndexView, vs: Resource, protocol: RuleProtocol, req: NormalRequest, steps: string[], depth = 0): RuleMatch | undefined {
  const rules = Array.isArray(specOf(vs)[protocol]) ? (specOf(vs)[protocol] as unknown[]) : [];
  for (const [i, item] of rules.entries()) {
    const rule = isObject(item) ? item : {};
    const label = `${ruleLabel(protocol, i, rule.name)} of ${nsName(vs.namespace, vs.name)}`;
    const tried = tryRule(protocol, rule, req, vs.namespace);
    if (!tried.matched) {
      steps.push(`${label} does not match: ${tried.reasons.join(' | ')}`);
      continue;
    }
    if (protocol === 'http' && isObject(rule.delegate)) {
      const target = resolveDelegateVs(view, vs, i);
      if (!target || depth > 2) {
        steps.push(`${label} matches (${tried.why}) but its delegate VirtualService is not in the workspace; istiod drops the rule, so evaluation goes on`);
        continue;
      }
      steps.push(`${label} matches (${tried.why}) and delegates to VirtualService ${nsName(target.namespace, target.name)}`);
      const inner = firstMatch(view, target, 'http', req, steps, depth + 1);
      if (inner) return { ...inner, chain: [{ vs, protocol, index: i }, ...inner.chain], why: `${tried.why}, then ${inner.why}` };
      steps.push(`no rule of delegate ${nsName(target.namespace, target.name)} matches; evaluation goes on after ${label}`);
      continue;
    }
    steps.push(`${label} matches (${tried.why})`);
    return { chain: [{ vs, protocol, index: i }], rule, ruleVs: vs, protocol, index: i, why: tried.why };
  }
  return undefined;
}

function destinationNode(vs: Resource, destination: unknown): string | undefined {
  if (!isObject(destination) || typeof destination.host !== 'string' || !destination.host) return undefined;
  const fqdn = toFqdn(vs.namespace, destination.host);
  return typeof destination.subset === 'string' && destination.subset ? subsetId(fqdn, destination.subset) : serviceId(fqdn);
}

function shortNode(id: string): string {
  const body = id.slice(id.indexOf(':') + 1);
  if (id.startsWith('subset:')) {
    const slash = body.lastIndexOf('/');
    return `${body.slice(0, slash).split('.')[0]} ${body.slice(slash + 1)}`;
  }
  return body.split('.')[0];
}

class Highlight {
  readonly nodes: string[] = [];
  readonly edges: string[] = [];
  constructor(private readonly graph: GraphBuilder) {}
  done(): SimulationResult['highlight'] {
    return { nodes: this.nodes, edges: this.edges };
  }
  node(id: string): void {
    if (this.graph.hasNode(id) && !this.nodes.includes(id)) this.nodes.push(id);
  }
  edge(from: string, to: string, kind: Parameters<typeof edgeId>[2]): void {
    const id = edgeId(from, to, kind);
    if (this.graph.hasEdge(id) && !this.edges.includes(id)) this.edges.push(id);
  }
  /** A destination and the workloads behind it. */
  target(from: string, to: string, kind: 'route' | 'mirror'): void {
    this.node(to);
    this.edge(from, to, kind);
    for (const e of this.graph.edgesFrom(to, 'selects')) {
      this.node(e.to);
      this.edges.includes(e.id) || this.edges.push(e.id);
    }
  }
}

export function simulate(host: RoutingHost, input: unknown): SimulationResult {
  const parsed = parseRequest(input);
  if (typeof parsed === 'string') return invalid(parsed);
  const view = host.index().view();
  const { req, gatewayRef } = normalize(view, parsed, host.settings.defaultNamespace);
  const steps: string[] = [];
  const what = `${req.method} ${req.path}${req.query.size ? '?…' : ''} on ${req.authority}${req.port !== undefined ? `:${req.port}` : ''} from ${req.gateway}`;
  const gatewayNode = gatewayRef ? gatewayId(gatewayRef.namespace, gatewayRef.name) : MESH_NODE;

  if (gatewayRef) {
    const gateway = findGateway(view, { ...gatewayRef, form: 'qualified' });
    if (!gateway) steps.push(`Gateway ${req.gateway} is not in the workspace; assuming it accepts the host`);
    else if (gateway.group === 'networking.istio.io') {
      const servers = Array.isArray(specOf(gateway).servers) ? (specOf(gateway).servers as unknown[]) : [];
      const hostsOf = gatewayServerHosts(gateway);
      const serving = hostsOf.filter((s) => s.hosts.some((h) => hostsMatch(h.host, req.host) || h.host === '*'));
      const server = (i: number) => (isObject(servers[i]) ? (servers[i] as JsonObject) : {});
      const portOf = (i: number) => (isObject(server(i).port) ? (server(i).port as JsonObject).number : undefined);
      const onPort = req.port === undefined ? serving : serving.filter((s) => portOf(s.serverIndex) === req.port);
      if (!onPort.length) {
        const hosts = hostsOf.flatMap((s) => s.hosts.map((h) => h.raw));
        const where = serving.length ? `on port ${req.port}` : `for host ${req.host} (its hosts: ${hosts.join(', ') || 'none'})`;
        const summary = `${what}: Gateway ${req.gateway} has no server ${where}, so no route serves it → 404`;
        return { outcome: 'notFound', summary, steps: [...steps, summary], destinations: [], mirrors: [], highlight: { nodes: [gatewayNode], edges: [] } };
      }
      steps.push(`Gateway ${req.gateway} has a server for host ${req.host}${req.port === undefined ? '' : ` on port ${req.port}`}`);
      const tls = server(onPort[0].serverIndex).tls;
      if (req.port !== undefined && isObject(tls) && tls.httpsRedirect === true) {
        const summary = `${what}: the Gateway's server on port ${req.port} has httpsRedirect: 301 to https://${req.authority}${req.path}`;
        steps.push(summary);
        return { outcome: 'redirect', summary, steps, destinations: [], mirrors: [], highlight: { nodes: [gatewayNode], edges: [] } };
      }
    }
  } else {
    steps.push(`from a sidecar (mesh): the host is ${req.host}`);
  }

  const found = candidates(view, req, gatewayRef?.namespace ?? req.sourceNamespace);
  if (!found.length) return noVirtualService(host, view, req, what, steps, gatewayNode);
  const chosen = found[0];
  const vs = chosen.vs;
  steps.push(`VirtualService ${nsName(vs.namespace, vs.name)} serves it (host ${chosen.written}${chosen.rank ? ', a wildcard' : ''})`);
  const others = found.slice(1).filter((c) => c.rank === chosen.rank);
  if (others.length) steps.push(`also claimed by ${others.map((c) => nsName(c.vs.namespace, c.vs.name)).join(', ')}: istiod uses the oldest, taken here as the first in the workspace`);
  const less = found.slice(1).filter((c) => c.rank !== chosen.rank);
  if (less.length) steps.push(`less specific hosts lose: ${less.map((c) => `${nsName(c.vs.namespace, c.vs.name)} (${c.written})`).join(', ')}`);

  const graph = drawSelection(host, view, { virtualServices: [vs], gateways: [], destinationRules: [], hosts: [] });
  const hl = new Highlight(graph);
  const vsNode = virtualServiceId(vs);
  hl.node(gatewayNode);
  hl.node(vsNode);
  hl.edge(gatewayNode, vsNode, 'binds');

  const spec = specOf(vs);
  const present = PROTOCOLS.filter((p) => Array.isArray(spec[p]) && (spec[p] as unknown[]).length);
  let match: RuleMatch | undefined;
  if (present.includes('http')) {
    match = firstMatch(view, vs, 'http', req, steps);
  } else {
    if (present.length) steps.push('no HTTP rules: the request is taken as a connection (TLS rules by SNI, then TCP rules); the simulator does not model destination subnets');
    for (const protocol of present) {
      match = firstMatch(view, vs, protocol, req, steps);
      if (match) break;
    }
  }
  const virtualService = nsName(vs.namespace, vs.name);
  if (!match) {
    const fall = fallthroughId(vs);
    hl.node(fall);
    hl.edge(vsNode, fall, 'rule');
    const what404 = present.includes('http') ? 'no rule matches → 404' : 'no rule matches: the connection is not routed by it';
    return { outcome: 'notFound', summary: `${what}: VirtualService ${virtualService} serves the host but ${what404}`, steps, virtualService, destinations: [], mirrors: [], highlight: hl.done() };
  }

  // The path through the graph: VirtualService → rule → delegate VirtualService → rule …
  let from = vsNode;
  for (const [k, step] of match.chain.entries()) {
    const id = ruleId(step.vs, step.protocol, step.index);
    hl.node(virtualServiceId(step.vs));
    if (k > 0) hl.edge(from, virtualServiceId(step.vs), 'delegate');
    hl.edge(virtualServiceId(step.vs), id, 'rule');
    hl.node(id);
    from = id;
  }
  const rule = ruleId(match.ruleVs, match.protocol, match.index);
  const ruleText = `${ruleLabel(match.protocol, match.index, match.rule.name)} of VirtualService ${nsName(match.ruleVs.namespace, match.ruleVs.name)}`;
  const head = `${what}: ${ruleText} matches (${match.why})`;
  const actions = match.protocol === 'http' ? httpActions(match.rule) : [];
  for (const a of actions) if (a.label !== 'delegate') steps.push(`${a.label}: ${a.value}`);
  if (match.chain.length > 1 && isCatchAll(match.rule)) steps.push('the delegate rule has no match of its own; the root rule\'s match applies');

  if (match.protocol === 'http' && isObject(match.rule.redirect)) {
    const redirect = actions.find((a) => a.label === 'redirect');
    return { outcome: 'redirect', summary: `${head}; redirect ${redirect?.value ?? ''}`.trim(), steps, virtualService, rule, destinations: [], mirrors: [], highlight: hl.done() };
  }
  if (match.protocol === 'http' && isObject(match.rule.directResponse)) {
    const response = actions.find((a) => a.label === 'direct response');
    return { outcome: 'directResponse', summary: `${head}; direct response ${response?.value ?? ''}`.trim(), steps, virtualService, rule, destinations: [], mirrors: [], highlight: hl.done() };
  }

  const routes = Array.isArray(match.rule.route) ? match.rule.route : [];
  const { shares, note } = routeShares(routes);
  if (note) steps.push(note);
  const destinations: { node: string; weight: number; port?: number }[] = [];
  routes.forEach((r, j) => {
    const node = isObject(r) ? destinationNode(match.ruleVs, r.destination) : undefined;
    if (!node) return;
    const d = isObject(r) && isObject(r.destination) ? r.destination : {};
    const port = isObject(d.port) && typeof d.port.number === 'number' ? d.port.number : undefined;
    destinations.push(port === undefined ? { node, weight: shares[j].percent } : { node, weight: shares[j].percent, port });
    hl.target(rule, node, 'route');
  });
  const mirrors: { node: string; percentage: number }[] = [];
  if (match.protocol === 'http') {
    const r = match.rule;
    const single = isObject(r.mirror) ? destinationNode(match.ruleVs, r.mirror) : undefined;
    if (single) mirrors.push({ node: single, percentage: mirrorPercent(r.mirrorPercentage) });
    for (const m of Array.isArray(r.mirrors) ? r.mirrors : []) {
      const node = isObject(m) ? destinationNode(match.ruleVs, m.destination) : undefined;
      if (node && isObject(m)) mirrors.push({ node, percentage: mirrorPercent(m.percentage) });
    }
    for (const m of mirrors) hl.target(rule, m.node, 'mirror');
  }
  const to = destinations.length ? destinations.map((d) => `${percentText(d.weight)} to ${shortNode(d.node)}`).join(', ') : 'no destination';
  const mirrored = mirrors.length ? `; mirrors ${mirrors.map((m) => `${percentText(m.percentage)} to ${shortNode(m.node)}`).join(', ')}` : '';
  const fault = actions.filter((a) => a.label === 'fault').map((a) => a.value);
  const faults = fault.length ? `; fault injection: ${fault.join(', ')}` : '';
  return { outcome: 'routed', summary: `${head}; ${to}${mirrored}${faults}`, steps, virtualService, rule, destinations, mirrors, highlight: hl.done() };
}

function noVirtualService(host: RoutingHost, view: IndexView, req: NormalRequest, what: string, steps: string[], gatewayNode: string): SimulationResult {
  if (req.gateway !== 'mesh') {
    const summary = `${what}: no VirtualService bound to Gateway ${req.gateway} serves host ${req.host} → 404`;
    steps.push(summary);
    return { outcome: 'noVirtualService', summary, steps, destinations: [], mirrors: [], highlight: { nodes: [gatewayNode], edges: [] } };
  }
  const entries = lookupHost(view, req.sourceNamespace, req.host);
  const graph = drawSelection(host, view, { virtualServices: [], gateways: [], destinationRules: [], hosts: [{ fqdn: req.host, namespace: req.sourceNamespace }] });
  const hl = new Highlight(graph);
  const node = serviceId(req.host);
  hl.node(gatewayNode);
  hl.target(gatewayNode, node, 'route');
  if (!entries.length) {
    const summary = `${what}: no VirtualService serves ${req.host}, and no Service or ServiceEntry in the workspace defines it: the sidecar passes the request through to the original destination, or blocks it under REGISTRY_ONLY`;
    steps.push(summary);
    return { outcome: 'noVirtualService', summary, steps, destinations: [], mirrors: [], highlight: hl.done() };
  }
  const owner = entries[0].resource;
  const summary = `${what}: no VirtualService serves ${req.host}; the request goes straight to ${owner.kind} ${nsName(owner.namespace, owner.name)} (every endpoint, with its DestinationRule's traffic policy)`;
  steps.push(summary);
  return { outcome: 'noVirtualService', summary, steps, destinations: [req.port === undefined ? { node, weight: 100 } : { node, weight: 100, port: req.port }], mirrors: [], highlight: hl.done() };
}
