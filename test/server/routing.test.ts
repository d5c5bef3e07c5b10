// The routing preview's two custom requests against the built server (dist/server.js) over stdio:
// the graph of open documents (unsaved text), the simulator, and malformed params.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RoutingGraph, RoutingGraphRequest, SimulateRequest, type SimulationResult } from '../../common/routing';
import { SERVER, TestClient } from './lsp-client';

const ROUTES = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: shop}
spec:
  hosts: [reviews]
  http:
  - match:
    - headers: {end-user: {exact: jason}}
    route:
    - destination: {host: reviews, subset: v2}
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 90
    - destination: {host: reviews, subset: v9}
      weight: 10
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
`;

describe('routing preview requests', () => {
  let client: TestClient;
  const uri = 'file:///routing/routes.yaml';

  beforeAll(async () => {
    expect(fs.existsSync(SERVER), 'build the server first: npm run build').toBe(true);
    client = new TestClient();
    await client.initialize();
    client.open(uri, ROUTES);
    await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  });

  afterAll(async () => {
    await client.shutdown();
  });

  test('the graph of a file, with the broken subset in red and the diagnostic message', async () => {
    const graph = await client.request<RoutingGraph>(RoutingGraphRequest.method, { scope: { kind: 'file', uri } } satisfies RoutingGraphRequest.Params);
    expect(graph.scope).toEqual({ kind: 'file', uri });
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['gateway:mesh', 'vs:shop/reviews', 'rule:shop/reviews/http/0', 'rule:shop/reviews/http/1', 'subset:reviews.shop.svc.cluster.local/v1']));
    const broken = graph.nodes.find((n) => n.id === 'subset:reviews.shop.svc.cluster.local/v9');
    expect(broken?.state).toBe('broken');
    const published = client.published.get(uri)!.diagnostics.find((d) => d.code === 'IY903');
    // The same text as the diagnostic (the adapter appends the istioctl code to what it publishes).
    expect(broken?.problems).toEqual([published?.message.replace(/ \(IST0101\)$/, '')]);
    expect(broken?.problems?.[0]).toContain("subset 'v9' is not defined");
    const canary = graph.edges.find((e) => e.id === 'rule:shop/reviews/http/1->subset:reviews.shop.svc.cluster.local/v1#route');
    expect(canary).toMatchObject({ weight: 90, label: '90%', state: 'ok' });
    expect(graph.nodes.find((n) => n.id === 'vs:shop/reviews')?.location).toEqual({ uri, range: { start: { line: 2, character: 17 }, end: { line: 2, character: 24 } } });
  });

  test('the graph follows unsaved edits', async () => {
    client.change(uri, ROUTES.replace('subset: v9', 'subset: v2'), 2);
    await client.diagnostics(uri, (p) => p.version === 2);
    const graph = await client.request<RoutingGraph>(RoutingGraphRequest.method, { scope: { kind: 'host', host: 'reviews', namespace: 'shop' } });
    expect(graph.nodes.some((n) => n.state === 'broken')).toBe(false);
  });

  test('the simulator', async () => {
    const result = await client.request<SimulationResult>(SimulateRequest.method, { request: { host: 'reviews', sourceNamespace: 'shop', headers: { 'end-user': 'jason' } } } satisfies SimulateRequest.Params);
    expect(result.outcome).toBe('routed');
    expect(result.rule).toBe('rule:shop/reviews/http/0');
    expect(result.destinations).toEqual([{ node: 'subset:reviews.shop.svc.cluster.local/v2', weight: 100 }]);
  });

  test('malformed params get an empty graph or an error result, and the server keeps serving', async () => {
    for (const params of [null, {}, { scope: 'x' }, { scope: { kind: 'resource' } }]) {
      const graph = await client.request<RoutingGraph>(RoutingGraphRequest.method, params);
      expect(graph.nodes).toEqual([]);
    }
    for (const params of [null, {}, { request: { host: 3 } }, { request: { host: 'a', port: -1 } }]) {
      const result = await client.request<SimulationResult>(SimulateRequest.method, params);
      expect(result.error).toBeTruthy();
    }
    const graph = await client.request<RoutingGraph>(RoutingGraphRequest.method, { scope: { kind: 'workspace' } });
    expect(graph.nodes.length).toBeGreaterThan(0);
  });
});
