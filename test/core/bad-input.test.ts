// Bad input gets a clear diagnostic or nothing: never a crash, a hang or a wrong claim.
import { describe, expect, test } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';

const URI = 'file:///bad/input.yaml';

function analyse(text: string) {
  const ws = new Workspace();
  ws.setFile(URI, text);
  const snapshot = ws.snapshot();
  return {
    diagnostics: snapshot.diagnostics(URI),
    snapshot,
    codes: () => snapshot.diagnostics(URI).map((d) => d.code),
  };
}

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subsets: v2
`;

describe('bad input', () => {
  test('broken YAML: a syntax error, and the other documents are still analysed', () => {
    const { diagnostics } = analyse(`${VS}---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw\nspec: {}\n`);
    // The broken Gateway gets its syntax error only: its half-parsed data is not analysed.
    expect(diagnostics.map((d) => d.code)).toEqual(['IY002', 'IY001']);
    expect(diagnostics[1].range.start.line).toBeGreaterThanOrEqual(12);
  });

  test('tabs used for indentation: a syntax error at the tab', () => {
    const { diagnostics } = analyse('apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n\tname: gw\n');
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toContainEqual(['IY001', 3]);
  });

  test('CRLF line endings: same diagnostics at the same positions as LF', () => {
    const lf = analyse(VS).diagnostics;
    const crlf = analyse(VS.replace(/\n/g, '\r\n')).diagnostics;
    expect(crlf.map((d) => [d.code, d.range])).toEqual(lf.map((d) => [d.code, d.range]));
  });

  test('a byte-order mark: the resource is still recognised and analysed', () => {
    const { codes, snapshot } = analyse(`\uFEFF${VS}`);
    expect(codes()).toEqual(['IY002']);
    expect(snapshot.resources(URI).map((r) => r.kind)).toEqual(['VirtualService']);
  });

  test('empty and whitespace-only files: nothing', () => {
    for (const text of ['', '\n\n', '---\n', '# only a comment\n', '---\n---\n...\n']) {
      expect(analyse(text).diagnostics, JSON.stringify(text)).toEqual([]);
    }
  });

  test('a 10 MB file of Istio resources is analysed completely', () => {
    const docs: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      // Distinct hosts: 40,000 VirtualServices sharing one host would be 40,000 real conflicts.
      const doc = VS.replace('name: reviews', `name: reviews-${i}`)
        .replace('hosts: [reviews]', `hosts: [reviews-${i}]`)
        .replace('subsets: v2', i % 1000 === 0 ? 'subsets: v2' : 'subset: v2');
      docs.push(doc);
      size += doc.length + 4;
    }
    const { diagnostics, snapshot } = analyse(docs.join('---\n'));
    expect(snapshot.resources(URI).length).toBe(docs.length);
    const typos = diagnostics.filter((d) => d.code === 'IY002');
    expect(typos.length).toBe(Math.ceil(docs.length / 1000));
    // Everything else is about references into kinds the workspace lacks (no Services, no
    // DestinationRules): information, never an error.
    expect(diagnostics.filter((d) => d.code !== 'IY002').every((d) => d.severity === 'information')).toBe(true);
  });

  test('a YAML alias bomb: one clear diagnostic, no expansion', () => {
    const bomb = [
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualService',
      'metadata: {name: lol}',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
      '',
    ].join('\n');
    const { diagnostics } = analyse(bomb);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].code).toBe('IY001');
    expect(diagnostics[0].message).toMatch(/alias/);
  });

  test('binary data: nothing', () => {
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(analyse(binary).diagnostics).toEqual([]);
    expect(analyse(`apiVersion: networking.istio.io/v1\nkind: Gateway\n\u0000\u0001\u0002\u0003`).diagnostics).toEqual([]);
  });

  test('Helm templates: nothing (not YAML we can judge)', () => {
    const helm = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: {{ include "app.fullname" . }}
spec:
  hosts:
  {{- range .Values.hosts }}
  - {{ . | quote }}
  {{- end }}
`;
    expect(analyse(helm).diagnostics).toEqual([]);
  });

  test('non-Istio YAML: nothing, even when broken', () => {
    const workflow = 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n    - uses: actions/checkout@v4\n';
    const compose = "services:\n  web:\n    image: nginx\n    ports: ['80:80'\n";
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: three\n  bogus: 1\n';
    for (const text of [workflow, compose, deployment]) expect(analyse(text).diagnostics, text).toEqual([]);
  });

  test('scalars, lists and odd values at the top level: nothing and no crash', () => {
    for (const text of ['42', '- a\n- b', 'apiVersion: 1\nkind: [x]', 'apiVersion: networking.istio.io/v1\nkind: 7', '!!binary aGk=', 'a: !!js/function "x"']) {
      expect(() => analyse(text).diagnostics).not.toThrow();
    }
  });

  test('an Istio resource with a non-map spec or metadata: schema errors, not a crash', () => {
    const { codes } = analyse('apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: [a]\nspec: 3\n');
    expect(codes()).toContain('IY003');
  });
});
