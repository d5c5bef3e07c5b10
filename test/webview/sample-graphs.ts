// Hand-written routing graphs, typed against the contract (common/routing.ts), for the webview's
// rendering tests: the bookinfo sample as the server should describe it, with one broken subset, an
// unreachable rule and the implicit fall-through; and a graph whose every string is hostile markup.
import type { RoutingEdge, RoutingGraph, RoutingNode, SimulationResult } from '../../common/routing';

const FILE = 'file:///work/samples/bookinfo/routes.yaml';
const at = (line: number) => ({ uri: FILE, range: { start: { line, character: 0 }, end: { line, character: 10 } } });

function node(id: string, kind: RoutingNode['kind'], label: string, extra: Partial<RoutingNode> = {}): RoutingNode {
  return { id, kind, label, details: [], state: 'ok', ...extra };
}

function edge(from: string, to: string, kind: RoutingEdge['kind'], extra: Partial<RoutingEdge> = {}): RoutingEdge {
  return { id: `${from}->${to}#${kind}`, from, to, kind, state: 'ok', ...extra };
}

const R = 'reviews.bookinfo.svc.cluster.local';
const P = 'productpage.bookinfo.svc.cluster.local';
const RA = 'ratings.bookinfo.svc.cluster.local';

export const bookinfo: RoutingGraph = {
  scope: { kind: 'workspace' },
  nodes: [
    node('gateway:bookinfo/bookinfo-gateway', 'gateway', 'bookinfo-gateway', {
      sublabel: 'bookinfo · :80 :443',
      details: [{ label: 'selector', value: 'istio=ingressgateway' }, { label: 'hosts', value: 'bookinfo.example.com' }],
      location: at(1),
    }),
    node('gateway:mesh', 'gateway', 'mesh', { sublabel: 'sidecars' }),
    node('vs:bookinfo/bookinfo', 'virtualService', 'bookinfo', { sublabel: 'bookinfo.example.com', location: at(4) }),
    node('vs:bookinfo/reviews', 'virtualService', 'reviews', { sublabel: 'reviews', location: at(30) }),
    node('vs:bookinfo/ratings', 'virtualService', 'ratings', { sublabel: 'ratings', location: at(60) }),
    node('rule:bookinfo/bookinfo/http/0', 'rule', 'http[0] productpage', {
      sublabel: 'uri exact /productpage · prefix /static',
      details: [{ label: 'match', value: 'uri exact /productpage\nuri prefix /static\nuri prefix /api/v1/products' }, { label: 'timeout', value: '10s' }],
      location: at(13),
    }),
    node('fallthrough:bookinfo/bookinfo', 'fallthrough', 'no match → 404', { details: [{ label: 'why', value: 'every rule has a match; other requests get 404' }] }),
    node('rule:bookinfo/reviews/http/0', 'rule', 'http[0] testers', { sublabel: 'header end-user=jason', location: at(38) }),
    node('rule:bookinfo/reviews/http/1', 'rule', 'http[1] canary', { sublabel: 'every request', location: at(45) }),
    node('rule:bookinfo/reviews/http/2', 'rule', 'http[2] legacy', {
      sublabel: 'uri prefix /v0',
      state: 'unreachable',
      problems: ['http[1] matches every request, so this rule is never used (IST0130)'],
      location: at(55),
    }),
    node('rule:bookinfo/ratings/http/0', 'rule', 'http[0]', { sublabel: 'every request · delay 5%', location: at(64) }),
    node(`service:${P}`, 'service', 'productpage', { sublabel: 'bookinfo · 9080' }),
    node(`service:${R}`, 'service', 'reviews', { sublabel: 'bookinfo · 9080' }),
    node(`subset:${R}/v1`, 'subset', 'v1', { sublabel: 'reviews · version=v1' }),
    node(`subset:${R}/v2`, 'subset', 'v2', { sublabel: 'reviews · version=v2' }),
    node(`subset:${R}/v3`, 'subset', 'v3', {
      sublabel: 'reviews',
      state: 'broken',
      problems: ["subset 'v3' is not defined by any DestinationRule for reviews (IY903)"],
      location: at(44),
    }),
    node(`subset:${RA}/v1`, 'subset', 'v1', { sublabel: 'ratings · version=v1' }),
    node(`service:${RA}`, 'service', 'ratings-mirror', { sublabel: 'bookinfo · 9080' }),
    node('workload:Deployment/bookinfo/productpage-v1', 'workload', 'productpage-v1', { sublabel: 'Deployment' }),
    node('workload:Deployment/bookinfo/reviews-v1', 'workload', 'reviews-v1', { sublabel: 'Deployment' }),
    node('workload:Deployment/bookinfo/reviews-v2', 'workload', 'reviews-v2', { sublabel: 'Deployment' }),
    node('workload:Deployment/bookinfo/ratings-v1', 'workload', 'ratings-v1', { sublabel: 'Deployment' }),
  ],
  edges: [
    edge('gateway:bookinfo/bookinfo-gateway', 'vs:bookinfo/bookinfo', 'binds'),
    edge('gateway:mesh', 'vs:bookinfo/reviews', 'binds'),
    edge('gateway:mesh', 'vs:bookinfo/ratings', 'binds'),
    edge('vs:bookinfo/bookinfo', 'rule:bookinfo/bookinfo/http/0', 'rule', { label: '1st' }),
    edge('vs:bookinfo/bookinfo', 'fallthrough:bookinfo/bookinfo', 'rule', { label: 'else' }),
    edge('rule:bookinfo/bookinfo/http/0', `service:${P}`, 'route', { label: '100% · port 9080', weight: 100 }),
    edge('vs:bookinfo/reviews', 'rule:bookinfo/reviews/http/0', 'rule', { label: '1st' }),
    edge('vs:bookinfo/reviews', 'rule:bookinfo/reviews/http/1', 'rule', { label: '2nd' }),
    edge('vs:bookinfo/reviews', 'rule:bookinfo/reviews/http/2', 'rule', { label: '3rd', state: 'unreachable' }),
    edge('rule:bookinfo/reviews/http/0', `subset:${R}/v3`, 'route', { label: '100%', weight: 100, state: 'broken', problems: ["subset 'v3' is not defined"] }),
    edge('rule:bookinfo/reviews/http/1', `subset:${R}/v1`, 'route', { label: '90%', weight: 90 }),
    edge('rule:bookinfo/reviews/http/1', `subset:${R}/v2`, 'route', { label: '10%', weight: 10 }),
    edge('rule:bookinfo/reviews/http/2', `service:${R}`, 'route', { label: '100%', weight: 100, state: 'unreachable' }),
    edge('vs:bookinfo/ratings', 'rule:bookinfo/ratings/http/0', 'rule', { label: '1st' }),
    edge('rule:bookinfo/ratings/http/0', `subset:${RA}/v1`, 'route', { label: '100%', weight: 100 }),
    edge('rule:bookinfo/ratings/http/0', `service:${RA}`, 'mirror', { label: 'mirror 5%', weight: 5 }),
    edge(`service:${P}`, 'workload:Deployment/bookinfo/productpage-v1', 'selects'),
    edge(`subset:${R}/v1`, 'workload:Deployment/bookinfo/reviews-v1', 'selects'),
    edge(`subset:${R}/v2`, 'workload:Deployment/bookinfo/reviews-v2', 'selects'),
    edge(`service:${R}`, 'workload:Deployment/bookinfo/reviews-v1', 'selects'),
    edge(`service:${R}`, 'workload:Deployment/bookinfo/reviews-v2', 'selects'),
    edge(`subset:${RA}/v1`, 'workload:Deployment/bookinfo/ratings-v1', 'selects'),
  ],
};

