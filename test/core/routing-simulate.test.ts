// The request simulator: Istio's first-match semantics over the workspace's VirtualServices, with
// the graph's node and edge ids for highlighting.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SimulatedRequest } from '../../common/routing';
import { Workspace } from '../../server/src/core/analysis';

const ROUTES = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: shop}
spec:
  hosts: [reviews]
  http:
  - name: api-any
    match:
    - uri: {prefix: /api}
    route:
    - destination: {host: reviews, subset: v1}
  - name: api-jason
    match:
    - uri: {prefix: /api}
      headers:
        end-user: {exact: jason}
    route:
    - destination: {host: reviews, subset: v2}
  - name: testers
    match:
    - headers:
        end-user: {prefix: test}
    - headers:
        x-build: {regex: 'b[0-9]+'}
    route:
    - destination: {host: reviews, subset: v2}
  - name: health
    match:
    - uri: {exact: /health}
      method: {exact: GET}
    directResponse: {status: 200, body: {string: ok}}
  - name: no-debug
    match:
    - uri: {prefix: /internal}
      withoutHeaders:
        x-debug: {}
    redirect: {uri: /public, redirectCode: 302}
  - name: callers
    match:
    - sourceLabels: {app: productpage}
      sourceNamespace: shop
    route:
    - destination: {host: reviews, subset: v3}
  - name: canary
    match:
    - uri: {prefix: /}
      ignoreUriCase: true
    route:
    - destination: {host: reviews, subset: v1}
      weight: 90
    - destination: {host: reviews, subset: v2, port: {number: 9080}}
      weight: 10
    mirror: {host: reviews, subset: v3}
    mirrorPercentage: {value: 5}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: exact-path, namespace: shop}
spec:
  hosts: [ratings]
  http:
  - match:
    - uri: {exact: /ratings}
    route:
    - destination: {host: ratings}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: wildcard, namespace: edge}
spec:
  hosts: ['*.example.com']
  gateways: [public]
  http:
  - route:
    - destination: {host: web.edge.svc.cluster.local}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: api-exact, namespace: edge}
spec:
  hosts: [api.example.com]
  gateways: [public, mesh]
  http:
  - match:
    - gateways: [mesh]
    route:
    - destination: {host: api.edge.svc.cluster.local, subset: internal}
  - match:
    - uri: {prefix: /shop}
    delegate: {name: shop-delegate, namespace: shop}
  - route:
    - destination: {host: api.edge.svc.cluster.local}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop-delegate, namespace: shop}
spec:
  http:
  - match:
    - uri: {prefix: /shop/cart}
    route:
    - destination: {host: cart.shop.svc.cluster.local}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: edge}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ['*.example.com']
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
  - {name: v3, labels: {version: v3}}
---
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080}]
---
apiVersion: v1
kind: Service
metadata: {name: ratings, namespace: shop}
spec:
  selector: {app: ratings}
  ports: [{name: http, port: 9080}]
---
apiVersion: v1
kind: Service
metadata: {name: details, namespace: shop}
spec:
  selector: {app: details}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: shop}
spec:
  selector: {matchLabels: {app: reviews}}
  template:
    metadata: {labels: {app: reviews, version: v1}}
    spec: {containers: [{name: app, image: reviews}]}
`;

const TCP = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: postgres, namespace: shop}
spec:
  hosts: [postgres]
  tcp:
  - match:
    - port: 5432
      sourceLabels: {app: orders}
    route:
    - destination: {host: postgres, subset: primary}
  - match:
    - port: 5433
    route:
    - destination: {host: postgres, subset: replica}
`;

function simulate(request: SimulatedRequest) {
  const ws = new Workspace();
  ws.setFile('file:///ws/routes.yaml', ROUTES);
  ws.setFile('file:///ws/tcp.yaml', TCP);
  return ws.snapshot().simulate(request);
}

const fromShop = { sourceNamespace: 'shop' };
const REVIEWS = 'reviews.shop.svc.cluster.local';

