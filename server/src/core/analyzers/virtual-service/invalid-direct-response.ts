// Direct responses istiod rejects: a status outside 200–600 or a body larger than 1 MB.
import { bodySize, directResponses } from '../../istio/validation/direct-response';
import { specOf } from '../../istio/validation/virtual-service';
import { num } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidDirectResponse = defineAnalyzer(
  {
    code: 'IY117',
    name: 'invalid-direct-response',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A direct response has a status outside 200–599 or a body larger than 1 MB.',
    istioctl: 'IST0106',
    docs: `## Why
\`directResponse.status\` must be a final HTTP status: istiod accepts 200 to 600 (its message says 200–599).
Bodies are stored in the proxy configuration that istiod pushes to every proxy, so bodies over 1 MB are rejected.

## Example
\`\`\`yaml
http:
- directResponse:
    status: 101     # not a final status
\`\`\`

## Fix
Use a 2xx–5xx status, and serve large bodies from a real service.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const { response, path } of directResponses(spec)) {
      const status = num(response.status);
      if (status !== undefined && (status < 200 || status > 600)) {
        ctx.report({ path: [...path, 'status'], message: `HTTP status ${status} is not in the range 200–599` });
      }
      const size = bodySize(response.body);
      if (size !== undefined && size > 1024 * 1024) {
        ctx.report({ path: [...path, 'body'], target: 'key', message: `the direct response body is ${size} bytes; it must be at most 1 MB` });
      }
    }
  },
);
