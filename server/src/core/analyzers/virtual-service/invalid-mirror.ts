// Traffic mirroring settings istiod rejects: `mirror` together with `mirrors`, and percentages
// outside 0–100.
import { forEachHttpRule, specOf } from '../../istio/validation/virtual-service';
import { list, num, obj, wrappedNumber } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidMirror = defineAnalyzer(
  {
    code: 'IY108',
    name: 'invalid-mirror',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'An HTTP rule sets both `mirror` and `mirrors`, or a mirror percentage outside 0–100.',
    istioctl: 'IST0106',
    docs: `## Why
\`mirror\` (one destination) and \`mirrors\` (several) are two ways to say the same thing; istiod accepts only one of them per rule.
Mirror percentages (\`mirrorPercentage\`, \`mirrors[].percentage\`, and the deprecated \`mirrorPercent\`) are shares of requests and must lie between 0 and 100.

## Example
\`\`\`yaml
http:
- route: [{destination: {host: reviews}}]
  mirror: {host: reviews-shadow}
  mirrors:                          # conflicts with mirror
  - destination: {host: reviews-canary}
    percentage: {value: 150}        # more than 100
\`\`\`

## Fix
Move the \`mirror\` destination into \`mirrors\`, and keep percentages within 0–100.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    forEachHttpRule(spec, (rule, i) => {
      if (obj(rule.mirror) && list(rule.mirrors).length > 0) {
        ctx.report({ path: ['spec', 'http', i, 'mirrors'], target: 'key', message: "'mirror' and 'mirrors' cannot both be set; list every mirror destination under 'mirrors'" });
      }
      for (const key of ['mirrorPercent', 'mirror_percent'] as const) {
        const value = wrappedNumber(rule[key]);
        if (value !== undefined && value > 100) {
          ctx.report({ path: ['spec', 'http', i, key], message: `${key} ${value} is more than 100` });
        }
      }
      const percentage = num(obj(rule.mirrorPercentage)?.value);
      if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
        ctx.report({ path: ['spec', 'http', i, 'mirrorPercentage', 'value'], message: `mirror percentage ${percentage} is not within 0–100` });
      }
      list(rule.mirrors).forEach((mirror, m) => {
        const value = num(obj(obj(mirror)?.percentage)?.value);
        if (value !== undefined && (value < 0 || value > 100)) {
          ctx.report({ path: ['spec', 'http', i, 'mirrors', m, 'percentage', 'value'], message: `mirror percentage ${value} is not within 0–100` });
        }
      });
    });
  },
);