describe('first match', () => {
  test('the first matching rule wins even when a later one is more specific', () => {
    const r = simulate({ host: 'reviews', path: '/api/books', headers: { 'end-user': 'jason' }, ...fromShop });
    expect(r.outcome).toBe('routed');
    expect(r.rule).toBe('rule:shop/reviews/http/0');
    expect(r.destinations).toEqual([{ node: `subset:${REVIEWS}/v1`, weight: 100 }]);
    expect(r.summary).toBe('GET /api/books on reviews:9080 from mesh: http[0] api-any of VirtualService shop/reviews matches (uri prefix /api); 100% to reviews v1');
  });

  test('header prefix, header regex (whole value), and the reasons earlier rules did not match', () => {
    const prefix = simulate({ host: 'reviews', path: '/x', headers: { 'End-User': 'tester-1' }, ...fromShop });
    expect(prefix.rule).toBe('rule:shop/reviews/http/2');
    expect(prefix.steps.join('\n')).toContain("uri '/x' is not prefix /api");
    const regex = simulate({ host: 'reviews', path: '/x', headers: { 'x-build': 'b42' }, ...fromShop });
    expect(regex.rule).toBe('rule:shop/reviews/http/2');
    // RE2 in Envoy must match the whole value: `b42-x` is not `b[0-9]+`.
    const partial = simulate({ host: 'reviews', path: '/x', headers: { 'x-build': 'b42-x' }, ...fromShop });
    expect(partial.rule).toBe('rule:shop/reviews/http/6');
    expect(partial.steps.join('\n')).toContain("header x-build 'b42-x' is not regex b[0-9]+");
  });

  test('uri exact vs prefix, and method', () => {
    expect(simulate({ host: 'ratings', path: '/ratings', ...fromShop }).outcome).toBe('routed');
    const longer = simulate({ host: 'ratings', path: '/ratings/1', ...fromShop });
    expect(longer.outcome).toBe('notFound');
    expect(longer.highlight.nodes).toContain('fallthrough:shop/exact-path');
    expect(longer.highlight.edges).toContain('vs:shop/exact-path->fallthrough:shop/exact-path#rule');
    expect(longer.summary).toContain('no rule matches → 404');
    const get = simulate({ host: 'reviews', path: '/health', ...fromShop });
    expect(get.outcome).toBe('directResponse');
    expect(get.summary).toContain('direct response 200 "ok"');
    const post = simulate({ host: 'reviews', path: '/health', method: 'POST', ...fromShop });
    expect(post.rule).toBe('rule:shop/reviews/http/6');
    expect(post.steps.join('\n')).toContain("method 'POST' is not exact GET");
  });

  test('withoutHeaders and redirect', () => {
    const plain = simulate({ host: 'reviews', path: '/internal/x', ...fromShop });
    expect(plain.outcome).toBe('redirect');
    expect(plain.summary).toContain('redirect 302 to uri /public');
    const debug = simulate({ host: 'reviews', path: '/internal/x', headers: { 'x-debug': '1' }, ...fromShop });
    expect(debug.outcome).toBe('routed');
    expect(debug.steps.join('\n')).toContain("header x-debug '1' must not be present");
  });

  test('source labels and namespace (mesh callers)', () => {
    const caller = simulate({ host: 'reviews', path: '/x', sourceLabels: { app: 'productpage', version: 'v1' }, ...fromShop });
    expect(caller.rule).toBe('rule:shop/reviews/http/5');
    const other = simulate({ host: 'reviews.shop', path: '/x', sourceLabels: { app: 'productpage' }, sourceNamespace: 'default' });
    expect(other.rule).toBe('rule:shop/reviews/http/6');
    expect(other.steps.join('\n')).toContain("source namespace 'default' is not 'shop'");
  });

  test('weights, ports and mirrors in the result; highlight follows the graph', () => {
    const r = simulate({ host: 'reviews', path: '/Anything', ...fromShop });
    expect(r.rule).toBe('rule:shop/reviews/http/6');
    expect(r.destinations).toEqual([
      { node: `subset:${REVIEWS}/v1`, weight: 90 },
      { node: `subset:${REVIEWS}/v2`, weight: 10, port: 9080 },
    ]);
    expect(r.mirrors).toEqual([{ node: `subset:${REVIEWS}/v3`, percentage: 5 }]);
    expect(r.summary).toContain('90% to reviews v1, 10% to reviews v2; mirrors 5% to reviews v3');
    expect(r.highlight.nodes).toEqual(['gateway:mesh', 'vs:shop/reviews', 'rule:shop/reviews/http/6', `subset:${REVIEWS}/v1`, 'workload:Deployment/shop/reviews-v1', `subset:${REVIEWS}/v2`, `subset:${REVIEWS}/v3`]);
    expect(r.highlight.edges).toContain(`rule:shop/reviews/http/6->subset:${REVIEWS}/v3#mirror`);
    expect(r.highlight.edges).toContain('gateway:mesh->vs:shop/reviews#binds');
    // Every highlighted id is in the graph of the same workspace.
    const ws = new Workspace();
    ws.setFile('file:///ws/routes.yaml', ROUTES);
    const graph = ws.snapshot().routingGraph({ kind: 'workspace' });
    const ids = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
    for (const id of [...r.highlight.nodes, ...r.highlight.edges]) expect(ids.has(id), id).toBe(true);
  });
});

