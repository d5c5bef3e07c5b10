// Validates every message the webview receives from the extension before anything is drawn from it.
// Pure: no DOM, so the vitest tier tests it directly.
import type { ToWebviewMessage } from '../../common/routing-messages';
import type { RoutingDetail, RoutingEdge, RoutingGraph, RoutingLocation, RoutingNode, RoutingScope, SimulationResult } from '../../common/routing';
import { Invalid, list, num, oneOf, optionalNum, optionalText, record, scopeChoice, text } from '../shared/validate';

export { Invalid } from '../shared/validate';

/** Drawing limits: far above the server's own limit, low enough that a bad message cannot freeze the page. */
const MAX_NODES = 2000;
const MAX_EDGES = 8000;

const NODE_KINDS = ['gateway', 'virtualService', 'rule', 'fallthrough', 'service', 'subset', 'workload'] as const;
const EDGE_KINDS = ['binds', 'rule', 'route', 'mirror', 'delegate', 'selects'] as const;
const STATES = ['ok', 'broken', 'unreachable'] as const;
const OUTCOMES = ['routed', 'redirect', 'directResponse', 'notFound', 'noVirtualService'] as const;

function position(v: unknown, what: string): { line: number; character: number } {
  const r = record(v, what);
  return { line: num(r.line, `${what}.line`, 0), character: num(r.character, `${what}.character`, 0) };
}

function location(v: unknown, what: string): RoutingLocation {
  const r = record(v, what);
  const range = record(r.range, `${what}.range`);
  return { uri: text(r.uri, `${what}.uri`, 4000), range: { start: position(range.start, `${what}.start`), end: position(range.end, `${what}.end`) } };
}

function scope(v: unknown, what: string): RoutingScope {
  const r = record(v, what);
  const kind = oneOf(r.kind, ['resource', 'file', 'host', 'workspace'] as const, `${what}.kind`);
  switch (kind) {
    case 'resource':
      return { kind, uri: text(r.uri, `${what}.uri`, 4000), position: position(r.position, `${what}.position`) };
    case 'file':
      return { kind, uri: text(r.uri, `${what}.uri`, 4000) };
    case 'host': {
      const namespace = optionalText(r.namespace, `${what}.namespace`, 253);
      return namespace === undefined ? { kind, host: text(r.host, `${what}.host`, 1000) } : { kind, host: text(r.host, `${what}.host`, 1000), namespace };
    }
    case 'workspace':
      return { kind };
  }
}

function problems(v: unknown, what: string): string[] | undefined {
  return v === undefined ? undefined : list(v, what, 50, (x, w) => text(x, w));
}

function detail(v: unknown, what: string): RoutingDetail {
  const r = record(v, what);
  return { label: text(r.label, `${what}.label`, 200), value: text(r.value, `${what}.value`) };
}

function node(v: unknown, what: string): RoutingNode {
  const r = record(v, what);
  return {
    id: text(r.id, `${what}.id`, 2000),
    kind: oneOf(r.kind, NODE_KINDS, `${what}.kind`),
    label: text(r.label, `${what}.label`, 1000),
    sublabel: optionalText(r.sublabel, `${what}.sublabel`, 1000),
    details: r.details === undefined ? [] : list(r.details, `${what}.details`, 200, detail),
    location: r.location === undefined ? undefined : location(r.location, `${what}.location`),
    state: oneOf(r.state, STATES, `${what}.state`),
    problems: problems(r.problems, `${what}.problems`),
  };
}

function edge(v: unknown, what: string): RoutingEdge {
  const r = record(v, what);
  return {
    id: text(r.id, `${what}.id`, 4000),
    from: text(r.from, `${what}.from`, 2000),
    to: text(r.to, `${what}.to`, 2000),
    kind: oneOf(r.kind, EDGE_KINDS, `${what}.kind`),
    label: optionalText(r.label, `${what}.label`, 200),
    weight: optionalNum(r.weight, `${what}.weight`, 0, 100),
    state: oneOf(r.state, STATES, `${what}.state`),
    problems: problems(r.problems, `${what}.problems`),
  };
}

export function graph(v: unknown, what = 'graph'): RoutingGraph {
  const r = record(v, what);
  const nodes = list(r.nodes, `${what}.nodes`, MAX_NODES, node);
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.id)) throw new Invalid(`${what}: duplicate node id ${n.id}`);
    ids.add(n.id);
  }
  // Edges to nodes that are not in the graph cannot be drawn; they are dropped, not fatal.
  const edges = list(r.edges, `${what}.edges`, MAX_EDGES, edge).filter((e) => ids.has(e.from) && ids.has(e.to));
  const omitted = optionalNum(r.omitted, `${what}.omitted`, 0);
  return { scope: scope(r.scope, `${what}.scope`), nodes, edges, ...(omitted === undefined ? {} : { omitted }) };
}

export function simulation(v: unknown, what = 'result'): SimulationResult {
  const r = record(v, what);
  const highlight = record(r.highlight, `${what}.highlight`);
  const ids = (x: unknown, w: string) => list(x, w, MAX_EDGES, (y, w2) => text(y, w2, 4000));
  return {
    outcome: oneOf(r.outcome, OUTCOMES, `${what}.outcome`),
    summary: text(r.summary, `${what}.summary`),
    steps: list(r.steps, `${what}.steps`, 500, (x, w) => text(x, w)),
    virtualService: optionalText(r.virtualService, `${what}.virtualService`, 600),
    rule: optionalText(r.rule, `${what}.rule`, 2000),
    destinations: list(r.destinations, `${what}.destinations`, 200, (x, w) => {
      const d = record(x, w);
      return { node: text(d.node, `${w}.node`, 2000), weight: num(d.weight, `${w}.weight`, 0, 100), port: optionalNum(d.port, `${w}.port`, 0, 65535) };
    }),
    mirrors: list(r.mirrors, `${what}.mirrors`, 200, (x, w) => {
      const m = record(x, w);
      return { node: text(m.node, `${w}.node`, 2000), percentage: num(m.percentage, `${w}.percentage`, 0, 100) };
    }),
    highlight: { nodes: ids(highlight.nodes, `${what}.highlight.nodes`), edges: ids(highlight.edges, `${what}.highlight.edges`) },
  };
}

/** The message, checked and copied; throws Invalid with the path of the first bad field. */
export function toWebviewMessage(v: unknown): ToWebviewMessage {
  const r = record(v, 'message');
  const type = oneOf(r.type, ['graph', 'empty', 'simulation', 'error'] as const, 'message.type');
  switch (type) {
    case 'graph':
      return { type, graph: graph(r.graph), title: text(r.title, 'title', 1000), choice: scopeChoice(r.choice) };
    case 'empty':
      return { type, message: text(r.message, 'message'), choice: scopeChoice(r.choice) };
    case 'simulation':
      return { type, result: simulation(r.result) };
    case 'error':
      return { type, message: text(r.message, 'message') };
  }
}
