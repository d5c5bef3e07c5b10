// An IP address used as a TLS SNI host: accepted, but SNI carries host names.
import { sniHostFindings } from '../../istio/validation/tls-route';
import { specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const sniHostIpAddress = defineAnalyzer(
  {
    code: 'IY124',
    name: 'sni-host-ip-address',
    severity: 'warning',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A TLS route matches an IP address as SNI host, which clients do not send.',
    istioctl: 'IST0133',
    docs: `## Why
The TLS SNI extension carries a host name; RFC 6066 forbids IP addresses there and most clients omit SNI when connecting to an IP, so the match rarely applies.

## Example
\`\`\`yaml
tls:
- match:
  - sniHosts: [10.0.0.5]
\`\`\`

## Fix
Match on the host name clients use, or use a TCP route with \`destinationSubnets\` to select by address.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const f of sniHostFindings(spec)) if (f.level === 'warning') ctx.report({ path: f.path, message: f.message });
  },
);
