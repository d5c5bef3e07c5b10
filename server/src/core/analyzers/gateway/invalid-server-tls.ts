// Gateway server TLS istiod rejects: TLS ports without `tls`, `tls` on plain-text ports, and
// certificate settings that the TLS mode needs or forbids.
import { gatewayTlsFindings } from '../../istio/validation/gateway-tls';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidServerTls = defineAnalyzer(
  {
    code: 'IY306',
    name: 'invalid-server-tls',
    severity: 'error',
    category: 'admission',
    inputs: ['Gateway'],
    summary: 'A Gateway server lacks TLS settings its protocol needs, has TLS on a plain-text port, or has certificates its TLS mode forbids or misses.',
    istioctl: 'IST0106',
    docs: `## Why
HTTPS and TLS servers need a \`tls\` block; other protocols may not have one, except an HTTP server with only \`httpsRedirect: true\` (its mode stays PASSTHROUGH, the default).
The TLS mode decides which certificate settings apply:
- \`SIMPLE\`, \`MUTUAL\` and \`OPTIONAL_MUTUAL\` need a \`credentialName\` (a Secret) or \`serverCertificate\` and \`privateKey\` files; the mutual modes also need \`caCertificates\` when they use files.
- \`ISTIO_MUTUAL\` uses the mesh certificates and forbids all certificate settings.
- Only one certificate source may be set, and \`caCrl\` works neither with \`credentialName\` nor with \`SIMPLE\`.

## Example
\`\`\`yaml
servers:
- port: {number: 443, name: https, protocol: HTTPS}
  hosts: ["*.example.com"]
  tls:
    mode: SIMPLE          # no credentialName and no serverCertificate/privateKey
\`\`\`

## Fix
Add \`credentialName: <secret>\` (the Secret lives in the gateway's namespace), or use the mode that matches your setup.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const f of gatewayTlsFindings(spec)) if (f.level === 'error') ctx.report({ path: f.path, target: f.target, message: f.message });
  },
);
