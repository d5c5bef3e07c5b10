// Hover fixtures (test/fixtures/features/hover): one test per fixture, compared with its `.hover.md` snapshot;
// and hover on plain YAML without the yaml Document.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { checkHover } from '../harness/features';

describe('hover fixtures', () => {
  for (const file of fixtureFiles('features/hover')) {
    test(path.relative(FIXTURES, file), () => checkHover(file));
  }
});

describe('hover and navigation on plain YAML', () => {
  const ROUTES = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v2
`;
  const RULE = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  subsets:
  - name: v2
    labels: {version: v2}
`;

  // In a large file the yaml Documents of most chunks have been dropped (see DocumentStore); the
  // cursor's key or value is read by the fast path instead of parsing the chunk again.
  test('find the scalar under the cursor without building the yaml Document', () => {
    const ws = new Workspace();
    ws.setFile('file:///w/routes.yaml', ROUTES);
    ws.setFile('file:///w/rules.yaml', RULE);
    const snapshot = ws.snapshot();
    const documentsOf = (uri: string) => snapshot.file(uri)!.parsed.chunks.map((c) => c.chunk.documents?.docs);
    expect(documentsOf('file:///w/routes.yaml')).toEqual([undefined]);
    const subset = { line: 12, character: 17 };
    const hover = snapshot.hover('file:///w/routes.yaml', subset);
    expect(hover?.contents).toContain('Subset of DestinationRule `shop/reviews`');
    expect(hover?.range).toEqual({ start: { line: 12, character: 16 }, end: { line: 12, character: 18 } });
    const definition = snapshot.definition('file:///w/routes.yaml', subset);
    expect(definition.map((l) => [l.uri, l.range.start.line])).toEqual([['file:///w/rules.yaml', 8]]);
    expect(documentsOf('file:///w/routes.yaml')).toEqual([undefined]);
  });
});
