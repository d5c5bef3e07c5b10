// The YAML layer: document splitting, exact ranges and reuse of unchanged documents.
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../server/src/core/text/line-index';
import { parseFile } from '../../server/src/core/yaml/parse';
import { splitDocuments } from '../../server/src/core/yaml/split';
import { Workspace } from '../../server/src/core/analysis';

describe('line index', () => {
  test('converts offsets and positions both ways, with CRLF and past the end', () => {
    const lines = new LineIndex('ab\r\ncd\nef');
    expect(lines.position(0)).toEqual({ line: 0, character: 0 });
    expect(lines.position(4)).toEqual({ line: 1, character: 0 });
    expect(lines.position(100)).toEqual({ line: 2, character: 2 });
    expect(lines.offset({ line: 1, character: 1 })).toBe(5);
    expect(lines.offset({ line: 1, character: 99 })).toBe(6);
    expect(lines.offset({ line: 9, character: 0 })).toBe(9);
  });
});

describe('document splitting', () => {
  test('splits at --- lines only', () => {
    const text = 'a: 1\n---\nb: "--- not a marker"\n--- # comment\nc: 3\n----\n';
    expect(splitDocuments(text).map((c) => c.text)).toEqual(['a: 1\n', '---\nb: "--- not a marker"\n', '--- # comment\nc: 3\n----\n']);
  });
  test('keeps directives with their document', () => {
    expect(splitDocuments('%YAML 1.2\n---\na: 1\n').map((c) => c.text)).toEqual(['%YAML 1.2\n---\na: 1\n']);
  });
});

describe('incremental parsing', () => {
  test('an edit reparses only the document it touched', () => {
    const docs = ['a: 1\n', '---\nb: 2\n', '---\nc: 3\n'];
    const before = parseFile(docs.join(''));
    const after = parseFile([docs[0], '---\nb: 22\n', docs[2]].join(''), before);
    expect(after.chunks[0].chunk).toBe(before.chunks[0].chunk);
    expect(after.chunks[1].chunk).not.toBe(before.chunks[1].chunk);
    expect(after.chunks[2].chunk).toBe(before.chunks[2].chunk);
    expect(after.chunks[2].base).toBe(before.chunks[2].base + 1);
  });

  test('diagnostics of unchanged documents move with the text above them', () => {
    const ws = new Workspace();
    const uri = 'file:///w.yaml';
    const bad = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r}\nspec:\n  host: r\n  hots: x\n';
    ws.setFile(uri, `${bad}`);
    expect(ws.snapshot().diagnostics(uri).map((d) => d.range.start.line)).toEqual([5]);
    ws.setFile(uri, `# a comment\n# another\n${bad}`);
    expect(ws.snapshot().diagnostics(uri).map((d) => d.range.start.line)).toEqual([7]);
  });
});

describe('resources', () => {
  test('recognised by apiVersion and kind, with the default namespace when none is given', () => {
    const ws = new Workspace();
    ws.setFile('file:///r.yaml', 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\n---\nfoo: bar\n');
    expect(ws.snapshot().resources().map((r) => `${r.kind} ${r.namespace}/${r.name} ${r.istio}`)).toEqual(['Gateway default/gw true', 'Service shop/s false']);
    ws.configure({ ...ws.snapshot().settings, defaultNamespace: 'prod' });
    expect(ws.snapshot().resources()[0].namespace).toBe('prod');
  });

  test('settings disable analyzers by code or name, and override severities', () => {
    const ws = new Workspace();
    const uri = 'file:///s.yaml';
    ws.setFile(uri, 'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata: {name: dr}\nspec: {host: reviews, bogus: 1}\n');
    expect(ws.snapshot().diagnostics(uri).map((d) => `${d.code}:${d.severity}`)).toEqual(['IY006:information', 'IY002:error']);
    const base = ws.snapshot().settings;
    ws.configure({ ...base, disabled: ['deprecated-api-version'], severity: { IY002: 'warning' } });
    expect(ws.snapshot().diagnostics(uri).map((d) => `${d.code}:${d.severity}`)).toEqual(['IY002:warning']);
    ws.configure({ ...base, schemaValidation: false });
    expect(ws.snapshot().diagnostics(uri).map((d) => d.code)).toEqual(['IY006']);
  });
});
