// Header manipulation istiod rejects: reserved header names, and values with control characters or a
// malformed `%VARIABLE%` expression.
import { headerOperationNameProblem, headerValueProblem, requestSetHeaderNameProblem } from '../../istio/validation/headers';
import { forEachHttpRule, specOf } from '../../istio/validation/virtual-service';
import { list, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

function checkHeaders(ctx: ResourceContext, value: unknown, path: PathSegment[]): void {
  const headers = obj(value);
  if (!headers) return;
  for (const direction of ['request', 'response'] as const) {
    const ops = obj(headers[direction]);
    if (!ops) continue;
    for (const op of ['set', 'add'] as const) {
      const map = obj(ops[op]);
      if (!map) continue;
      for (const name of Object.keys(map)) {
        const at = [...path, direction, op, name];
        const nameProblem = direction === 'request' ? requestSetHeaderNameProblem(name) : headerOperationNameProblem(name);
        if (nameProblem) ctx.report({ path: at, target: 'key', message: `${direction} ${op}: ${nameProblem}` });
        const v = map[name];
        if (typeof v === 'string') {
          const valueProblem = headerValueProblem(v);
          if (valueProblem) ctx.report({ path: at, message: valueProblem });
        }
      }
    }
    list(ops.remove).forEach((name, k) => {
      if (typeof name !== 'string') return;
      const problem = headerOperationNameProblem(name);
      if (problem) ctx.report({ path: [...path, direction, 'remove', k], message: `${direction} remove: ${problem}` });
    });
  }
}

export const invalidHeaderOperation = defineAnalyzer(
  {
    code: 'IY113',
    name: 'invalid-header-operation',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A header operation touches a reserved header or sets a value Envoy cannot parse.',
    istioctl: 'IST0106',
    docs: `## Why
Envoy does not let routes modify pseudo headers (names starting with \`:\`) or \`Host\`, except that a request \`set\`/\`add\` may target \`:authority\`/\`host\` to rewrite the authority.
Header values may not contain control characters, and a \`%\` starts a variable such as \`%DOWNSTREAM_REMOTE_ADDRESS%\` or \`%REQ(x-id)%\`; write \`%%\` for a literal percent sign.
The same rules apply to the \`headers\` of each route destination.

## Example
\`\`\`yaml
headers:
  request:
    remove: [":path"]          # reserved
  response:
    set:
      x-ratio: "50%"           # unescaped %: write 50%%
\`\`\`

## Fix
Rewrite the authority with \`rewrite.authority\` instead of header operations, and escape literal percent signs as \`%%\`.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    forEachHttpRule(spec, (rule, i) => {
      checkHeaders(ctx, rule.headers, ['spec', 'http', i, 'headers']);
      list(rule.route).forEach((route, r) => checkHeaders(ctx, obj(route)?.headers, ['spec', 'http', i, 'route', r, 'headers']));
    });
  },
);
