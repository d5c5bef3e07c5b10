// Routing on JWT claims (`@request.auth.claims...` header keys) only works on gateways.
import { isJwtClaimRoutingKey } from '../../istio/validation/headers';
import { appliesOnlyToGateways, forEachMatchHeader, specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const jwtClaimRouteWithoutGateway = defineAnalyzer(
  {
    code: 'IY112',
    name: 'jwt-claim-route-without-gateway',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A VirtualService matches on JWT claims but applies to sidecars, where claim routing is unsupported.',
    istioctl: 'IST0106',
    docs: `## Why
JWT claim based routing (\`@request.auth.claims.<name>\` in \`headers\` or \`withoutHeaders\`) needs the JWT to be verified before routing, which only gateways do.
istiod rejects such matches in VirtualServices without \`gateways\` or with \`mesh\` among them.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  hosts: [reviews]          # no gateways: applies to sidecars
  http:
  - match:
    - headers:
        "@request.auth.claims.group": {exact: admin}
\`\`\`

## Fix
Bind the VirtualService to the ingress gateway that verifies the token (with a RequestAuthentication), without \`mesh\`.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec || appliesOnlyToGateways(spec)) return;
    forEachMatchHeader(spec, (name, path) => {
      if (!isJwtClaimRoutingKey(name)) return;
      ctx.report({
        path,
        target: 'key',
        message: `JWT claim routing ('${name}') is only supported for VirtualServices bound to gateways (without 'mesh')`,
      });
    });
  },
);
