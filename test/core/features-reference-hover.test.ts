// Reference hovers. The fixtures in test/fixtures/features/hover/references pin the rendered hovers;
// they run with the other hover fixtures (the fixture runner walks subfolders). This file checks
// what holds for every one of them: the field's schema documentation is kept below the reference,
// Secret data never shows, and the workspace is read only when the hover is on a reference.
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { hover as schemaHover } from '../../server/src/core/features/hover';
import type { Position } from '../../server/src/core/types';
import { FIXTURES, fixtureFiles, loadFixture } from '../harness/check';
import { fixtureUri } from '../harness/fixture';

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('reference hovers keep the schema documentation', () => {
  for (const file of fixtureFiles('features/hover/references')) {
    test(path.relative(FIXTURES, file), () => {
      const { fixture, workspace } = loadFixture(file);
      const cursor = fixture.cursor!;
      const target = fixture.files.find((f) => f.path === cursor.file)!;
      const snapshot = workspace.snapshot();
      const withReference = snapshot.hover(target.uri, positionOf(target.text, cursor.offset));
      const alone = schemaHover(snapshot.file(target.uri)!, cursor.offset);
      expect(alone, 'the fixture hovers a documented field').toBeDefined();
      expect(withReference?.range).toEqual(alone!.range);
      expect(withReference!.contents.endsWith(alone!.contents)).toBe(true);
    });
  }
});

describe('reference hover', () => {
  test('a credential shows the Secret key names, never the data', () => {
    const file = fixtureFiles('features/hover/references', (f) => f.endsWith('credential.yaml'))[0];
    const { fixture, workspace } = loadFixture(file);
    const target = fixture.files.find((f) => f.path === fixture.cursor!.file)!;
    const contents = workspace.snapshot().hover(target.uri, positionOf(target.text, fixture.cursor!.offset))!.contents;
    expect(contents).toContain('`tls.crt`');
    expect(contents).not.toContain('c2VjcmV0');
  });

  test('the workspace index is built only when the hover is on a reference', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r}\nspec:\n  hosts: [reviews]\n  http:\n  - timeout: 5s\n    route:\n    - destination: {host: reviews}\n';
    const workspace = new Workspace();
    workspace.setFile(fixtureUri('routes.yaml'), text);
    workspace.setFile(fixtureUri('services.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec: {ports: [{port: 80}]}\n');
    const snapshot = workspace.snapshot();
    const index = vi.spyOn(snapshot, 'index');
    expect(snapshot.hover(fixtureUri('routes.yaml'), positionOf(text, text.indexOf('timeout') + 2))?.contents).toContain('**timeout**');
    expect(index).not.toHaveBeenCalled();
    expect(snapshot.hover(fixtureUri('routes.yaml'), positionOf(text, text.indexOf('host: reviews') + 8))?.contents).toContain('Service `default/reviews`');
    expect(index).toHaveBeenCalledTimes(1);
  });

  test('a namespace without a Namespace object but with objects in it is not reported missing', () => {
    const text = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: a, namespace: shop}\nspec:\n  rules:\n  - from:\n    - source: {namespaces: [backend, nowhere]}\n';
    const workspace = new Workspace();
    workspace.setFile(fixtureUri('policy.yaml'), text);
    workspace.setFile(fixtureUri('cluster.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: backend}\nspec: {ports: [{port: 80}]}\n');
    const snapshot = workspace.snapshot();
    const at = (word: string) => snapshot.hover(fixtureUri('policy.yaml'), positionOf(text, text.indexOf(word) + 1))!.contents;
    expect(at('backend')).toContain('1 object lives in that namespace');
    expect(at('nowhere')).toContain('Not found in the workspace');
  });
});
