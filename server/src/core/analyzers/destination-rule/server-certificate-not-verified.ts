// A DestinationRule originating TLS (SIMPLE or MUTUAL) without `caCertificates`. Current Istio verifies
// the server against the proxy's system trust store then (VERIFY_CERTIFICATE_AT_CLIENT), so this is
// information, except with `insecureSkipVerify: true`, which really skips verification.
import { isObject, type JsonObject } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineAnalyzer, type FindingFix, type Report, type ResourceContext } from '../framework';
import { insertAfterEntry, specOf } from '../routing';

/** The CA bundle of the proxy image's system trust store: what verification uses without caCertificates. */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** The finding for one client TLS block at `path` (`spec.trafficPolicy.tls`, or a port-level one), if any. */
export function unverifiedServerCertificate(ctx: ResourceContext, tls: unknown, path: FieldPath, where: string): Report | undefined {
  if (!isObject(tls)) return undefined;
  const mode = tls.mode;
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return undefined;
  if (typeof tls.caCertificates === 'string' && tls.caCertificates) return undefined;
  const spec: JsonObject = specOf(ctx.resource);
  const credentialName = typeof tls.credentialName === 'string' && tls.credentialName ? tls.credentialName : undefined;
  // istioctl's exemption: the Secret of a workload-specific rule provides the CA.
  if (credentialName && spec.workloadSelector !== undefined) return undefined;
  const at: FieldPath = [...path, 'mode'];
  const skip = tls.insecureSkipVerify === true || (isObject(tls.insecureSkipVerify) && tls.insecureSkipVerify.value === true);
  if (skip) {
    return { path: at, severity: 'warning', message: `TLS mode ${mode} ${where} skips verification of the server certificate (insecureSkipVerify: true): the upstream's identity is not checked` };
  }
  if (credentialName) {
    return { path: at, message: `TLS mode ${mode} ${where} sets no caCertificates: the server certificate is verified with the ca.crt of Secret '${credentialName}' if it has one, else against the proxy's system trust store` };
  }
  const fixes: FindingFix[] = [];
  const edit = insertAfterEntry(ctx.resource, at, [`caCertificates: ${SYSTEM_CA_BUNDLE}`]);
  if (edit) fixes.push({ title: `Add caCertificates: ${SYSTEM_CA_BUNDLE}`, edits: [edit] });
  return {
    path: at,
    fixes,
    message: `TLS mode ${mode} ${where} sets no caCertificates: the server certificate is verified against the proxy's system trust store (VERIFY_CERTIFICATE_AT_CLIENT); set caCertificates to trust a specific CA`,
  };
}

export const serverCertificateNotVerified = defineAnalyzer(
  {
    code: 'IY918',
    name: 'server-certificate-not-verified',
    severity: 'information',
    category: 'workspace',
    inputs: ['DestinationRule'],
    summary: 'A DestinationRule originates TLS without caCertificates, so the server certificate is checked only against the system trust store, or not at all with insecureSkipVerify.',
    istioctl: 'IST0128',
    fix: 'unsafe',
    docs: `## Why
\`trafficPolicy.tls\` with mode \`SIMPLE\` or \`MUTUAL\` makes the sidecar originate TLS to the upstream.
Without \`caCertificates\`, istioctl warns that the server certificate is not verified (IST0128). Current
Istio verifies it anyway, against the proxy's system trust store (\`VERIFY_CERTIFICATE_AT_CLIENT\`, on by
default), so this is information: a public CA is trusted, a private one is not. Setting
\`caCertificates\` makes the trusted CA explicit. With \`insecureSkipVerify: true\` the certificate is
really not verified, and that is a warning. A rule with \`credentialName\` and a \`workloadSelector\` gets its
CA from the Secret and is not reported (as istioctl). Port-level settings are IY919; subset traffic
policies are not inspected (as istioctl).

Istio accepts this configuration; the analyzer is not an admission check, so it keeps running when
admission checks are turned off.

## Example
\`\`\`yaml
kind: DestinationRule
spec:
  host: api.example.com
  trafficPolicy:
    tls:
      mode: SIMPLE        # no caCertificates: the system trust store decides
\`\`\`

## Fix
Add \`caCertificates: ${SYSTEM_CA_BUNDLE}\` (the system bundle of the proxy image, the same trust as
today, made explicit) next to \`mode\`; replace it with your CA's file to trust a private CA. Not offered
with \`credentialName\`, which excludes inline certificates.`,
  },
  (ctx) => {
    const policy = specOf(ctx.resource).trafficPolicy;
    if (!isObject(policy)) return;
    const report = unverifiedServerCertificate(ctx, policy.tls, ['spec', 'trafficPolicy', 'tls'], 'for the destination');
    if (report) ctx.report(report);
  },
);
