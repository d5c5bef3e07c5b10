// A ServiceEntry host with a partial wildcard (`*foo.com`): accepted, but usually a typo for `*.foo.com`.
import { isPartialWildcard } from '../../istio/validation/dns';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const partialWildcardServiceEntryHost = defineAnalyzer(
  {
    code: 'IY402',
    name: 'partial-wildcard-service-entry-host',
    severity: 'warning',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'A ServiceEntry host uses a partial wildcard such as `*foo.example.com`.',
    istioctl: 'IST0133',
    docs: `## Why
A wildcard host should be \`*\` followed by a dot: \`*.example.com\`.
Partial wildcards such as \`*api.example.com\` are accepted for compatibility (and needed with \`DYNAMIC_DNS\`), but other Istio resources do not accept them and matching them is surprising.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts:
  - "*example.com"   # did you mean *.example.com?
\`\`\`

## Fix
Write \`*.example.com\`, and add \`example.com\` separately if the bare domain is meant too.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec || spec.resolution === 'DYNAMIC_DNS') return;
    list(spec.hosts).forEach((host, i) => {
      if (typeof host === 'string' && host !== '*' && isPartialWildcard(host)) {
        ctx.report({ path: ['spec', 'hosts', i], message: `partial wildcard '${host}'; a wildcard host should start with '*.'` });
      }
    });
  },
);