describe('virtual service selection', () => {
  test('wildcard hosts at a gateway; an exact host beats the wildcard', () => {
    const wild = simulate({ host: 'www.example.com', gateway: 'edge/public' });
    expect(wild.virtualService).toBe('edge/wildcard');
    expect(wild.destinations).toEqual([{ node: 'service:web.edge.svc.cluster.local', weight: 100 }]);
    const exact = simulate({ host: 'api.example.com', gateway: 'edge/public' });
    expect(exact.virtualService).toBe('edge/api-exact');
    expect(exact.steps.join('\n')).toContain('less specific hosts lose: edge/wildcard (*.example.com)');
  });

  test('gateway vs mesh binding, and gateways inside a match', () => {
    const mesh = simulate({ host: 'api.example.com' });
    expect(mesh.rule).toBe('rule:edge/api-exact/http/0');
    expect(mesh.destinations[0].node).toBe('subset:api.edge.svc.cluster.local/internal');
    const gateway = simulate({ host: 'api.example.com', gateway: 'edge/public', path: '/x' });
    expect(gateway.rule).toBe('rule:edge/api-exact/http/2');
    expect(gateway.steps.join('\n')).toContain('the request comes from edge/public, not mesh');
    // The wildcard VirtualService is bound to the gateway only: from the mesh nothing serves the host.
    const meshWild = simulate({ host: 'www.example.com' });
    expect(meshWild.outcome).toBe('noVirtualService');
    const otherHost = simulate({ host: 'www.other.com', gateway: 'edge/public' });
    expect(otherHost.outcome).toBe('notFound');
    expect(otherHost.summary).toContain('has no server for host www.other.com');
    const otherPort = simulate({ host: 'www.example.com', gateway: 'edge/public', port: 443 });
    expect(otherPort.outcome).toBe('notFound');
    expect(otherPort.summary).toContain('has no server on port 443');
  });

  test('delegate: the root match and the delegate match must both hold', () => {
    const cart = simulate({ host: 'api.example.com', gateway: 'edge/public', path: '/shop/cart/1' });
    expect(cart.rule).toBe('rule:shop/shop-delegate/http/0');
    expect(cart.virtualService).toBe('edge/api-exact');
    expect(cart.destinations).toEqual([{ node: 'service:cart.shop.svc.cluster.local', weight: 100 }]);
    expect(cart.highlight.edges).toContain('rule:edge/api-exact/http/1->vs:shop/shop-delegate#delegate');
    expect(cart.highlight.edges).toContain('vs:shop/shop-delegate->rule:shop/shop-delegate/http/0#rule');
    // No delegate rule matches: evaluation goes on with the root's next rule.
    const other = simulate({ host: 'api.example.com', gateway: 'edge/public', path: '/shop/other' });
    expect(other.rule).toBe('rule:edge/api-exact/http/2');
    expect(other.steps.join('\n')).toContain('no rule of delegate shop/shop-delegate matches');
  });

  test('no VirtualService: straight to the Service', () => {
    const r = simulate({ host: 'details', ...fromShop });
    expect(r.outcome).toBe('noVirtualService');
    expect(r.destinations).toEqual([{ node: 'service:details.shop.svc.cluster.local', weight: 100, port: 9080 }]);
    expect(r.summary).toContain('goes straight to Service shop/details');
    const unknown = simulate({ host: 'nowhere', ...fromShop });
    expect(unknown.outcome).toBe('noVirtualService');
    expect(unknown.destinations).toEqual([]);
  });

  test('TCP rules by port and source labels', () => {
    const primary = simulate({ host: 'postgres', port: 5432, sourceLabels: { app: 'orders' }, ...fromShop });
    expect(primary.rule).toBe('rule:shop/postgres/tcp/0');
    const replica = simulate({ host: 'postgres:5433', ...fromShop });
    expect(replica.rule).toBe('rule:shop/postgres/tcp/1');
    const none = simulate({ host: 'postgres', port: 5432, ...fromShop });
    expect(none.outcome).toBe('notFound');
    expect(none.steps.join('\n')).toContain("the caller's labels do not include app=orders");
  });

  test('bad input says what is wrong instead of failing', () => {
    const ws = new Workspace();
    const snap = ws.snapshot();
    for (const bad of [undefined, null, 42, {}, { host: '' }, { host: 'a', port: 'x' }, { host: 'a', port: 70000 }]) {
      const r = snap.simulate(bad as unknown as SimulatedRequest);
      expect(r.error).toBeTruthy();
      expect(r.summary).toBe(r.error);
      expect(r.destinations).toEqual([]);
    }
    // Odd but valid values: an invalid regex matches nothing, odd header values are stringified.
    const re = new Workspace();
    re.setFile('file:///r.yaml', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r}\nspec:\n  hosts: [r]\n  http:\n  - match: [{uri: {regex: "a(b"}}]\n    route: [{destination: {host: r}}]\n');
    const r = re.snapshot().simulate({ host: 'r', headers: { n: 1 as unknown as string } });
    expect(r.outcome).toBe('notFound');
    expect(r.steps.join('\n')).toContain("regex 'a(b' is not valid RE2");
  });
});

