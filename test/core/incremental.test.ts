// Incremental analysis: an edit in one file republishes exactly the files whose cross-resource findings
// read what changed, and findings follow the edit.
import { describe, expect, test } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';

const GATEWAY = (name: string) => `apiVersion: networking.istio.io/v1
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

const TELEMETRY = `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: {name: mesh-default, namespace: istio-system}
spec:
  accessLogging:
  - providers: [{name: envoy}]
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: productpage, namespace: bookinfo}
spec:
  ports: [{name: http, port: 9080}]
`;

function setup(): Workspace {
  const ws = new Workspace();
  ws.configure({ ...DEFAULT_SETTINGS, unresolvedInIncompleteWorkspace: 'information' });
  ws.setFile('file:///w/gateways.yaml', GATEWAY('public'));
  ws.setFile('file:///w/routes.yaml', ROUTES);
  ws.setFile('file:///w/telemetry.yaml', TELEMETRY);
  ws.setFile('file:///w/services.yaml', SERVICE);
  // The host publishes everything once (this is what records each resource's dependencies).
  const first = ws.snapshot();
  for (const uri of first.uris()) first.diagnostics(uri);
  return ws;
}

const codes = (ws: Workspace, uri: string) => ws.snapshot().diagnostics(uri).map((d) => d.code);

describe('incremental analysis', () => {
  test('renaming a Gateway republishes the routes that bind to it, and only those', () => {
    const ws = setup();
    expect(codes(ws, 'file:///w/routes.yaml')).not.toContain('IY901');
    ws.setFile('file:///w/gateways.yaml', GATEWAY('private'));
    const affected = ws.snapshot().affectedBy(['file:///w/gateways.yaml']);
    expect(affected).toContain('file:///w/gateways.yaml');
    expect(affected).toContain('file:///w/routes.yaml');
    expect(affected).not.toContain('file:///w/telemetry.yaml');
    expect(codes(ws, 'file:///w/routes.yaml')).toContain('IY901');
    ws.setFile('file:///w/gateways.yaml', GATEWAY('public'));
    expect(codes(ws, 'file:///w/routes.yaml')).not.toContain('IY901');
  });

  test('deleting the file that defines the Gateway republishes its readers', () => {
    const ws = setup();
    ws.removeFile('file:///w/gateways.yaml');
    expect(ws.snapshot().affectedBy(['file:///w/gateways.yaml'])).toContain('file:///w/routes.yaml');
    // With no Gateway left anywhere the reference is undecidable: information, not an error.
    const d = ws.snapshot().diagnostics('file:///w/routes.yaml').find((x) => x.code === 'IY901');
    expect(d?.severity).toBe('information');
  });

  test('a file that does not read the changed kinds is not republished', () => {
    const ws = setup();
    ws.setFile('file:///w/telemetry.yaml', TELEMETRY.replace('envoy', 'otel'));
    const affected = ws.snapshot().affectedBy(['file:///w/telemetry.yaml']);
    expect(affected).not.toContain('file:///w/gateways.yaml');
    expect(affected).not.toContain('file:///w/routes.yaml');
  });

  test('requests between two changes share one snapshot, and every change makes a new one that shows it', () => {
    const ws = setup();
    const first = ws.snapshot();
    expect(ws.snapshot()).toBe(first);
    ws.setOpen('file:///w/routes.yaml', true);
    expect(ws.snapshot()).toBe(first);
    ws.setFile('file:///w/gateways.yaml', GATEWAY('private'));
    const second = ws.snapshot();
    expect(second).not.toBe(first);
    expect(codes(ws, 'file:///w/routes.yaml')).toContain('IY901');
    // The snapshot taken before the change still shows the workspace as it was.
    expect(first.diagnostics('file:///w/routes.yaml').map((d) => d.code)).not.toContain('IY901');
    ws.removeFile('file:///w/telemetry.yaml');
    expect(ws.snapshot()).not.toBe(second);
    expect(ws.snapshot().uris()).not.toContain('file:///w/telemetry.yaml');
    const third = ws.snapshot();
    ws.configure({ ...DEFAULT_SETTINGS, disabled: ['IY901'] });
    expect(ws.snapshot()).not.toBe(third);
    expect(codes(ws, 'file:///w/routes.yaml')).not.toContain('IY901');
  });

  test('a Kubernetes-only file gets diagnostics only when the workspace holds Istio configuration', () => {
    const alone = new Workspace();
    alone.setFile('file:///w/services.yaml', SERVICE.replace('name: http', 'name: web'));
    expect(alone.snapshot().diagnostics('file:///w/services.yaml')).toEqual([]);
  });
});

describe('suppression', () => {
  const DR = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
`;

  test('a cross-resource finding without an istioctl code can be suppressed by our code, and the annotation silences it', () => {
    const ws = new Workspace();
    ws.setFile('file:///w/reviews.yaml', DR);
    const unused = ws.snapshot().diagnostics('file:///w/reviews.yaml').find((d) => d.code === 'IY911');
    expect(unused?.message).toContain("'v2'");
    const fix = unused?.fixes?.find((f) => f.title === 'Suppress IY911 for DestinationRule bookinfo/reviews');
    expect(fix, JSON.stringify(unused?.fixes?.map((f) => f.title))).toBeDefined();
    ws.setFile('file:///w/reviews.yaml', DR.replace('metadata: {name: reviews, namespace: bookinfo}\nspec:\n  host', 'metadata:\n  name: reviews\n  namespace: bookinfo\n  annotations: {galley.istio.io/analyze-suppress: IY911}\nspec:\n  host'));
    expect(ws.snapshot().diagnostics('file:///w/reviews.yaml').map((d) => d.code)).not.toContain('IY911');
  });
});
