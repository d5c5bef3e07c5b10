// A fault abort without httpStatus, grpcStatus or http2Error: it aborts nothing useful.
import { specOf } from '../../istio/validation/virtual-service';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const abortWithoutErrorType = defineAnalyzer(
  {
    code: 'IY120',
    name: 'abort-without-error-type',
    severity: 'warning',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A fault `abort` sets no error type (httpStatus, grpcStatus or http2Error).',
    istioctl: 'IST0133',
    docs: `## Why
An abort fault answers requests with an error instead of forwarding them; without \`httpStatus\` or \`grpcStatus\` there is no error to answer with, and istiod warns.

## Example
\`\`\`yaml
fault:
  abort:
    percentage: {value: 10}   # which error?
\`\`\`

## Fix
Add \`httpStatus: 503\` (or a \`grpcStatus\` name), or remove the abort.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    list(spec.http).forEach((item, i) => {
      const abort = obj(obj(obj(item)?.fault)?.abort);
      if (!abort) return;
      if (abort.httpStatus === undefined && abort.grpcStatus === undefined && abort.http2Error === undefined) {
        ctx.report({ path: ['spec', 'http', i, 'fault', 'abort'], target: 'key', message: 'the abort sets no error type; add httpStatus or grpcStatus' });
      }
    });
  },
);
