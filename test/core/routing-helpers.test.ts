// The helpers the routing analyzers share: host suggestions as a referrer should write them, and the
// YAML edits of their quick fixes (lists in flow and block style, new map entries, sibling keys).
import { describe, expect, test } from 'vitest';
import { appendToMap, appendToSequence, hostAsWrittenFrom, insertAfterEntry, suggestHost, yamlScalar } from '../../server/src/core/analyzers/routing';
import type { ChunkEdit } from '../../server/src/core/analyzers/framework';
import { hostTable } from '../../server/src/core/index/host-table';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { buildFile } from '../../server/src/core/model/file';
import type { Resource } from '../../server/src/core/model/resource';

function resourceOf(text: string): Resource {
  const [resource] = buildFile('file:///test.yaml', text, 'default').resources;
  return resource;
}

function apply(resource: Resource, edit: ChunkEdit | undefined): string {
  expect(edit).toBeDefined();
  const text = resource.chunk.text;
  return text.slice(0, edit!.start) + edit!.newText + text.slice(edit!.end);
}

const SERVICES = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec:
  ports: [{port: 9080}]
---
apiVersion: v1
kind: Service
metadata:
  name: secret
  namespace: vault
  annotations: {networking.istio.io/exportTo: "."}
spec:
  ports: [{port: 8200}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: payments, namespace: bookinfo}
spec:
  hosts: [api.payments.example.com]
`;

describe('host suggestions', () => {
  const view = new WorkspaceIndex(buildFile('file:///services.yaml', SERVICES, 'default').resources).view();

  test('a typo suggests the host as the referrer writes it: short in its own namespace, full elsewhere', () => {
    expect(suggestHost(view, 'bookinfo', 'reviwes')).toBe('reviews');
    expect(suggestHost(view, 'frontend', 'reviwes.bookinfo.svc.cluster.local')).toBe('reviews.bookinfo.svc.cluster.local');
    expect(suggestHost(view, 'bookinfo', 'api.payment.example.com')).toBe('api.payments.example.com');
  });

  test('name.namespace, which istiod does not expand, suggests the full name', () => {
    expect(suggestHost(view, 'frontend', 'reviews.bookinfo')).toBe('reviews.bookinfo.svc.cluster.local');
  });

  test('hosts not exported to the referrer are never suggested', () => {
    expect(suggestHost(view, 'bookinfo', 'secrett.vault.svc.cluster.local')).toBeUndefined();
    expect(suggestHost(view, 'vault', 'secrett')).toBe('secret');
  });

  test('hostAsWrittenFrom', () => {
    const reviews = hostTable(view).find((e) => e.host === 'reviews.bookinfo.svc.cluster.local')!;
    expect(hostAsWrittenFrom('bookinfo', reviews)).toBe('reviews');
    expect(hostAsWrittenFrom('other', reviews)).toBe('reviews.bookinfo.svc.cluster.local');
  });
});

describe('fix edits', () => {
  test('appendToSequence follows the quoting of a flow list and fills an empty one', () => {
    const r = resourceOf('kind: Gateway\napiVersion: networking.istio.io/v1\nspec:\n  a: ["x.com"]\n  b: [x.com]\n  c: []\n');
    expect(apply(r, appendToSequence(r, ['spec', 'a'], 'y.com'))).toContain('a: ["x.com", "y.com"]');
    expect(apply(r, appendToSequence(r, ['spec', 'b'], 'y.com'))).toContain('b: [x.com, y.com]');
    expect(apply(r, appendToSequence(r, ['spec', 'c'], 'y.com'))).toContain('c: [y.com]');
    expect(appendToSequence(r, ['spec', 'missing'], 'y.com')).toBeUndefined();
  });

  test('appendToSequence indents a multi-line item like the block list it joins', () => {
    const r = resourceOf('kind: DestinationRule\napiVersion: networking.istio.io/v1\nspec:\n  subsets:\n    - name: v1\n  host: r\n');
    expect(apply(r, appendToSequence(r, ['spec', 'subsets'], 'name: v2\nlabels:\n  version: v2'))).toBe(
      'kind: DestinationRule\napiVersion: networking.istio.io/v1\nspec:\n  subsets:\n    - name: v1\n    - name: v2\n      labels:\n        version: v2\n  host: r\n',
    );
  });

  test('appendToMap adds entries after the last one, also at the end of a text without a final line break', () => {
    const r = resourceOf('kind: DestinationRule\napiVersion: networking.istio.io/v1\nspec:\n  host: r\n  trafficPolicy:\n    tls: {mode: SIMPLE}');
    expect(apply(r, appendToMap(r, ['spec'], ['subsets:', '- name: v1']))).toBe(
      'kind: DestinationRule\napiVersion: networking.istio.io/v1\nspec:\n  host: r\n  trafficPolicy:\n    tls: {mode: SIMPLE}\n  subsets:\n  - name: v1',
    );
  });

  test('insertAfterEntry keeps a trailing comment on its line and declines flow maps', () => {
    const r = resourceOf('kind: VirtualService\napiVersion: networking.istio.io/v1\nspec:\n  a:\n    host: x  # note\n    subset: v1\n  b: {host: x}\n');
    expect(apply(r, insertAfterEntry(r, ['spec', 'a', 'host'], ['port:', '  number: 80']))).toContain('    host: x  # note\n    port:\n      number: 80\n    subset: v1\n');
    expect(insertAfterEntry(r, ['spec', 'b', 'host'], ['port: 80'])).toBeUndefined();
  });

  test('yamlScalar quotes what YAML would read as something else', () => {
    expect(yamlScalar('reviews')).toBe('reviews');
    expect(yamlScalar('*.example.com')).toBe('"*.example.com"');
    expect(yamlScalar('on')).toBe('"on"');
    expect(yamlScalar('1.5')).toBe('"1.5"');
  });
});
