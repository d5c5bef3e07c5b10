// The TextMate injection grammar: valid JSON, and its patterns match Istio's kinds and groups only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ISTIO_KINDS } from '../../server/src/core/model/kinds';

const grammar = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../syntaxes/istio-yaml.injection.tmLanguage.json'), 'utf8'));
const pattern = (name: string) => new RegExp(grammar.repository[name].match);

describe('injection grammar', () => {
  test('highlights every Istio kind and nothing else', () => {
    for (const kind of ISTIO_KINDS) expect(pattern('istio-kind').test(`kind: ${kind.kind}`), kind.kind).toBe(true);
    expect(pattern('istio-kind').test('kind: Deployment')).toBe(false);
    expect(pattern('istio-kind').test('kind: VirtualServiceList')).toBe(false);
  });
  test('highlights Istio apiVersions', () => {
    expect(pattern('istio-api-version').test('apiVersion: networking.istio.io/v1alpha3')).toBe(true);
    expect(pattern('istio-api-version').test('apiVersion: apps/v1')).toBe(false);
    expect(pattern('istio-api-version').test('apiVersion: networkingXistio.io/v1')).toBe(false);
  });
  test('highlights Istio annotation keys', () => {
    expect(pattern('istio-annotation').test('    galley.istio.io/analyze-suppress: IST0101')).toBe(true);
    expect(pattern('istio-annotation').test('    example.com/owner: me')).toBe(false);
  });
});
