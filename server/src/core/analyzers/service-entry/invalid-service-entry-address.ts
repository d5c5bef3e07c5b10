// ServiceEntry addresses must be IP addresses or CIDR blocks.
import { subnetProblem } from '../../istio/validation/network';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidServiceEntryAddress = defineAnalyzer(
  {
    code: 'IY403',
    name: 'invalid-service-entry-address',
    severity: 'error',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'A ServiceEntry address is not an IP address or CIDR block.',
    istioctl: 'IST0106',
    docs: `## Why
\`addresses\` are the virtual IPs the service is reached on: IP addresses or CIDR blocks (CIDRs only with resolution NONE or STATIC).
Host names belong in \`hosts\` or, for the real backends, in \`endpoints\`.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts: [db.example.com]
  addresses:
  - db.example.com     # not an IP
  - 10.0.0.0/33        # not a CIDR block
\`\`\`

## Fix
Use IP addresses or CIDR blocks, or remove \`addresses\` to let Istio allocate one.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    list(spec.addresses).forEach((address, i) => {
      if (typeof address !== 'string') return;
      const problem = subnetProblem(address);
      if (problem) ctx.report({ path: ['spec', 'addresses', i], message: problem });
    });
  },
);
