// A route rule that no request or connection can reach (istioctl IST0130).
import { reachabilityFindings } from '../../istio/validation/unreachable-rules';
import { specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const unreachableRule = defineAnalyzer(
  {
    code: 'IY130',
    name: 'unreachable-rule',
    severity: 'warning',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A route rule can never be used because earlier rules already catch all its traffic.',
    istioctl: 'IST0130',
    docs: `## Why
Rules are evaluated in order and the first match wins.
A rule without \`match\` catches everything, so any rule after it is dead; so is a rule whose matches all repeat matches of earlier rules.

## Example
\`\`\`yaml
http:
- route: [{destination: {host: reviews, subset: v1}}]   # no match: catches everything
- match: [{uri: {prefix: /beta}}]                       # never used
  route: [{destination: {host: reviews, subset: v2}}]
\`\`\`

## Fix
Put specific rules first and the rule without \`match\` last, and remove repeated rules.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const f of reachabilityFindings(spec)) if (f.kind === 'unreachable') ctx.report({ path: f.path, message: f.message, tags: ['unnecessary'] });
  },
);
