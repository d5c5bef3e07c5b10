// Gateway server TLS settings that istiod accepts with a warning because they are ignored or risky.
import { gatewayTlsFindings } from '../../istio/validation/gateway-tls';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const ignoredServerTlsSetting = defineAnalyzer(
  {
    code: 'IY307',
    name: 'ignored-server-tls-setting',
    severity: 'warning',
    category: 'admission',
    inputs: ['Gateway'],
    summary: 'A Gateway server TLS setting is ignored (passthrough certificates, unknown or duplicate ciphers, httpsRedirect on non-HTTP) or needs cipherSuites.',
    istioctl: 'IST0133',
    docs: `## Why
istiod accepts these settings but warns, because they do not do what they seem to:
- \`PASSTHROUGH\` and \`AUTO_PASSTHROUGH\` forward TLS untouched, so certificates and \`credentialName\` are ignored.
- Unknown or repeated \`cipherSuites\` are dropped.
- \`minProtocolVersion: TLSV1_0\` or \`TLSV1_1\` without \`cipherSuites\` cannot negotiate, since the default ciphers no longer include ones those versions use.
- \`httpsRedirect\` only applies to HTTP servers.

## Example
\`\`\`yaml
tls:
  mode: PASSTHROUGH
  credentialName: api-cert     # ignored in PASSTHROUGH mode
  cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256, RC4-SHA]   # RC4-SHA is unsupported
\`\`\`

## Fix
Remove the ignored settings, or switch to \`SIMPLE\` if the gateway should terminate TLS.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const f of gatewayTlsFindings(spec)) if (f.level === 'warning') ctx.report({ path: f.path, target: f.target, message: f.message });
  },
);
