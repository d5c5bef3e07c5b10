// Objects of YAML files, and istioctl's line numbers mapped back to them: checked against the lines
// the real istioctl 1.31.1 printed for the files in test/fixtures/istioctl-output/inputs/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { correctedIstioctlLine, istioctlDocumentToObject, istioctlLineToObject, locateObjects } from '../../../client/src/istioctl/objects';
import { parseAnalyzeOutput } from '../../../client/src/istioctl/output/analyze';
import { RECORDED, input, recording } from './recordings';

const workspace = (file: string) => fs.readFileSync(path.resolve(__dirname, '../../e2e/workspace', file), 'utf8');

describe('locateObjects', () => {
  test('the documents of a file: kind, name, namespace, the name line and the span', () => {
    expect(locateObjects(workspace('routes.yaml'))).toEqual([
      { kind: 'VirtualService', name: 'reviews', namespace: 'bookinfo', line: 4, firstLine: 0, lastLine: 14 },
      { kind: 'DestinationRule', name: 'reviews', namespace: 'bookinfo', line: 19, firstLine: 16, lastLine: 26 },
    ]);
    expect(locateObjects(workspace('policy.yaml'))).toEqual([{ kind: 'PeerAuthentication', name: 'default', namespace: 'bookinfo', line: 4, firstLine: 0, lastLine: 8 }]);
  });

  test('quoted values, flow style, CRLF, `...`, a document without a name', () => {
    const text = 'kind: Service\nmetadata: {name: "a", namespace: ns}\r\n...\r\n---\r\n# only a comment\r\n---\r\nkind: ConfigMap\r\nmetadata:\r\n  labels: {}\r\n---\r\nkind: Pod\r\nmetadata:\r\n  name: \'p\'\r\n';
    expect(locateObjects(text)).toEqual([
      { kind: 'Service', name: 'a', namespace: 'ns', line: 1, firstLine: 0, lastLine: 1 },
      { kind: 'Pod', name: 'p', line: 12, firstLine: 10, lastLine: 12 },
    ]);
  });

  test('the items of a kind: List', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: a\n- kind: Service\n  metadata:\n    name: b\n    namespace: x\n';
    expect(locateObjects(text)).toEqual([
      { kind: 'Service', name: 'a', line: 6, firstLine: 3, lastLine: 6 },
      { kind: 'Service', name: 'b', namespace: 'x', line: 9, firstLine: 7, lastLine: 10 },
    ]);
  });

  test('broken YAML: found by its lines', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews  # the name\n  labels:\n    name: not-this\n  namespace: "bookinfo"\nspec:\n  hosts: [reviews\n  http:\n  - route: : :\n';
    expect(locateObjects(text)).toEqual([{ kind: 'VirtualService', name: 'reviews', namespace: 'bookinfo', line: 3, firstLine: 0, lastLine: 10 }]);
  });

  test('Helm templates: a templated name is unknown; a fixed name is found', () => {
    const text = [
      '{{- if .Values.enabled }}',
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualService',
      'metadata:',
      '  name: {{ .Release.Name }}-reviews',
      'spec:',
      '  hosts: [{{ .Values.host }}]',
      '{{- end }}',
      '---',
      'kind: DestinationRule',
      'metadata:',
      '  name: reviews',
      '  namespace: {{ .Release.Namespace }}',
      'spec:',
      '  host: {{ .Values.host | quote }}',
    ].join('\n');
    expect(locateObjects(text)).toEqual([{ kind: 'DestinationRule', name: 'reviews', line: 11, firstLine: 9, lastLine: 14 }]);
  });

  test('binary and garbage: nothing, no exception', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    expect(locateObjects(bytes)).toEqual([]);
    expect(locateObjects('\u0000\u0001kind: X\u0000')).toEqual([]);
    expect(locateObjects('')).toEqual([]);
    expect(locateObjects('---\n---\n')).toEqual([]);
    expect(istioctlLineToObject(bytes, 3)).toBeUndefined();
    expect(correctedIstioctlLine(bytes, 3)).toBe(3);
  });
});

describe("istioctl's line numbers", () => {
  /** Every message of the recorded runs on inputs/, with the file's text. */
  const recorded = ['analyze-empty-documents', 'analyze-messages'].flatMap((name) => {
    const r = recording(name);
    return parseAnalyzeOutput(r.stdout, r.stderr)!.messages.map((m) => ({ message: m, text: fs.readFileSync(path.join(RECORDED, m.file!), 'utf8') }));
  });

  test('each reference lands on the object istioctl names', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(20);
    for (const { message, text } of recorded) {
      const object = istioctlLineToObject(text, message.line!);
      expect([message.file, message.line, object && `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`]).toEqual([message.file, message.line, message.origin]);
    }
  });

  test('the gateway messages land on the `- missing-gateway` line, one too high or more after an empty document', () => {
    const shifts: Record<string, number> = {};
    for (const { message, text } of recorded.filter((r) => r.message.code === 'IST0101' && r.message.message.includes('gateway'))) {
      const line = correctedIstioctlLine(text, message.line!);
      expect([message.file, text.split('\n')[line - 1]]).toEqual([message.file, '  - missing-gateway']);
      shifts[`${path.basename(message.file!)} ${message.resource!.name}`] = message.line! - line;
    }
    expect(shifts).toEqual({
      'empty-doc-blankafter.yaml blankafter-a': 2,
      'empty-doc-blankdoc.yaml blankdoc-a': 0,
      'empty-doc-blankdoc.yaml blankdoc-b': 0,
      'empty-doc-comment.yaml comment-a': 0,
      'empty-doc-double.yaml double-a': 0,
      'empty-doc-double.yaml double-b': 1,
      'empty-doc-first.yaml first-a': 1,
      'empty-doc-firsttwo.yaml firsttwo-a': 0,
      'empty-doc-three.yaml three-a': 1,
      'routes-missing-gateway.yaml reviews': 0,
    });
  });

  test('a line outside every document is returned unchanged (the file changed since)', () => {
    expect(correctedIstioctlLine(input('empty-doc-first.yaml'), 500)).toBe(500);
    expect(istioctlLineToObject(input('empty-doc-first.yaml'), 500)).toBeUndefined();
  });

  test('document numbers of parse errors (`file[N]`)', () => {
    const r = recording('analyze-parse-error');
    const [error] = parseAnalyzeOutput(r.stdout, r.stderr)!.fileErrors;
    expect(istioctlDocumentToObject(input('policy.yaml'), error.document!)).toMatchObject({ kind: 'PeerAuthentication', name: 'default' });
    // inputs/empty-doc-double.yaml: read 0 is the first document, read 1 the `---` + second document.
    expect(istioctlDocumentToObject(input('empty-doc-double.yaml'), 1)).toMatchObject({ name: 'double-b' });
    // inputs/empty-doc-firsttwo.yaml: read 0 is the lone `---`, read 1 the document.
    expect(istioctlDocumentToObject(input('empty-doc-firsttwo.yaml'), 0)).toBeUndefined();
    expect(istioctlDocumentToObject(input('empty-doc-firsttwo.yaml'), 1)).toMatchObject({ name: 'firsttwo-a' });
  });
});
