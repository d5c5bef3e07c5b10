// Helm and Go templates: a document with template syntax in its structure is skipped, while template
// text inside a block scalar (the sidecar injector's ConfigMap) is just a string and is parsed.
import { describe, expect, test } from 'vitest';
import { parseChunk } from '../../server/src/core/yaml/parse';

describe('template syntax', () => {
  test('a Helm template in a value makes the document templated (skipped)', () => {
    expect(parseChunk('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n').templated).toBe(true);
  });

  test('a template inside a plain scalar is still templating', () => {
    expect(parseChunk('apiVersion: v1\nkind: Service\nmetadata:\n  name: web-{{ .Release.Name }}\n').templated).toBe(true);
  });

  test('templates inside a block scalar are data: the injector ConfigMap is parsed', () => {
    const chunk = parseChunk(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio-sidecar-injector\n  namespace: istio-system\ndata:\n  config: |\n    policy: enabled\n    template: |\n      image: "{{ .Values.global.hub }}/proxyv2"\n',
    );
    expect(chunk.templated).toBe(false);
    expect(chunk.docs).toHaveLength(1);
    expect((chunk.docs[0].value as { data: { config: string } }).data.config).toContain('{{ .Values.global.hub }}');
  });

  test('one structural template among block-scalar ones still skips the document', () => {
    expect(parseChunk('kind: ConfigMap\ndata:\n  a: |\n    {{ x }}\n  b: {{ y }}\n').templated).toBe(true);
  });
});
