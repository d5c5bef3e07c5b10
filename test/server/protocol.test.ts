// Protocol smoke tests against the built server bundle (dist/server.js) over stdio.
// They catch bundling mistakes and check the adapter's contract: diagnostics, features, isolation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SERVER, TestClient } from './lsp-client';

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subsets: v2
    timeout: 5s
`;

describe('language server over stdio', () => {
  let client: TestClient;
  let workspaceDir: string;

  beforeAll(async () => {
    expect(fs.existsSync(SERVER), 'build the server first: npm run build').toBe(true);
    workspaceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-yaml-ws-'));
    fs.writeFileSync(path.join(workspaceDir, 'closed.yaml'), 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default}\nspec:\n  mtls: {mode: strict}\n');
    fs.mkdirSync(path.join(workspaceDir, 'node_modules/pkg'), { recursive: true });
    fs.writeFileSync(path.join(workspaceDir, 'node_modules/pkg/ignored.yaml'), 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: x}\nspec: {bogus: 1}\n');
    client = new TestClient();
    await client.initialize(workspaceDir);
  });

  afterAll(async () => {
    await client.shutdown();
    fs.rmSync(workspaceDir, { recursive: true, force: true });
  });

  test('diagnostics carry code, source, docs link and the istioctl code', async () => {
    client.open('file:///t/routes.yaml', VS);
    const published = await client.diagnostics('file:///t/routes.yaml', (p) => p.diagnostics.length > 0);
    expect(published.version).toBe(1);
    const [d] = published.diagnostics;
    expect(d.code).toBe('IY002');
    expect(d.source).toBe('istio-yaml');
    expect(d.message).toContain("did you mean 'subset'?");
    expect(d.range).toEqual({ start: { line: 10, character: 8 }, end: { line: 10, character: 15 } });
    expect(d.data).toMatchObject({ istioCode: 'IST0106', resource: 'VirtualService default/reviews' });
    expect((d as unknown as { codeDescription: { href: string } }).codeDescription.href).toMatch(/analyzers\.md#iy002-unknown-field$/);
  });

  test('closed files of the workspace are indexed and checked; node_modules is skipped', async () => {
    const uri = `file://${workspaceDir}/closed.yaml`;
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(published.diagnostics.map((d) => d.code)).toEqual(['IY003']);
    expect(client.published.has(`file://${workspaceDir}/node_modules/pkg/ignored.yaml`)).toBe(false);
  });

  test('an edit that fixes the mistake clears the diagnostic', async () => {
    client.change('file:///t/routes.yaml', VS.replace('subsets', 'subset'), 2);
    const published = await client.diagnostics('file:///t/routes.yaml', (p) => p.version === 2);
    expect(published.diagnostics).toEqual([]);
    client.change('file:///t/routes.yaml', VS, 3);
    await client.diagnostics('file:///t/routes.yaml', (p) => p.version === 3 && p.diagnostics.length === 1);
  });

  test('non-Istio YAML gets nothing', async () => {
    client.open('file:///t/workflow.yaml', 'name: CI\non: [push]\njobs: {build: {runs-on: ubuntu-latest, steps: [}\n');
    client.open('file:///t/sentinel.yaml', VS.replace('reviews', 'sentinel'));
    await client.diagnostics('file:///t/sentinel.yaml', (p) => p.diagnostics.length > 0);
    expect(client.published.has('file:///t/workflow.yaml')).toBe(false);
  });

  test('quick fix: rename the misspelled field', async () => {
    const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///t/routes.yaml' },
      range: { start: { line: 10, character: 9 }, end: { line: 10, character: 9 } },
      context: { diagnostics: [] },
    });
    expect(actions.map((a) => a.title)).toContain("Rename to 'subset'");
    expect(actions[0].edit.changes['file:///t/routes.yaml'][0].newText).toBe('subset');
  });

  test('completion offers schema keys', async () => {
    client.open('file:///t/complete.yaml', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  \n');
    const items = await client.request<{ label: string }[] | { items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri: 'file:///t/complete.yaml' },
      position: { line: 5, character: 2 },
    });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['hosts', 'http', 'gateways']));
  });

  test('completion offers the subsets of the destination host from another file', async () => {
    client.open('file:///t/ratings-rule.yaml', 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ratings}\nspec:\n  host: ratings\n  subsets:\n  - {name: v1, labels: {version: v1}}\n  - {name: v2, labels: {version: v2}}\n');
    client.open('file:///t/ratings-route.yaml', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ratings}\nspec:\n  hosts: [ratings]\n  http:\n  - route:\n    - destination:\n        host: ratings\n        subset: \n');
    const result = await client.request<{ label: string; kind: number; detail: string; documentation?: { kind: string; value: string } }[] | { items: { label: string; kind: number; detail: string }[] }>('textDocument/completion', {
      textDocument: { uri: 'file:///t/ratings-route.yaml' },
      position: { line: 9, character: 16 },
    });
    const items = Array.isArray(result) ? result : result.items;
    expect(items.map((i) => i.label)).toEqual(['v1', 'v2']);
    // CompletionItemKind.Reference
    expect(items[0]).toMatchObject({ kind: 18, detail: 'DestinationRule default/ratings' });
  });

  test('hover shows the schema description', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
      textDocument: { uri: 'file:///t/routes.yaml' },
      position: { line: 11, character: 6 },
    });
    expect(hover?.contents.kind).toBe('markdown');
    expect(hover?.contents.value).toMatch(/timeout/i);
  });

  test('document symbols list the resources', async () => {
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///t/routes.yaml' } });
    expect(symbols.map((s) => s.name)).toEqual(['VirtualService default/reviews']);
  });

  describe('navigation across files', () => {
    const RULES = 'file:///t/nav-rules.yaml';
    const ROUTES = 'file:///t/nav-routes.yaml';
    type Loc = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };

    beforeAll(() => {
      client.open(RULES, 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: public\nspec:\n  selector: {istio: ingressgateway}\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: shop\nspec:\n  host: shop\n  subsets:\n  - name: v1\n  - name: v2\n');
      client.open(ROUTES, 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: shop\nspec:\n  hosts: [shop.example.com]\n  gateways: [default/public]\n  http:\n  - route:\n    - destination: {host: shop, subset: v1}\n      weight: 80\n    - destination: {host: shop, subset: v2}\n      weight: 20\n');
    });

    test('definition: a gateway reference goes to the Gateway in the other file', async () => {
      const locations = await client.request<Loc[]>('textDocument/definition', { textDocument: { uri: ROUTES }, position: { line: 6, character: 22 } });
      expect(locations).toEqual([{ uri: RULES, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } } }]);
    });

    test('references: from a subset definition to the route that uses it, with the declaration', async () => {
      const locations = await client.request<Loc[]>('textDocument/references', { textDocument: { uri: RULES }, position: { line: 14, character: 10 }, context: { includeDeclaration: true } });
      expect(locations.map((l) => `${l.uri} ${l.range.start.line}:${l.range.start.character}`)).toEqual([`${ROUTES} 9:40`, `${RULES} 14:10`]);
    });

    test('rename: a subset across both files; a host is refused with a reason', async () => {
      const edit = await client.request<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { textDocument: { uri: ROUTES }, position: { line: 11, character: 41 }, newName: 'canary' });
      expect(Object.keys(edit.changes).sort()).toEqual([RULES, ROUTES].sort());
      expect(Object.values(edit.changes).flat().map((e) => e.newText)).toEqual(['canary', 'canary']);
      const prepared = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: ROUTES }, position: { line: 11, character: 41 } });
      expect(prepared.placeholder).toBe('v2');
      await expect(client.request('textDocument/prepareRename', { textDocument: { uri: ROUTES }, position: { line: 11, character: 26 } })).rejects.toThrow(/Renaming a destination host is not supported/);
    });

    test('code lens: subset usage opens the references through the client command; weights are plain text', async () => {
      type Lens = { range: Loc['range']; command: { title: string; command: string; arguments?: [string, { line: number; character: number }, Loc[]] } };
      const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: RULES } });
      const v1 = lenses.find((l) => l.range.start.line === 14);
      expect(v1?.command.title).toBe('used by 1 route');
      expect(v1?.command.command).toBe('istioYaml.showReferences');
      expect(v1?.command.arguments?.[0]).toBe(RULES);
      expect(v1?.command.arguments?.[2].map((l) => l.uri)).toEqual([ROUTES]);
      expect(lenses.find((l) => l.range.start.line === 0)?.command.title).toBe('bound by 1 VirtualService');
      const [split] = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: ROUTES } });
      expect(split.command).toEqual({ title: 'v1 80% · v2 20%', command: '' });
    });
  });

  test('requests on unknown documents or absurd positions return empty results', async () => {
    await expect(client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.yaml' }, position: { line: 0, character: 0 } })).resolves.toBeNull();
    await expect(client.request('textDocument/completion', { textDocument: { uri: 'file:///t/routes.yaml' }, position: { line: 1e6, character: 1e6 } })).resolves.toBeDefined();
    await expect(client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nope.yaml' } })).resolves.toEqual([]);
  });

  test('binary content and a 10 MB file do not take the server down', async () => {
    client.open('file:///t/binary.yaml', String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => i % 256)));
    const big = Array.from({ length: 20000 }, (_, i) => VS.replace('name: reviews', `name: r${i}`).replace('subsets', 'subset')).join('---\n');
    client.open('file:///t/big.yaml', big);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///t/big.yaml' } });
    expect(symbols).toHaveLength(20000);
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri: 'file:///t/routes.yaml' }, position: { line: 11, character: 6 } });
    expect(hover).not.toBeNull();
    expect(client.process.exitCode).toBeNull();
    // What is asserted is that the server survives; how long it takes is the benchmark's business. On
    // this 10 MB file of 20,000 documents the outline and the first diagnostics pass take 20-35 s
    // here (every document's yaml Document is parsed again for ranges), over vitest's default 30 s.
  }, 120_000);
});

