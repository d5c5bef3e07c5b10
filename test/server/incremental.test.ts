// Over LSP: an edit in one file republishes the diagnostics of the files that depend on it.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SERVER, TestClient } from './lsp-client';

const gateway = (name: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: bookinfo}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [bookinfo.example.com]
`;

const ROUTES = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bookinfo, namespace: bookinfo}
spec:
  hosts: [bookinfo.example.com]
  gateways: [public]
  http:
  - route:
    - destination: {host: productpage}
`;

describe('cross-file diagnostics over LSP', () => {
  let client: TestClient;

  beforeAll(async () => {
    expect(fs.existsSync(SERVER), 'build the server first: npm run build').toBe(true);
    client = new TestClient();
    await client.initialize();
  });

  afterAll(async () => {
    await client.shutdown();
  });

  test('an edit to gateways.yaml republishes routes.yaml, which is not edited', async () => {
    client.open('file:///x/gateways.yaml', gateway('private'));
    client.open('file:///x/routes.yaml', ROUTES);
    const broken = await client.diagnostics('file:///x/routes.yaml', (p) => p.diagnostics.some((d) => d.code === 'IY901'));
    const d = broken.diagnostics.find((x) => x.code === 'IY901')!;
    expect(d.message).toContain("Gateway 'public' not found");
    expect(d.range.start.line).toBe(5);
    // Renaming the Gateway to what the routes name clears the finding in the other file...
    client.change('file:///x/gateways.yaml', gateway('public'), 2);
    await client.diagnostics('file:///x/routes.yaml', (p) => p.diagnostics.every((x) => x.code !== 'IY901'));
    // ...and renaming it away brings it back.
    client.change('file:///x/gateways.yaml', gateway('private'), 3);
    await client.diagnostics('file:///x/routes.yaml', (p) => p.diagnostics.some((x) => x.code === 'IY901'));
  });
});
