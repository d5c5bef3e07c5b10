// CORS policies istiod rejects: unknown methods, invalid header names and a maxAge with a fraction of
// a second. (Allowed origins are checked by invalid-string-match.)
import { durationProblem, isWholeSeconds } from '../../istio/validation/duration';
import { corsHeaderNameProblem } from '../../istio/validation/headers';
import { specOf } from '../../istio/validation/virtual-service';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const CORS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*']);

export const invalidCorsPolicy = defineAnalyzer(
  {
    code: 'IY122',
    name: 'invalid-cors-policy',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A CORS policy lists an unknown method or an invalid header name, or has a maxAge with a fraction of a second.',
    istioctl: 'IST0106',
    docs: `## Why
\`allowMethods\` accepts the standard methods in upper case (GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE) or \`*\`.
\`allowHeaders\` and \`exposeHeaders\` are header names (HTTP tokens) or \`*\`.
\`maxAge\` is sent in the \`Access-Control-Max-Age\` header, which counts whole seconds.

## Example
\`\`\`yaml
corsPolicy:
  allowMethods: [get, POST]     # methods are upper case
  maxAge: 1.5s                  # whole seconds only
\`\`\`

## Fix
Write methods in upper case and \`maxAge\` in whole seconds (\`24h\`, \`600s\`).`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    list(spec.http).forEach((item, i) => {
      const cors = obj(obj(item)?.corsPolicy);
      if (!cors) return;
      const at = ['spec', 'http', i, 'corsPolicy'];
      list(cors.allowMethods).forEach((method, k) => {
        if (typeof method === 'string' && !CORS_METHODS.has(method)) {
          const hint = CORS_METHODS.has(method.toUpperCase()) ? `; did you mean '${method.toUpperCase()}'?` : '';
          ctx.report({ path: [...at, 'allowMethods', k], message: `'${method}' is not a supported HTTP method${hint}` });
        }
      });
      for (const field of ['allowHeaders', 'exposeHeaders'] as const) {
        list(cors[field]).forEach((name, k) => {
          if (typeof name !== 'string') return;
          const problem = corsHeaderNameProblem(name);
          if (problem) ctx.report({ path: [...at, field, k], message: problem });
        });
      }
      const maxAge = cors.maxAge;
      // Other duration problems (syntax, below 1ms, fractions of a millisecond) are reported by IY013 and the CEL rule.
      if (typeof maxAge === 'string' && durationProblem(maxAge) === undefined && !isWholeSeconds(maxAge)) {
        ctx.report({ path: [...at, 'maxAge'], message: `maxAge '${maxAge}' is not a whole number of seconds` });
      }
    });
  },
);
