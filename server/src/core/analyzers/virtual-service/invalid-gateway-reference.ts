// A gateway named in a VirtualService is not `namespace/name` with DNS labels, nor a valid bare name.
import { gatewayNameFindings } from '../../istio/validation/gateway-names';
import { specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const invalidGatewayReference = defineAnalyzer(
  {
    code: 'IY105',
    name: 'invalid-gateway-reference',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A gateway reference in a VirtualService is not a valid `namespace/name` or gateway name.',
    istioctl: 'IST0106',
    docs: `## Why
Gateways are referenced as \`<namespace>/<name>\`, where both parts are DNS labels, or by a bare name in the VirtualService's own namespace (\`mesh\` means the sidecars).
istiod rejects references with an empty part, characters outside letters, digits and dashes, or a bare name that is not a valid host name.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  gateways:
  - istio-system/           # the gateway name is missing
  - ingress/public_gw       # '_' is not allowed
\`\`\`

## Fix
Write the reference as \`<namespace>/<gateway name>\`, using the Gateway's \`metadata.namespace\` and \`metadata.name\`.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const f of gatewayNameFindings(spec)) if (f.level === 'error') ctx.report({ path: f.path, message: f.message });
  },
);
