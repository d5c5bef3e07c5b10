// Edits applied with their change ranges (as an editor sends them) must give exactly what parsing the
// new text from scratch gives: the same chunks, line index, resources and diagnostics.
import { describe, expect, test } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { updateFile } from '../../server/src/core/model/file';
import { changedRegion, type TextChange } from '../../server/src/core/text/changes';
import { parseFile } from '../../server/src/core/yaml/parse';
// @ts-expect-error: a plain ES module without types
import { prng } from '../../bench/generate-mesh.mjs';

const DOCS = [
  '%YAML 1.2\n---\n',
  'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r, namespace: shop}\nspec:\n  host: r\n  subsets:\n  - {name: v1, labels: {version: v1}}\n',
  '---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r, namespace: shop}\nspec:\n  hosts: [r]\n  http:\n  - route:\n    - destination: {host: r, subset: v1}\n',
  '--- # a comment\napiVersion: v1\nkind: Service\nmetadata: {name: r, namespace: shop}\n',
  '---\n# only a comment\n',
  '---\nfoo: [unclosed\n',
];

/** Insertions likely to create or destroy document markers, line breaks and syntax errors. */
const SNIPPETS = ['---', '\n---\n', '-', '\n', '\r\n', ' ', 'x', '---x', ': ', '%YAML 1.2\n', '  - a\n', '"', '# c\n', ''];

function randomEdit(text: string, next: () => number): { text: string; change: TextChange } {
  const start = Math.floor(next() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(next() * 6));
  const inserted = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
  return { text: text.slice(0, start) + inserted + text.slice(end), change: { start, end, newLength: inserted.length } };
}

function shape(file: ReturnType<typeof parseFile>) {
  return file.chunks.map((c) => ({ base: c.base, text: c.chunk.text }));
}

