// Long reference lists are cut to what matches the text before the cursor and marked incomplete, so a
// workspace with thousands of hosts answers completion quickly; short lists are whole.
import { describe, expect, test } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';

const SERVICES = Array.from({ length: 150 }, (_, i) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-${String(i).padStart(3, '0')}, namespace: shop}\nspec:\n  ports: [{name: http, port: 80}]\n`).join('');
const ROUTE = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r, namespace: shop}\nspec:\n  hosts: [r]\n  http:\n  - route:\n    - destination:\n        host: svc-042\n';

function setup(): Workspace {
  const ws = new Workspace();
  ws.setFile('file:///services.yaml', SERVICES);
  ws.setFile('file:///route.yaml', ROUTE);
  return ws;
}

const HOST_LINE = 8;
const VALUE = '        host: '.length;

describe('reference completion limits', () => {
  test('at the start of a value, the first hundred hosts are offered and the list is incomplete', () => {
    const list = setup().snapshot().completionList('file:///route.yaml', { line: HOST_LINE, character: VALUE });
    const hosts = list.items.filter((i) => i.kind === 'reference');
    expect(hosts).toHaveLength(100);
    expect(list.incomplete).toBe(true);
  });

  test('what is typed before the cursor narrows the list; the rest of the word does not', () => {
    const list = setup().snapshot().completionList('file:///route.yaml', { line: HOST_LINE, character: VALUE + 'svc-04'.length });
    const labels = list.items.filter((i) => i.kind === 'reference').map((i) => i.label);
    // The typed characters, in order (as lenient as an editor's fuzzy filter): svc-040…svc-049, and svc-004, svc-104, ….
    expect(labels).toEqual(expect.arrayContaining(Array.from({ length: 10 }, (_, i) => `svc-04${i}`)));
    expect(labels.every((l) => /s.*v.*c.*-.*0.*4/.test(l))).toBe(true);
    expect(labels.length).toBeLessThan(100);
    expect(list.incomplete).toBe(true);
  });

  test('a list within the limit is complete', () => {
    const ws = new Workspace();
    ws.setFile('file:///services.yaml', SERVICES.split('---\n').slice(0, 11).join('---\n'));
    ws.setFile('file:///route.yaml', ROUTE);
    const list = ws.snapshot().completionList('file:///route.yaml', { line: HOST_LINE, character: VALUE });
    expect(list.items.filter((i) => i.kind === 'reference')).toHaveLength(10);
    expect(list.incomplete).toBe(false);
  });
});
