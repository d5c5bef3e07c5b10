// ServiceEntry hosts must be (wildcard) domain names; DYNAMIC_DNS only supports wildcard hosts.
import { wildcardDomainProblem } from '../../istio/validation/dns';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidServiceEntryHost = defineAnalyzer(
  {
    code: 'IY401',
    name: 'invalid-service-entry-host',
    severity: 'error',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'A ServiceEntry host is not a valid domain name, or is not a wildcard with DYNAMIC_DNS resolution.',
    istioctl: 'IST0106',
    docs: `## Why
ServiceEntry hosts are DNS names (the first label may be a wildcard, as in \`*.example.com\`); \`*\` alone is rejected by the CRD.
With \`resolution: DYNAMIC_DNS\` the proxy resolves whatever host matches the wildcard, so every host must be a wildcard.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts:
  - api_v1.example.com   # '_' is not allowed
  - "*.*.example.com"    # wildcard only in the first label
\`\`\`

## Fix
Use valid DNS names; for several subdomains, use one \`*.example.com\` host.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const dynamic = spec.resolution === 'DYNAMIC_DNS';
    list(spec.hosts).forEach((host, i) => {
      if (typeof host !== 'string' || host === '*') return;
      const problem = wildcardDomainProblem(host);
      if (problem) ctx.report({ path: ['spec', 'hosts', i], message: `invalid host: ${problem}` });
      else if (dynamic && !host.startsWith('*')) ctx.report({ path: ['spec', 'hosts', i], message: `DYNAMIC_DNS resolution only supports wildcard hosts such as '*.${host}'` });
    });
  },
);
