// The port-level twin of IY918: a `portLevelSettings[]` entry originating TLS without `caCertificates`.
import { isObject } from '../../model/resource';
import { defineAnalyzer } from '../framework';
import { specOf } from '../routing';
import { SYSTEM_CA_BUNDLE, unverifiedServerCertificate } from './server-certificate-not-verified';

export const portServerCertificateNotVerified = defineAnalyzer(
  {
    code: 'IY919',
    name: 'port-server-certificate-not-verified',
    severity: 'information',
    category: 'workspace',
    inputs: ['DestinationRule'],
    summary: 'A DestinationRule port-level setting originates TLS without caCertificates, so the server certificate is checked only against the system trust store, or not at all with insecureSkipVerify.',
    istioctl: 'IST0129',
    fix: 'unsafe',
    docs: `## Why
The same as IY918, for one port: \`trafficPolicy.portLevelSettings[].tls\` with mode \`SIMPLE\` or \`MUTUAL\`
and no \`caCertificates\` (IST0129). Current Istio verifies the server certificate against the proxy's
system trust store (\`VERIFY_CERTIFICATE_AT_CLIENT\`, on by default), so this is information;
\`insecureSkipVerify: true\` really skips verification and is a warning. A rule with \`credentialName\` and a
\`workloadSelector\` is not reported.

## Example
\`\`\`yaml
kind: DestinationRule
spec:
  host: db.example.com
  trafficPolicy:
    portLevelSettings:
    - port: {number: 5432}
      tls:
        mode: SIMPLE      # no caCertificates
\`\`\`

## Fix
Add \`caCertificates: ${SYSTEM_CA_BUNDLE}\` next to \`mode\` (replace it with your CA's file to trust a
private CA).`,
  },
  (ctx) => {
    const policy = specOf(ctx.resource).trafficPolicy;
    if (!isObject(policy) || !Array.isArray(policy.portLevelSettings)) return;
    policy.portLevelSettings.forEach((setting, i) => {
      if (!isObject(setting)) return;
      const port = isObject(setting.port) && typeof setting.port.number === 'number' ? `for port ${setting.port.number}` : 'for this port';
      const report = unverifiedServerCertificate(ctx, setting.tls, ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls'], port);
      if (report) ctx.report(report);
    });
  },
);
