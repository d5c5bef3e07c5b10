// Retry policies istiod rejects: negative attempts, retry settings while retries are disabled
// (attempts 0 or unset), and unknown `retryOn` conditions.
import { isValidRetryOn } from '../../istio/validation/retry';
import { specOf } from '../../istio/validation/virtual-service';
import { list, num, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidRetryPolicy = defineAnalyzer(
  {
    code: 'IY121',
    name: 'invalid-retry-policy',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A retry policy has negative attempts, retry settings with attempts 0, or an unknown `retryOn` condition.',
    istioctl: 'IST0106',
    docs: `## Why
\`attempts: 0\` disables retries, and an unset \`attempts\` counts as 0; istiod then rejects \`perTryTimeout\`, \`retryOn\` and \`retryRemoteLocalities\`, which would have no effect.
\`retryOn\` is a comma-separated list (no spaces) of Envoy retry conditions (\`5xx\`, \`gateway-error\`, \`reset\`, \`connect-failure\`, \`retriable-4xx\`, \`refused-stream\`, \`retriable-status-codes\`, ..., and the gRPC ones \`cancelled\`, \`deadline-exceeded\`, \`internal\`, \`resource-exhausted\`, \`unavailable\`) or HTTP status codes.

## Example
\`\`\`yaml
retries:
  retryOn: 5xx, connect-failure   # ' connect-failure' (with the space) is unknown
  perTryTimeout: 2s               # attempts is unset, so retries are disabled
\`\`\`

## Fix
Set \`attempts\` to the number of retries, and write \`retryOn\` without spaces, e.g. \`5xx,connect-failure\`.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    list(spec.http).forEach((item, i) => {
      const retries = obj(obj(item)?.retries);
      if (!retries) return;
      const at = ['spec', 'http', i, 'retries'];
      const attempts = retries.attempts === undefined || retries.attempts === null ? 0 : num(retries.attempts);
      if (attempts !== undefined && attempts < 0) ctx.report({ path: [...at, 'attempts'], message: `attempts ${attempts} is negative` });
      if (attempts === 0) {
        const set = (['perTryTimeout', 'retryOn', 'retryRemoteLocalities'] as const).filter((k) => {
          const v = retries[k];
          return k === 'retryOn' ? typeof v === 'string' && v !== '' : v !== undefined && v !== null;
        });
        if (set.length) {
          const where = retries.attempts === undefined ? 'attempts is unset (0)' : 'attempts is 0';
          ctx.report({
            path: retries.attempts === undefined ? at : [...at, 'attempts'],
            target: 'key',
            message: `${set.join(', ')} ${set.length > 1 ? 'have' : 'has'} no effect because ${where}, which disables retries; set attempts`,
          });
        }
      }
      const retryOn = retries.retryOn;
      if (typeof retryOn === 'string' && retryOn !== '') {
        const bad = retryOn.split(',').filter((p) => !isValidRetryOn(p));
        if (bad.length) {
          ctx.report({ path: [...at, 'retryOn'], message: `${bad.map((b) => `'${b}'`).join(', ')} ${bad.length > 1 ? 'are not valid retryOn conditions' : 'is not a valid retryOn condition'}${bad.some((b) => b !== b.trim()) ? ' (remove the spaces after the commas)' : ''}` });
        }
      }
    });
  },
);