/** GET / on reviews with end-user: jason would hit the broken v3; without the header the canary splits 90/10. */
export const canarySimulation: SimulationResult = {
  outcome: 'routed',
  summary: 'GET / on reviews from mesh: http[1] "canary" of VirtualService bookinfo/reviews matches (every request); 90% to reviews v1, 10% to reviews v2',
  steps: ['http[0] "testers" does not match: header end-user is missing', 'http[1] "canary" matches: it has no match conditions'],
  virtualService: 'bookinfo/reviews',
  rule: 'rule:bookinfo/reviews/http/1',
  destinations: [
    { node: `subset:${R}/v1`, weight: 90 },
    { node: `subset:${R}/v2`, weight: 10 },
  ],
  mirrors: [],
  highlight: {
    nodes: ['gateway:mesh', 'vs:bookinfo/reviews', 'rule:bookinfo/reviews/http/1', `subset:${R}/v1`, `subset:${R}/v2`, 'workload:Deployment/bookinfo/reviews-v1', 'workload:Deployment/bookinfo/reviews-v2'],
    edges: [
      'gateway:mesh->vs:bookinfo/reviews#binds',
      'vs:bookinfo/reviews->rule:bookinfo/reviews/http/1#rule',
      `rule:bookinfo/reviews/http/1->subset:${R}/v1#route`,
      `rule:bookinfo/reviews/http/1->subset:${R}/v2#route`,
      `subset:${R}/v1->workload:Deployment/bookinfo/reviews-v1#selects`,
      `subset:${R}/v2->workload:Deployment/bookinfo/reviews-v2#selects`,
    ],
  },
};

/** Markup and script in every string a manifest can supply; the page must show them as text. */
export const HOSTILE = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  svg: '<svg onload="window.__pwned=3"></svg>',
  close: '"><b>bold</b>&amp;',
};

export const injection: RoutingGraph = {
  scope: { kind: 'host', host: HOSTILE.img },
  nodes: [
    node(`vs:${HOSTILE.script}`, 'virtualService', HOSTILE.img, {
      sublabel: HOSTILE.script,
      details: [{ label: HOSTILE.svg, value: HOSTILE.close }, { label: 'header', value: `x-user: ${HOSTILE.img}` }],
      location: at(1),
    }),
    node(`rule:${HOSTILE.close}`, 'rule', HOSTILE.script, { sublabel: `header x=${HOSTILE.img}`, state: 'broken', problems: [HOSTILE.svg] }),
    node(`service:${HOSTILE.svg}`, 'service', HOSTILE.close, { sublabel: HOSTILE.svg }),
  ],
  edges: [
    edge(`vs:${HOSTILE.script}`, `rule:${HOSTILE.close}`, 'rule', { label: HOSTILE.img }),
    edge(`rule:${HOSTILE.close}`, `service:${HOSTILE.svg}`, 'route', { label: HOSTILE.script, weight: 100 }),
  ],
};
