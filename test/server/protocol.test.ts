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
  });
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
