// A DestinationRule host must be a (wildcard) domain name.
import { wildcardDomainProblem } from '../../istio/validation/dns';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidDestinationRuleHost = defineAnalyzer(
  {
    code: 'IY201',
    name: 'invalid-destination-rule-host',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule'],
    summary: 'A DestinationRule host is not a valid domain name.',
    istioctl: 'IST0106',
    docs: `## Why
\`host\` names the service the policies apply to: a short name, a fully qualified name or a wildcard such as \`*.example.com\` (a wildcard only in the first label).

## Example
\`\`\`yaml
kind: DestinationRule
spec:
  host: reviews_v2.prod   # '_' is not allowed
\`\`\`

## Fix
Use the service's DNS name, for example \`reviews.prod.svc.cluster.local\`.`,
  },
  (ctx) => {
    const host = obj(ctx.resource.value.spec)?.host;
    if (typeof host !== 'string') return;
    const problem = wildcardDomainProblem(host);
    if (problem) ctx.report({ path: ['spec', 'host'], message: `invalid host: ${problem}` });
  },
);
