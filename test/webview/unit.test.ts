// The webview's pure parts in Node: validation of the extension's messages, the simulator form's
// parsing, the filter, the column order and the placement of edge labels.
import { describe, expect, test } from 'vitest';
import { columns } from '../../client/webview/columns';
import { filterGraph } from '../../client/webview/filter';
import { labelBox } from '../../client/webview/layout';
import { toWebviewMessage } from '../../client/webview/messages';
import { columnOrder } from '../../client/webview/order';
import { EMPTY_FIELDS, parseRequest } from '../../client/webview/request-parse';
import type { RoutingGraph } from '../../common/routing';
import { bookinfo, canarySimulation, injection } from './sample-graphs';

describe('messages from the extension', () => {
  test('a graph, a simulation, an empty state and an error pass and come back equal', () => {
    const graph = { type: 'graph', graph: bookinfo, title: 'Whole workspace', choice: { kind: 'workspace' } } as const;
    expect(JSON.parse(JSON.stringify(toWebviewMessage(graph)))).toEqual(JSON.parse(JSON.stringify(graph)));
    expect(toWebviewMessage({ type: 'simulation', result: canarySimulation })).toEqual({ type: 'simulation', result: { ...canarySimulation, destinations: canarySimulation.destinations.map((d) => ({ ...d, port: undefined })) } });
    expect(toWebviewMessage({ type: 'empty', message: 'Open an Istio file', choice: { kind: 'file' } })).toEqual({ type: 'empty', message: 'Open an Istio file', choice: { kind: 'file' } });
    expect(toWebviewMessage({ type: 'error', message: 'x' })).toEqual({ type: 'error', message: 'x' });
  });

  test('markup in strings is data, not a reason to refuse: it passes unchanged (the renderer escapes it)', () => {
    const m = toWebviewMessage({ type: 'graph', graph: injection, title: 't', choice: { kind: 'workspace' } });
    expect(m.type === 'graph' && m.graph.nodes.map((n) => n.label)).toEqual(injection.nodes.map((n) => n.label));
  });

  test('edges to nodes that are not in the graph are dropped', () => {
    const g: RoutingGraph = { ...bookinfo, edges: [...bookinfo.edges, { id: 'a->b#route', from: 'a', to: 'b', kind: 'route', state: 'ok' }] };
    const m = toWebviewMessage({ type: 'graph', graph: g, title: 't', choice: { kind: 'workspace' } });
    expect(m.type === 'graph' && m.graph.edges.length).toBe(bookinfo.edges.length);
  });

  test.each([
    ['an unknown message type', { type: 'eval', code: 'alert(1)' }],
    ['an unknown node kind', { type: 'graph', title: 't', choice: { kind: 'file' }, graph: { scope: { kind: 'file', uri: 'x' }, nodes: [{ id: 'a', kind: 'iframe', label: 'a', details: [], state: 'ok' }], edges: [] } }],
    ['an unknown state', { type: 'graph', title: 't', choice: { kind: 'file' }, graph: { scope: { kind: 'workspace' }, nodes: [{ id: 'a', kind: 'rule', label: 'a', details: [], state: 'evil' }], edges: [] } }],
    ['a label that is not a string', { type: 'graph', title: 't', choice: { kind: 'file' }, graph: { scope: { kind: 'workspace' }, nodes: [{ id: 'a', kind: 'rule', label: { toString: 1 }, details: [], state: 'ok' }], edges: [] } }],
    ['duplicate node ids', { type: 'graph', title: 't', choice: { kind: 'file' }, graph: { scope: { kind: 'workspace' }, nodes: [bookinfo.nodes[0], bookinfo.nodes[0]], edges: [] } }],
    ['a weight above 100', { type: 'graph', title: 't', choice: { kind: 'file' }, graph: { ...bookinfo, edges: [{ ...bookinfo.edges[5], weight: 101 }] } }],
    ['a simulation without highlight', { type: 'simulation', result: { ...canarySimulation, highlight: undefined } }],
    ['too many nodes', { type: 'graph', title: 't', choice: { kind: 'file' }, graph: { scope: { kind: 'workspace' }, nodes: Array.from({ length: 2001 }, (_, i) => ({ id: String(i), kind: 'rule', label: 'x', details: [], state: 'ok' })), edges: [] } }],
  ])('refuses %s', (_, message) => {
    expect(() => toWebviewMessage(message)).toThrow();
  });
});

