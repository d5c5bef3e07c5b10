// The authority is rewritten in more than one place of an HTTP rule.
import { isAuthorityHeader } from '../../istio/validation/headers';
import { forEachHttpRule, specOf } from '../../istio/validation/virtual-service';
import { obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer } from '../framework';

export const conflictingAuthorityRewrite = defineAnalyzer(
  {
    code: 'IY114',
    name: 'conflicting-authority-rewrite',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'An HTTP rule rewrites the authority (Host) in more than one place.',
    istioctl: 'IST0106',
    docs: `## Why
The authority can be rewritten with \`rewrite.authority\` or with a request header \`set\`/\`add\` of \`:authority\` or \`host\`, but only once per rule: istiod rejects a rule that does it twice, since only one value could win.

## Example
\`\`\`yaml
http:
- rewrite: {authority: reviews.internal}
  headers:
    request:
      set: {host: reviews.example.com}   # second authority rewrite
  route: [{destination: {host: reviews}}]
\`\`\`

## Fix
Keep only \`rewrite.authority\`.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    forEachHttpRule(spec, (rule, i) => {
      const places: { path: PathSegment[]; value: unknown; label: string }[] = [];
      const authority = obj(rule.rewrite)?.authority;
      if (typeof authority === 'string' && authority !== '') places.push({ path: ['spec', 'http', i, 'rewrite', 'authority'], value: authority, label: 'rewrite.authority' });
      const request = obj(obj(rule.headers)?.request);
      for (const op of ['set', 'add'] as const) {
        const map = obj(request?.[op]);
        if (!map) continue;
        for (const name of Object.keys(map)) {
          if (isAuthorityHeader(name)) places.push({ path: ['spec', 'http', i, 'headers', 'request', op, name], value: map[name], label: `headers.request.${op}.${name}` });
        }
      }
      // Istio fails as soon as an authority is set while an earlier one is non-empty.
      if (places.length < 2 || !places.slice(0, -1).some((p) => p.value !== '')) return;
      const first = places[0];
      for (const place of places.slice(1)) {
        ctx.report({
          path: place.path,
          target: 'key',
          message: `the authority is already rewritten by '${first.label}'; rewrite it in one place only`,
        });
      }
    });
  },
);