describe('incremental parsing with change ranges', () => {
  test('chunks and line index equal a full parse after random edits', () => {
    const next = prng(7);
    for (let round = 0; round < 12; round++) {
      let text = DOCS.join('');
      let parsed = parseFile(text);
      for (let step = 0; step < 20; step++) {
        const count = 1 + Math.floor(next() * 2);
        const changes: TextChange[] = [];
        for (let i = 0; i < count; i++) {
          const edit = randomEdit(text, next);
          changes.push(edit.change);
          text = edit.text;
        }
        const region = changedRegion(parsed.text.length, changes);
        parsed = parseFile(text, parsed, region);
        const fresh = parseFile(text);
        expect(shape(parsed)).toEqual(shape(fresh));
        for (let offset = 0; offset <= text.length; offset += 7) expect(parsed.lines.position(offset)).toEqual(fresh.lines.position(offset));
        expect(parsed.lines.lineCount).toBe(fresh.lines.lineCount);
      }
    }
  });

  test('unchanged chunks keep their resources, and only the edited document is new', () => {
    const text = DOCS.slice(1, 4).join('');
    const first = updateFile('file:///a.yaml', text, 'default');
    const at = text.indexOf('subset: v1') + 'subset: v'.length;
    const edited = `${text.slice(0, at)}2${text.slice(at + 1)}`;
    const second = updateFile('file:///a.yaml', edited, 'default', first.file, { changed: changedRegion(text.length, [{ start: at, end: at + 1, newLength: 1 }]) });
    expect(second.removed.map((r) => r.kind)).toEqual(['VirtualService']);
    expect(second.added.map((r) => r.kind)).toEqual(['VirtualService']);
    expect(second.file.resources[0]).toBe(first.file.resources[0]);
    expect(second.file.resources[2]).toBe(first.file.resources[2]);
  });

  test('the workspace gives the same diagnostics with and without change ranges', () => {
    const next = prng(11);
    const withChanges = new Workspace();
    const without = new Workspace();
    let text = DOCS.slice(1).join('');
    withChanges.setFile('file:///a.yaml', text);
    without.setFile('file:///a.yaml', text);
    for (let step = 0; step < 60; step++) {
      const edit = randomEdit(text, next);
      text = edit.text;
      withChanges.setFile('file:///a.yaml', text, [edit.change]);
      without.setFile('file:///a.yaml', text);
      expect(withChanges.snapshot().diagnostics('file:///a.yaml')).toEqual(without.snapshot().diagnostics('file:///a.yaml'));
    }
  });

  test('changes that do not fit the previous text fall back to a full parse', () => {
    const ws = new Workspace();
    ws.setFile('file:///a.yaml', 'a: 1\n');
    ws.setFile('file:///a.yaml', 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\n', [{ start: 0, end: 99, newLength: 3 }]);
    expect(ws.snapshot().resources('file:///a.yaml').map((r) => r.kind)).toEqual(['Gateway']);
  });
});

describe('yaml Documents kept within a budget', () => {
  test('documents dropped by the store are parsed again, with the same ranges and diagnostics', () => {
    const text = Array.from({ length: 30 }, (_, i) => DOCS[2].replace(/name: r/g, `name: r${i}`).replace('hosts: [r]', `hosts: [r${i}]`)).join('') + DOCS[1];
    const small = new Workspace({ retainedYamlChars: 300 });
    const all = new Workspace({ retainedYamlChars: Infinity });
    small.setFile('file:///a.yaml', text);
    all.setFile('file:///a.yaml', text);
    const uri = 'file:///a.yaml';
    expect(small.snapshot().diagnostics(uri)).toEqual(all.snapshot().diagnostics(uri));
    expect(small.snapshot().symbols(uri)).toEqual(all.snapshot().symbols(uri));
    expect(small.snapshot().foldingRanges(uri)).toEqual(all.snapshot().foldingRanges(uri));
    small.setOpen(uri, true);
    expect(small.snapshot().codeLenses(uri)).toEqual(all.snapshot().codeLenses(uri));
  });
});

describe('dependencies narrower than a kind', () => {
  const rule = (host: string, subset: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${host}, namespace: shop}\nspec:\n  host: ${host}\n  subsets:\n  - {name: ${subset}, labels: {version: ${subset}}}\n`;
  const route = (host: string) => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${host}, namespace: shop}\nspec:\n  hosts: [${host}]\n  http:\n  - route:\n    - destination: {host: ${host}, subset: v1}\n`;

  test('renaming a subset of one host republishes the routes to that host only, with the new finding', () => {
    const ws = new Workspace();
    ws.setFile('file:///a-rule.yaml', rule('a', 'v1'));
    ws.setFile('file:///b-rule.yaml', rule('b', 'v1'));
    ws.setFile('file:///a-route.yaml', route('a'));
    ws.setFile('file:///b-route.yaml', route('b'));
    const first = ws.snapshot();
    for (const uri of first.uris()) first.diagnostics(uri);
    ws.setFile('file:///a-rule.yaml', rule('a', 'v2'));
    const next = ws.snapshot();
    const affected = next.affectedBy(['file:///a-rule.yaml'], first.version);
    expect(affected).toContain('file:///a-route.yaml');
    expect(affected).not.toContain('file:///b-route.yaml');
    expect(affected).not.toContain('file:///b-rule.yaml');
    expect(next.diagnostics('file:///a-route.yaml').map((d) => d.code)).toContain('IY903');
    expect(next.diagnostics('file:///b-route.yaml').map((d) => d.code)).not.toContain('IY903');
  });

  test('a rule for a new host republishes the routes that named that host', () => {
    const ws = new Workspace();
    ws.setFile('file:///a-route.yaml', route('a'));
    ws.setFile('file:///b-rule.yaml', rule('b', 'v1'));
    const first = ws.snapshot();
    for (const uri of first.uris()) first.diagnostics(uri);
    expect(first.diagnostics('file:///a-route.yaml').map((d) => d.code)).toContain('IY903');
    ws.setFile('file:///a-rule.yaml', rule('a', 'v1'));
    const next = ws.snapshot();
    expect(next.affectedBy(['file:///a-rule.yaml'], first.version)).toContain('file:///a-route.yaml');
    expect(next.diagnostics('file:///a-route.yaml').map((d) => d.code)).not.toContain('IY903');
  });
});
