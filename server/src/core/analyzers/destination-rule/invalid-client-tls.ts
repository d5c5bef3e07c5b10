// Client TLS settings istiod rejects: mutual TLS without a client certificate, inline certificates
// together with credentialName, CA settings with insecureSkipVerify, and configmap credentials from
// another namespace.
import { trafficPolicies } from '../../istio/validation/traffic-policy';
import { list, nonEmpty, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const CONFIGMAP = 'configmap://';

export const invalidClientTls = defineAnalyzer(
  {
    code: 'IY208',
    name: 'invalid-client-tls',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule'],
    summary: 'Client TLS settings conflict: MUTUAL without a client certificate, inline files with credentialName, or CA settings with insecureSkipVerify.',
    istioctl: 'IST0106',
    docs: `## Why
For connections to the upstream service:
- \`MUTUAL\` needs \`clientCertificate\` and \`privateKey\`, unless \`credentialName\` names a Secret that holds them;
- with \`credentialName\` (SIMPLE or MUTUAL), everything comes from the Secret, so inline \`clientCertificate\`, \`privateKey\`, \`caCertificates\` and \`caCrl\` are rejected;
- \`insecureSkipVerify: true\` disables verification, so \`caCertificates\` and \`subjectAltNames\` (and, for SIMPLE, \`credentialName\`) contradict it;
- a \`configmap://\` credential must be in the DestinationRule's own namespace.

## Example
\`\`\`yaml
trafficPolicy:
  tls:
    mode: MUTUAL
    credentialName: client-cert
    caCertificates: /etc/certs/ca.pem   # conflicts with credentialName
\`\`\`

## Fix
Use either a \`credentialName\` or inline files, and drop verification settings when skipping verification.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const namespace = ctx.resource.namespace;
    for (const { policy, path } of trafficPolicies(spec)) {
      const tls = obj(policy.tls);
      if (!tls) continue;
      const at = [...path, 'tls'];
      const mode = tls.mode;
      const credentialName = tls.credentialName;
      if (typeof credentialName === 'string' && credentialName.startsWith(CONFIGMAP)) {
        const rest = credentialName.slice(CONFIGMAP.length);
        const slash = rest.indexOf('/');
        const ns = slash >= 0 ? rest.slice(0, slash) : namespace;
        const name = slash >= 0 ? rest.slice(slash + 1) : rest;
        if (!name || !ns) ctx.report({ path: [...at, 'credentialName'], message: `invalid configmap:// credentialName '${credentialName}'` });
        else if (ns !== namespace) ctx.report({ path: [...at, 'credentialName'], message: `configmap:// credentials must be in the DestinationRule's namespace '${namespace}', not '${ns}'` });
      }
      const skipVerify = tls.insecureSkipVerify === true || obj(tls.insecureSkipVerify)?.value === true;
      const sans = list(tls.subjectAltNames).length > 0;
      if (skipVerify) {
        if (mode === 'SIMPLE' && (nonEmpty(tls.caCertificates) || nonEmpty(credentialName) || sans)) {
          ctx.report({ path: [...at, 'insecureSkipVerify'], target: 'key', message: 'insecureSkipVerify: true cannot be combined with caCertificates, credentialName or subjectAltNames' });
        }
        if (mode === 'MUTUAL' && (nonEmpty(tls.caCertificates) || sans)) {
          ctx.report({ path: [...at, 'insecureSkipVerify'], target: 'key', message: 'insecureSkipVerify: true cannot be combined with caCertificates or subjectAltNames' });
        }
      }
      if ((mode === 'SIMPLE' || mode === 'MUTUAL') && nonEmpty(credentialName)) {
        const inline = ['clientCertificate', 'privateKey', 'caCertificates', 'caCrl'].filter((f) => nonEmpty(tls[f]));
        if (inline.length) {
          ctx.report({ path: [...at, inline[0]], target: 'key', message: `with credentialName the certificates come from the Secret; remove ${inline.join(', ')}` });
        }
        continue;
      }
      if (mode === 'MUTUAL') {
        const missing = ['clientCertificate', 'privateKey'].filter((f) => !nonEmpty(tls[f]));
        if (missing.length) ctx.report({ path: [...at, 'mode'], message: `MUTUAL TLS needs ${missing.join(' and ')} (or a credentialName)` });
      }
    }
  },
);
