// A Gateway's name must be a DNS label: VirtualServices reference it as `namespace/name`.
import { isDns1123Label } from '../../istio/validation/dns';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidGatewayName = defineAnalyzer(
  {
    code: 'IY301',
    name: 'invalid-gateway-name',
    severity: 'error',
    category: 'admission',
    inputs: ['Gateway'],
    summary: 'A Gateway name is not a DNS label (for example it contains a dot).',
    istioctl: 'IST0106',
    docs: `## Why
Unlike most Kubernetes objects, a Gateway name must be a single DNS label: letters, digits and \`-\`, at most 63 characters, no dots.
VirtualServices reference gateways as \`namespace/name\` and still accept the legacy \`name.namespace\` form, so a dot in the name would be ambiguous.

## Example
\`\`\`yaml
kind: Gateway
metadata:
  name: public.gateway   # the dot is not allowed
\`\`\`

## Fix
Use dashes instead of dots, and update the VirtualServices that reference the Gateway.`,
  },
  (ctx) => {
    const name = obj(ctx.resource.value.metadata)?.name;
    if (typeof name !== 'string' || name === '' || isDns1123Label(name)) return;
    ctx.report({ path: ['metadata', 'name'], message: `Gateway name '${name}' is not a DNS label: use letters, digits and '-' only (no dots), at most 63 characters` });
  },
);