describe('the bookinfo sample', () => {
  const ws = new Workspace();
  const dir = path.resolve(__dirname, '../../samples/bookinfo');
  for (const f of fs.readdirSync(dir)) ws.setFile(`file://${dir}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8'));
  const snap = ws.snapshot();

  test('testers get v3, everyone else the canary split', () => {
    expect(snap.simulate({ host: 'reviews', sourceNamespace: 'bookinfo', headers: { 'end-user': 'jason' } }).destinations).toEqual([{ node: 'subset:reviews.bookinfo.svc.cluster.local/v3', weight: 100 }]);
    expect(snap.simulate({ host: 'reviews.bookinfo' }).destinations.map((d) => d.weight)).toEqual([90, 10]);
  });

  test('the gateway redirects port 80 to HTTPS and routes /productpage on 443', () => {
    const http = snap.simulate({ host: 'bookinfo.example.com', gateway: 'bookinfo/bookinfo-gateway', port: 80, path: '/productpage' });
    expect(http.outcome).toBe('redirect');
    expect(http.summary).toContain('301 to https://bookinfo.example.com/productpage');
    const https = snap.simulate({ host: 'bookinfo.example.com', gateway: 'bookinfo/bookinfo-gateway', port: 443, path: '/productpage' });
    expect(https.outcome).toBe('routed');
    expect(https.destinations).toEqual([{ node: 'service:productpage.bookinfo.svc.cluster.local', weight: 100, port: 9080 }]);
    expect(snap.simulate({ host: 'bookinfo.example.com', gateway: 'bookinfo/bookinfo-gateway', path: '/login' }).outcome).toBe('notFound');
  });
});
