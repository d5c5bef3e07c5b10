// Reference completion. The fixtures in test/fixtures/features/completion/references pin labels,
// details, order and insert texts; they run with the other completion fixtures (the fixture runner
// walks subfolders). This file checks what those snapshots cannot show: that every offered value,
// once inserted, is a reference the workspace resolves (so quoting and naming are right), the
// Markdown documentation, and that the workspace is only read where a reference is typed.
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { expandSnippet } from '../../server/src/core/features/skeletons';
import type { CompletionItem, Position } from '../../server/src/core/types';
import { FIXTURES, fixtureFiles, loadFixture } from '../harness/check';
import { fixtureUri } from '../harness/fixture';

function offsetOf(text: string, p: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A workspace of named texts; `$0` in one of them is the cursor. */
function workspaceOf(files: Record<string, string>): { workspace: Workspace; uri: string; text: string; position: Position } {
  const workspace = new Workspace();
  let cursor: { uri: string; text: string; position: Position } | undefined;
  for (const [name, source] of Object.entries(files)) {
    const at = source.indexOf('$0');
    const text = at >= 0 ? source.slice(0, at) + source.slice(at + 2) : source;
    workspace.setFile(fixtureUri(name), text);
    if (at >= 0) cursor = { uri: fixtureUri(name), text, position: positionOf(text, at) };
  }
  return { workspace, ...cursor! };
}

const SERVICES = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: bookinfo}
spec:
  selector: {matchLabels: {app: reviews, version: v1}}
  template:
    metadata: {labels: {app: reviews, version: v1}}
    spec: {containers: [{name: reviews, image: reviews:1}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ratings-v1, namespace: bookinfo}
spec:
  selector: {matchLabels: {app: ratings, version: v1}}
  template:
    metadata: {labels: {app: ratings, version: v1}}
    spec: {containers: [{name: ratings, image: ratings:1}]}
`;

const RULE = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
`;

const ROUTE = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: $0
`;

describe('reference completion', () => {
  test('a subset is documented with its labels and the workloads behind the host that carry them', () => {
    const { workspace, uri, position } = workspaceOf({ 'routes.yaml': ROUTE, 'rules.yaml': RULE, 'cluster.yaml': SERVICES });
    const [item] = workspace.snapshot().completion(uri, position);
    expect(item).toMatchObject({ label: 'v1', kind: 'reference', detail: 'DestinationRule bookinfo/reviews' });
    expect(item.documentation).toContain('Labels: `version=v1`');
    // ratings-v1 carries version=v1 too, but the Service `reviews` does not select it.
    expect(item.documentation).toContain('Deployment `bookinfo/reviews-v1`');
    expect(item.documentation).not.toContain('ratings');
  });

  test('a host is documented with its ports', () => {
    const { workspace, uri, position } = workspaceOf({ 'routes.yaml': ROUTE.replace('host: reviews\n        subset: $0', 'host: $0'), 'cluster.yaml': SERVICES });
    const items = workspace.snapshot().completion(uri, position);
    expect(items.map((i) => i.label)).toEqual(['reviews']);
    expect(items[0].documentation).toContain('`9080` http');
  });

  test('the workspace index is built only when the cursor is at a reference', () => {
    const { workspace, uri, text, position } = workspaceOf({ 'routes.yaml': ROUTE, 'rules.yaml': RULE });
    const snapshot = workspace.snapshot();
    const index = vi.spyOn(snapshot, 'index');
    // `spec:` keys: schema completion only.
    const specKeys = { line: text.split('\n').findIndex((l) => l.startsWith('  hosts:')), character: 2 };
    expect(snapshot.completion(uri, specKeys).length).toBeGreaterThan(0);
    expect(index).not.toHaveBeenCalled();
    expect(snapshot.completion(uri, position).map((i) => i.label)).toEqual(['v1']);
    expect(index).toHaveBeenCalledTimes(1);
  });

  test('label values are quoted when plain YAML would read them as something else', () => {
    const { workspace, uri, position } = workspaceOf({
      'gateway.yaml': 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec:\n  selector:\n    version: $0\n',
      'pods.yaml': ['true', '1.0', 'on', '1.2.3', 'v1', '0x1F', 'null']
        .map((v, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, labels: {version: "${v}"}}\nspec: {containers: [{name: x, image: x}]}\n`)
        .join('---\n'),
    });
    const inserted = Object.fromEntries(workspace.snapshot().completion(uri, position).map((i) => [i.label, i.insertText]));
    expect(inserted).toEqual({ 'true': '"true"', '1.0': '"1.0"', on: '"on"', '1.2.3': '1.2.3', v1: 'v1', '0x1F': '"0x1F"', null: '"null"' });
  });
});

/** The fixture's text with one completion item applied (snippets expanded with their first choice). */
function apply(text: string, item: CompletionItem): { text: string; valueOffset: number } {
  const start = offsetOf(text, item.range!.start);
  const end = offsetOf(text, item.range!.end);
  const inserted = expandSnippet(item.insertText);
  // Hover inside the value: past the inserted space and an opening quote.
  const lead = /^[ "']*/.exec(inserted)![0].length;
  return { text: text.slice(0, start) + inserted + text.slice(end), valueOffset: start + lead + 1 };
}

describe('every reference completion, once inserted, resolves', () => {
  for (const file of fixtureFiles('features/completion/references')) {
    test(path.relative(FIXTURES, file), () => {
      const { fixture, workspace } = loadFixture(file);
      const cursor = fixture.cursor!;
      const target = fixture.files.find((f) => f.path === cursor.file)!;
      const items = workspace.snapshot().completion(target.uri, positionOf(target.text, cursor.offset));
      for (const item of items) {
        const edited = apply(target.text, item);
        workspace.setFile(target.uri, edited.text);
        const snapshot = workspace.snapshot();
        const hover = snapshot.hover(target.uri, positionOf(edited.text, edited.valueOffset));
        const heading = hover?.contents.split('\n')[0] ?? '';
        // The hover names the inserted value (as a reference or as one label of a selector) and finds it.
        expect(heading, `${item.label}: ${JSON.stringify(edited.text.split('\n')[positionOf(edited.text, edited.valueOffset).line])}`).toMatch(/^\*\*[a-z ]+\*\* /);
        expect(heading).toContain(item.label);
        expect(hover!.contents).not.toContain('Not found in the workspace');
        // And the schema accepts what was inserted.
        const line = positionOf(edited.text, edited.valueOffset).line;
        const schema = snapshot.diagnostics(target.uri).filter((d) => d.range.start.line === line && /^IY00[2-5]$/.test(d.code));
        expect(schema, item.label).toEqual([]);
      }
      workspace.setFile(target.uri, target.text);
    });
  }
});
