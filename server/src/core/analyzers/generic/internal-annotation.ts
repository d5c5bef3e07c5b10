// Annotations that Istio reserves for objects it generates itself; istiod rejects user objects with them.
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const INTERNAL: Readonly<Record<string, string>> = {
  'internal.istio.io/parents': 'it may not be set by users',
  'internal.istio.io/parent-namespace': 'it may not be set by users',
  'internal.istio.io/webhook-always-reject': 'istiod rejects every object that carries it',
};

export const internalAnnotation = defineAnalyzer(
  {
    code: 'IY011',
    name: 'internal-annotation',
    severity: 'error',
    category: 'admission',
    inputs: ['*'],
    summary: 'The object carries an annotation that Istio reserves for its own generated objects.',
    istioctl: 'IST0106',
    docs: `## Why
Istio marks objects it derives from others (for example from Gateway API resources) with \`internal.istio.io/parents\` and \`internal.istio.io/parent-namespace\`.
These annotations change how istiod trusts the object, so the validating webhook rejects user objects that carry them; \`internal.istio.io/webhook-always-reject\` is rejected by design.

## Example
\`\`\`yaml
metadata:
  annotations:
    internal.istio.io/parents: HTTPRoute/default.reviews   # copied from generated output
\`\`\`

## Fix
Remove the annotation; it is usually copied from \`istioctl x internal-debug\` or generated output.`,
  },
  (ctx) => {
    const annotations = obj(obj(ctx.resource.value.metadata)?.annotations);
    if (!annotations) return;
    for (const key of Object.keys(annotations)) {
      const reason = INTERNAL[key];
      if (reason) ctx.report({ path: ['metadata', 'annotations', key], target: 'key', message: `annotation '${key}' is internal to Istio: ${reason}` });
    }
  },
);
