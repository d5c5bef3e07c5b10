// A Sidecar egress proxy only works with outbound mode ALLOW_ANY and needs a valid host and port.
import { fqdnProblem, isDns1123Label } from '../../istio/validation/dns';
import { isValidPort } from '../../istio/validation/network';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidOutboundTrafficPolicy = defineAnalyzer(
  {
    code: 'IY456',
    name: 'invalid-outbound-traffic-policy',
    severity: 'error',
    category: 'admission',
    inputs: ['Sidecar'],
    summary: 'A Sidecar egressProxy is set without mode ALLOW_ANY, or has an invalid host, subset or port.',
    istioctl: 'IST0106',
    docs: `## Why
\`egressProxy\` receives the traffic that matches no known service, which only exists with \`mode: ALLOW_ANY\`.
Its \`host\` must be a fully qualified name, \`subset\` a DNS label, and it needs a \`port\` in 1–65535.

## Example
\`\`\`yaml
outboundTrafficPolicy:
  mode: REGISTRY_ONLY
  egressProxy:                 # needs ALLOW_ANY
    host: egress.istio-system.svc.cluster.local
\`\`\`

## Fix
Set \`mode: ALLOW_ANY\` and give the egress proxy a port.`,
  },
  (ctx) => {
    const policy = obj(obj(ctx.resource.value.spec)?.outboundTrafficPolicy);
    const proxy = obj(policy?.egressProxy);
    if (!policy || !proxy) return;
    const at = ['spec', 'outboundTrafficPolicy'];
    if (policy.mode !== 'ALLOW_ANY') {
      ctx.report({ path: [...at, 'egressProxy'], target: 'key', message: `egressProxy only works with mode ALLOW_ANY, not ${typeof policy.mode === 'string' ? policy.mode : 'REGISTRY_ONLY (the default)'}` });
      return;
    }
    if (typeof proxy.host === 'string') {
      const problem = fqdnProblem(proxy.host);
      if (problem) ctx.report({ path: [...at, 'egressProxy', 'host'], message: `invalid egressProxy host: ${problem}` });
    }
    if (typeof proxy.subset === 'string' && proxy.subset !== '' && !isDns1123Label(proxy.subset)) {
      ctx.report({ path: [...at, 'egressProxy', 'subset'], message: `subset '${proxy.subset}' is not a DNS label` });
    }
    const port = obj(proxy.port);
    if (proxy.port == null) ctx.report({ path: [...at, 'egressProxy'], target: 'key', message: 'egressProxy needs a port' });
    else if (port && !isValidPort(port.number ?? 0)) ctx.report({ path: [...at, 'egressProxy', 'port'], target: 'key', message: `egressProxy port ${String(port.number ?? 0)} is not within 1–65535` });
  },
);
