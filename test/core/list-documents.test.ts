// `kind: List` documents: every item is a resource of its own (as kubectl and istioctl read them),
// and everything that turns an item's field path into a source range points into that item.
import { describe, expect, test } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { defineWorkspaceAnalyzer, type AnalyzerMeta } from '../../server/src/core/analyzers/framework';
import { appendListItem } from '../../server/src/core/analyzers/fix-edits';
import { type AnalyzerFilter, analyzeInWorkspace } from '../../server/src/core/analyzers/run';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { buildFile } from '../../server/src/core/model/file';
import { resourceLabel } from '../../server/src/core/model/resource';

const URI = 'file:///list/items.yaml';

const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: ratings
  spec:
    hosts: [ratings]
    bogus: 1
    http:
    - route:
      - destination: {host: ratings}
- just a string
- apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: reviews
    namespace: bookinfo
  spec:
    host: reviews
    bogus: 2
    subsets:
    - name: v1
      labels: {version: v1}
`;

/** 0-based line of the first occurrence of a text. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length - 1;
}

describe('kind: List', () => {
  test('each object item is a resource with its path in the document; the List itself is not one', () => {
    const file = buildFile(URI, LIST, 'default');
    expect(file.resources.map((r) => [resourceLabel(r), r.root])).toEqual([
      ['VirtualService default/ratings', ['items', 0]],
      ['DestinationRule bookinfo/reviews', ['items', 2]],
    ]);
    expect(file.istio).toBe(true);
    const [vs] = file.resources;
    expect(vs.value).toBe(vs.parsed.value);
    expect((vs.value.metadata as { name: string }).name).toBe('ratings');
  });

  test('a List without items, or whose items is not a list, holds no resources; other documents keep an empty root', () => {
    expect(buildFile(URI, 'apiVersion: v1\nkind: List\nitems: []\n', 'default').resources).toEqual([]);
    expect(buildFile(URI, 'apiVersion: v1\nkind: List\nitems:\n', 'default').resources).toEqual([]);
    const plain = buildFile(URI, 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n', 'default');
    expect(plain.resources.map((r) => r.root)).toEqual([[]]);
  });

  test('resource ranges are the items, and findings in each item land on their own lines', () => {
    const ws = new Workspace();
    ws.setFile(URI, LIST);
    const snapshot = ws.snapshot();
    expect(snapshot.resources(URI).map((r) => [r.kind, r.range.start.line])).toEqual([
      ['VirtualService', lineOf(LIST, 'apiVersion: networking.istio.io/v1\n  kind: VirtualService')],
      ['DestinationRule', lineOf(LIST, 'apiVersion: networking.istio.io/v1\n  kind: DestinationRule')],
    ]);
    // Two items share one YAML document; each keeps its own findings (the caches key on the item).
    const unknown = snapshot.diagnostics(URI).filter((d) => d.code === 'IY002');
    expect(unknown.map((d) => [d.resource, d.range.start.line])).toEqual([
      ['VirtualService default/ratings', lineOf(LIST, 'bogus: 1')],
      ['DestinationRule bookinfo/reviews', lineOf(LIST, 'bogus: 2')],
    ]);
  });

  test('an edit elsewhere in the file keeps the items of an unchanged List (their cached findings stay valid)', () => {
    const ws = new Workspace();
    const other = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n';
    ws.setFile(URI, `${LIST}---\n${other}`);
    const before = ws.snapshot().file(URI)!.resources;
    ws.setFile(URI, `${LIST}---\n${other.replace('name: a', 'name: b')}`);
    const after = ws.snapshot().file(URI)!.resources;
    expect(after[0].parsed).toBe(before[0].parsed);
    expect(after[1].parsed).toBe(before[1].parsed);
    expect(after[2].parsed).not.toBe(before[2].parsed);
  });

  test('related places and list-append fixes of cross-resource findings point into the List item', () => {
    const routes = 'file:///list/routes.yaml';
    const rules = 'file:///list/rules.yaml';
    const routesText = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v2}
`;
    const resources = [...buildFile(routes, routesText, 'default').resources, ...buildFile(rules, LIST, 'default').resources];
    const [vs, , dr] = resources;
    const meta: AnalyzerMeta = { code: 'IY999', name: 'test-only', severity: 'warning', category: 'workspace', inputs: ['VirtualService'], summary: 'Test.', docs: '' };
    const analyzer = defineWorkspaceAnalyzer(meta, (ctx) => {
      const fix = appendListItem(dr, ['spec', 'subsets'], '- name: v2\n  labels: {version: v2}');
      ctx.report({
        path: ['spec', 'http', 0, 'route', 0, 'destination', 'subset'],
        message: 'no subset v2',
        related: [{ resource: dr, path: ['spec', 'subsets'], message: 'subsets' }],
        fixes: fix ? [{ title: 'Add subset', edits: [fix] }] : [],
      });
    });
    const filter: AnalyzerFilter = { enabled: () => true, severity: (m) => m.severity };
    const [finding] = analyzeInWorkspace(vs, new WorkspaceIndex(resources).view(), { unresolvedInIncompleteWorkspace: 'information' }, () => 0, filter, [analyzer]);
    expect(routesText.slice(finding.start, finding.end)).toBe('v2');
    const related = finding.related![0];
    expect(LIST.slice(related.start, related.end)).toBe('subsets');
    const edit = finding.fixes![0].edits[0];
    expect(edit.target).toBe(dr);
    const fixed = LIST.slice(0, edit.start) + edit.newText + LIST.slice(edit.end);
    expect(fixed).toBe(LIST.replace('      labels: {version: v1}\n', '      labels: {version: v1}\n    - name: v2\n      labels: {version: v2}\n'));
  });

  test('appendListItem adds after the last item of a block sequence, also when keys follow it, and declines flow sequences', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r}\nspec:\n  subsets:\n  - name: v1\n\n  trafficPolicy: {}\n  flow: [a]\n';
    const [dr] = buildFile(URI, text, 'default').resources;
    const edit = appendListItem(dr, ['spec', 'subsets'], '- name: v2\n')!;
    expect(text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).toBe(text.replace('  - name: v1\n', '  - name: v1\n  - name: v2\n'));
    expect(appendListItem(dr, ['spec', 'flow'], '- b')).toBeUndefined();
    expect(appendListItem(dr, ['spec', 'missing'], '- b')).toBeUndefined();
  });

  test('hover, completion, symbols and selection inside List items do not throw or point outside the item', () => {
    const ws = new Workspace();
    ws.setFile(URI, LIST);
    const snapshot = ws.snapshot();
    const lines = LIST.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character++) {
        const position = { line, character };
        const hover = snapshot.hover(URI, position);
        if (hover) expect(hover.range.start.line).toBe(line);
        snapshot.completion(URI, position);
        snapshot.selectionRanges(URI, [position]);
      }
    }
    expect(snapshot.symbols(URI).map((s) => [s.name, s.selectionRange.start.line])).toEqual([
      ['VirtualService default/ratings', lineOf(LIST, 'name: ratings')],
      ['DestinationRule bookinfo/reviews', lineOf(LIST, 'name: reviews')],
    ]);
  });
});
