// parseAnalyzeOutput on the recorded outputs of istioctl 1.31.1.
import { describe, expect, test } from 'vitest';
import { parseAnalyzeOutput, parseOrigin, parseReference } from '../../../client/src/istioctl/output/analyze';
import { recording } from './recordings';

const parse = (name: string) => {
  const r = recording(name);
  return parseAnalyzeOutput(r.stdout, r.stderr);
};

describe('parseAnalyzeOutput', () => {
  test('a clean file: no messages, no notes (the success line is not one)', () => {
    expect(parse('analyze-clean')).toEqual({ messages: [], notes: [], fileErrors: [] });
  });

  test('Error, Warning and Info messages with their resource and line; a skipped file is a note', () => {
    const output = parse('analyze-messages')!;
    expect(output.messages).toHaveLength(4);
    expect(output.messages[0]).toEqual({
      code: 'IST0101',
      level: 'Error',
      message: 'Referenced gateway not found: "missing-gateway"',
      documentationUrl: 'https://istio.io/v1.31/docs/reference/config/analysis/ist0101/?ref=istioctl-analyze',
      origin: 'VirtualService bookinfo/reviews',
      resource: { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' },
      file: 'inputs/routes-missing-gateway.yaml',
      line: 12,
    });
    expect(output.messages.map((m) => [m.code, m.level, m.line])).toEqual([
      ['IST0101', 'Error', 12],
      ['IST0101', 'Error', 16],
      ['IST0132', 'Warning', 12],
      ['IST0164', 'Info', 28],
    ]);
    // A cluster-scoped object: `Kind name`.
    expect(output.messages[3].resource).toEqual({ kind: 'MutatingWebhookConfiguration', name: 'istio-sidecar-injector-external-istiod' });
    expect(output.notes).toEqual(['Skipping file inputs/notes.txt, recognized file extensions are: [.json .yaml .yml]']);
    expect(output.fileErrors).toEqual([]);
  });

  test('a file istioctl cannot parse: the JSON after a log line, the file and its document as an error', () => {
    const output = parse('analyze-parse-error')!;
    expect(output.messages).toEqual([]);
    expect(output.fileErrors).toEqual([
      {
        file: 'inputs/policy.yaml',
        document: 0,
        message: 'failed parsing JSON for built-in type: unknown value "\\"strict\\"" for enum istio.security.v1beta1.PeerAuthentication.MutualTLS.Mode',
      },
    ]);
    expect(output.notes[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\twarn\tfile\terror processing inputs\/policy\.yaml\[0\]/);
    expect(output.notes).toContain('Error(s) adding files: 1 error occurred:');
    expect(output.notes).toContain('No validation issues found when analyzing all namespaces (but 1 file could not be parsed).');
  });

  test('the log format has no JSON: undefined', () => {
    expect(parse('analyze-messages-log-format')).toBeUndefined();
    expect(parseAnalyzeOutput('', '')).toBeUndefined();
    expect(parseAnalyzeOutput('[not json', '')).toBeUndefined();
    expect(parseAnalyzeOutput('{"a": 1}', '')).toBeUndefined();
  });

  test('messages of every document, with the lines as istioctl numbers them', () => {
    const output = parse('analyze-empty-documents')!;
    const ist0101 = output.messages.filter((m) => m.code === 'IST0101').map((m) => `${m.resource?.name} ${m.file}:${m.line}`);
    expect(ist0101.sort()).toEqual([
      'blankafter-a inputs/empty-doc-blankafter.yaml:14',
      'blankdoc-a inputs/empty-doc-blankdoc.yaml:10',
      'blankdoc-b inputs/empty-doc-blankdoc.yaml:27',
      'comment-a inputs/empty-doc-comment.yaml:12',
      'double-a inputs/empty-doc-double.yaml:10',
      'double-b inputs/empty-doc-double.yaml:27',
      'first-a inputs/empty-doc-first.yaml:12',
      'firsttwo-a inputs/empty-doc-firsttwo.yaml:12',
      'three-a inputs/empty-doc-three.yaml:14',
    ]);
  });

  test('without --all-namespaces the bookinfo messages are simply missing (why analyzeFilesArgs passes it)', () => {
    expect(parse('analyze-default-namespace-only')?.messages).toEqual([]);
    expect(parse('analyze-messages')?.messages.length).toBeGreaterThan(0);
  });

  test('a message without origin or reference, and one with a cluster', () => {
    const output = parseAnalyzeOutput('[{"code": "IST0159", "level": "Warning", "message": "m", "cluster": "east"}]\n', '');
    expect(output?.messages).toEqual([{ code: 'IST0159', level: 'Warning', message: 'm', origin: '', cluster: 'east' }]);
  });
});

describe('origins and references', () => {
  test('origin forms', () => {
    expect(parseOrigin('Gateway bookinfo/bookinfo-gateway')).toEqual({ kind: 'Gateway', namespace: 'bookinfo', name: 'bookinfo-gateway' });
    expect(parseOrigin('Namespace bookinfo')).toEqual({ kind: 'Namespace', name: 'bookinfo' });
    expect(parseOrigin('HTTPRoute default/a.b.c')).toEqual({ kind: 'HTTPRoute', namespace: 'default', name: 'a.b.c' });
    expect(parseOrigin('')).toBeUndefined();
    expect(parseOrigin('no-kind')).toBeUndefined();
  });

  test('references split at the last colon', () => {
    expect(parseReference('C:\\work\\routes.yaml:12')).toEqual({ file: 'C:\\work\\routes.yaml', line: 12 });
    expect(parseReference('/w/a:b.yaml:3')).toEqual({ file: '/w/a:b.yaml', line: 3 });
    // JSON files have no line.
    expect(parseReference('/w/routes.json')).toEqual({ file: '/w/routes.json' });
    expect(parseReference('C:\\w\\routes.json')).toEqual({ file: 'C:\\w\\routes.json' });
  });
});