describe('settings from workspace/configuration', () => {
  test('schema validation can be turned off (for users of Red Hat YAML with Istio schemas)', async () => {
    const client = new TestClient({ validation: { schema: false } });
    try {
      await client.initialize();
      client.open('file:///s/routes.yaml', VS.replace('networking.istio.io/v1', 'networking.istio.io/v1beta1'));
      const published = await client.diagnostics('file:///s/routes.yaml', (p) => p.diagnostics.length > 0);
      expect(published.diagnostics.map((d) => d.code)).toEqual(['IY006']);
    } finally {
      await client.shutdown();
    }
  });
});

describe('end of a diagnostics pass', () => {
  test('the server announces each pass, also when every file is clean', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-yaml-idle-'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: shop}\nspec:\n  mtls: {mode: STRICT}\n');
    fs.writeFileSync(path.join(dir, 'b.yaml'), VS.replace('subsets', 'subset'));
    const client = new TestClient();
    const idle: { scheduled: number; millis: number }[] = [];
    let notify = () => {};
    client.connection.onNotification('istioYaml/analysisIdle', (p: { scheduled: number; millis: number }) => {
      idle.push(p);
      notify();
    });
    const nextIdle = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no analysisIdle #${count}; got ${JSON.stringify(idle)}`)), 20000);
        notify = () => idle.length >= count && (clearTimeout(timer), resolve());
        notify();
      });
    try {
      await client.initialize(dir);
      await nextIdle(1);
      expect(idle[0].scheduled).toBe(2);
      expect(idle[0].millis).toBeGreaterThanOrEqual(0);
      expect(client.published.size).toBe(0); // both files are clean: the notification is the only signal
      client.open(`file://${dir}/b.yaml`, VS.replace('subsets', 'subset'));
      await nextIdle(2);
      expect(idle[1].scheduled).toBe(1);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
