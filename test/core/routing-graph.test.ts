// Routing graph fixtures: each `test/fixtures/routing/<name>.yaml` (multi-file, `$0` for a resource
// scope, `# scope: {...}` for another scope, else the workspace) is drawn and compared with the text
// snapshot `<name>.graph.txt` (written with UPDATE_FIXTURES=1; review them by eye).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RoutingScope } from '../../common/routing';
import { Workspace } from '../../server/src/core/analysis';
import { parseFixture } from '../harness/fixture';
import { renderGraph } from './routing-render';

const DIR = path.resolve(__dirname, '../fixtures/routing');
const UPDATE = !!process.env.UPDATE_FIXTURES;

function scopeOf(source: string, fixture: ReturnType<typeof parseFixture>): RoutingScope {
  const line = /^#\s*scope:\s*(\{.*\})\s*$/m.exec(source);
  if (line) return JSON.parse(line[1]) as RoutingScope;
  if (fixture.cursor) {
    const file = fixture.files.find((f) => f.path === fixture.cursor!.file)!;
    const before = file.text.slice(0, fixture.cursor.offset).split('\n');
    return { kind: 'resource', uri: file.uri, position: { line: before.length - 1, character: before[before.length - 1].length } };
  }
  return { kind: 'workspace' };
}

describe('routing graph fixtures', () => {
  const names = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  test('there are fixtures', () => expect(names.length).toBeGreaterThan(10));
  for (const name of names) {
    test(name, () => {
      const source = fs.readFileSync(path.join(DIR, name), 'utf8');
      const fixture = parseFixture(source, name);
      const ws = new Workspace();
      for (const f of fixture.files) ws.setFile(f.uri, f.text);
      const scope = scopeOf(source, fixture);
      const graph = ws.snapshot().routingGraph(scope);
      // The contract: unique ids, edges between drawn nodes.
      const ids = new Set(graph.nodes.map((n) => n.id));
      expect(ids.size).toBe(graph.nodes.length);
      expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
      for (const e of graph.edges) expect(ids.has(e.from) && ids.has(e.to), e.id).toBe(true);
      const text = renderGraph(graph);
      const snapshot = path.join(DIR, name.replace(/\.yaml$/, '.graph.txt'));
      if (UPDATE || !fs.existsSync(snapshot)) {
        if (!UPDATE) throw new Error(`no snapshot ${snapshot}: run with UPDATE_FIXTURES=1 and review it`);
        fs.writeFileSync(snapshot, text);
      } else {
        expect(text).toBe(fs.readFileSync(snapshot, 'utf8'));
      }
    });
  }
});

describe('routing graph API', () => {
  const VS = (i: number) => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs${i}, namespace: ns}\nspec:\n  hosts: [h${i}]\n  http:\n  - route: [{destination: {host: h${i}}}]\n`;

  test('large scopes are cut at the node limit and say how much was left out', () => {
    const ws = new Workspace();
    ws.setFile('file:///big.yaml', Array.from({ length: 200 }, (_, i) => VS(i)).join('---\n'));
    const graph = ws.snapshot().routingGraph({ kind: 'workspace' });
    // mesh + 200 × (VirtualService, rule, service) = 601 nodes.
    expect(graph.nodes.length).toBe(400);
    expect(graph.omitted).toBe(201);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
  });

  test('malformed scopes draw nothing', () => {
    const ws = new Workspace();
    ws.setFile('file:///a.yaml', VS(1));
    const snap = ws.snapshot();
    for (const bad of [undefined, null, 1, 'workspace', {}, { kind: 'nope' }, { kind: 'file' }, { kind: 'resource', uri: 'file:///a.yaml' }, { kind: 'resource', uri: 'file:///a.yaml', position: { line: -1, character: 0 } }, { kind: 'host', host: '  ' }]) {
      const graph = snap.routingGraph(bad as unknown as RoutingScope);
      expect(graph.nodes).toEqual([]);
      expect(graph.edges).toEqual([]);
    }
    expect(snap.routingGraph({ kind: 'file', uri: 'file:///missing.yaml' }).nodes).toEqual([]);
    expect(snap.routingGraph({ kind: 'resource', uri: 'file:///a.yaml', position: { line: 0, character: 0 } }).nodes.map((n) => n.id)).toContain('vs:ns/vs1');
  });

  test('strings from manifests go in verbatim (the webview escapes them)', () => {
    const ws = new Workspace();
    ws.setFile('file:///x.yaml', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x, namespace: ns}\nspec:\n  hosts: [x]\n  http:\n  - name: "<b>&amp;"\n    route: [{destination: {host: x}}]\n');
    const rule = ws.snapshot().routingGraph({ kind: 'workspace' }).nodes.find((n) => n.kind === 'rule');
    expect(rule?.label).toBe('http[0] <b>&amp;');
  });
});