describe('simulator form', () => {
  test('reads headers (lower-cased names), source labels, port and gateway', () => {
    expect(parseRequest({ ...EMPTY_FIELDS, host: ' reviews ', path: '/api', method: 'post', port: '9080', headers: 'End-User: jason\n\nx-version:  v2 ', sourceLabels: 'app=productpage, version = v1', sourceNamespace: 'bookinfo', gateway: 'bookinfo/bookinfo-gateway' })).toEqual({
      request: { host: 'reviews', path: '/api', method: 'POST', port: 9080, headers: { 'end-user': 'jason', 'x-version': 'v2' }, sourceLabels: { app: 'productpage', version: 'v1' }, sourceNamespace: 'bookinfo', gateway: 'bookinfo/bookinfo-gateway' },
    });
    expect(parseRequest({ ...EMPTY_FIELDS, host: 'reviews', gateway: '' })).toEqual({ request: { host: 'reviews', path: '/', method: 'GET', gateway: 'mesh' } });
  });

  test.each([
    ['no host', { host: '' }, 'Enter the host'],
    ['a path without a slash', { host: 'a', path: 'api' }, 'starts with /'],
    ['a bad port', { host: 'a', port: '0' }, '1 to 65535'],
    ['a header without a colon', { host: 'a', headers: 'end-user jason' }, 'line 1'],
    ['a label without =', { host: 'a', sourceLabels: 'app' }, 'key=value'],
    ['a gateway that is neither mesh nor ns/name', { host: 'a', gateway: 'my gateway' }, 'namespace/name'],
  ])('says what is wrong with %s', (_, fields, message) => {
    const r = parseRequest({ ...EMPTY_FIELDS, ...fields });
    expect('error' in r && r.error).toContain(message);
  });
});

describe('filter', () => {
  test('keeps the matches and their neighbours, and only edges that touch a match', () => {
    const g = filterGraph(bookinfo, 'CANARY');
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['rule:bookinfo/reviews/http/1', 'subset:reviews.bookinfo.svc.cluster.local/v1', 'subset:reviews.bookinfo.svc.cluster.local/v2', 'vs:bookinfo/reviews'].sort());
    expect(g.edges).toHaveLength(3);
    expect(filterGraph(bookinfo, '  ')).toBe(bookinfo);
  });
});

describe('columns and order', () => {
  test('gateway → VirtualService → rule → destination → workload; delegated VirtualServices get their own columns', () => {
    const c = columns(bookinfo);
    expect(['gateway:mesh', 'vs:bookinfo/reviews', 'rule:bookinfo/reviews/http/0', 'fallthrough:bookinfo/bookinfo', 'subset:reviews.bookinfo.svc.cluster.local/v1', 'workload:Deployment/bookinfo/reviews-v1'].map((id) => c.get(id))).toEqual([0, 1, 2, 2, 5, 6]);
    const delegating: RoutingGraph = {
      scope: { kind: 'workspace' },
      nodes: [
        { id: 'vs:a/root', kind: 'virtualService', label: 'root', details: [], state: 'ok' },
        { id: 'rule:a/root/http/0', kind: 'rule', label: 'http[0]', details: [], state: 'ok' },
        { id: 'vs:a/child', kind: 'virtualService', label: 'child', details: [], state: 'ok' },
        { id: 'rule:a/child/http/0', kind: 'rule', label: 'http[0]', details: [], state: 'ok' },
      ],
      edges: [
        { id: '1', from: 'vs:a/root', to: 'rule:a/root/http/0', kind: 'rule', state: 'ok' },
        { id: '2', from: 'rule:a/root/http/0', to: 'vs:a/child', kind: 'delegate', state: 'ok' },
        { id: '3', from: 'vs:a/child', to: 'rule:a/child/http/0', kind: 'rule', state: 'ok' },
      ],
    };
    expect([...columns(delegating).values()]).toEqual([1, 2, 3, 4]);
  });

  test("a VirtualService's rules keep their match order, whatever the order of the server's lists, with the fall-through last", () => {
    const shuffled: RoutingGraph = { ...bookinfo, nodes: [...bookinfo.nodes].reverse(), edges: [...bookinfo.edges].reverse() };
    const rank = columnOrder(shuffled, columns(shuffled));
    const r = (id: string) => rank.get(id) as number;
    expect(r('rule:bookinfo/reviews/http/0')).toBeLessThan(r('rule:bookinfo/reviews/http/1'));
    expect(r('rule:bookinfo/reviews/http/1')).toBeLessThan(r('rule:bookinfo/reviews/http/2'));
    expect(r('rule:bookinfo/bookinfo/http/0')).toBeLessThan(r('fallthrough:bookinfo/bookinfo'));
  });
});

describe('edge labels', () => {
  test('sit above the last horizontal stretch, just before the arrow; centred when the stretch is short', () => {
    expect(labelBox([{ x: 0, y: 10 }, { x: 50, y: 10 }, { x: 50, y: 80 }, { x: 200, y: 80 }], { width: 30, height: 16 })).toEqual({ x: 158, y: 63, width: 30, height: 16 });
    expect(labelBox([{ x: 0, y: 10 }, { x: 40, y: 10 }], { width: 30, height: 16 })).toEqual({ x: 5, y: -7, width: 30, height: 16 });
    expect(labelBox([{ x: 0, y: 0 }, { x: 0, y: 50 }], { width: 30, height: 16 })).toBeUndefined();
  });
});
