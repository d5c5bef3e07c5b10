// A Gateway credential Secret that exists but holds no usable certificate: missing keys, a
// certificate that is not PEM or not X.509, or one outside its validity window.
import { isObject, type Resource, resourceLabel } from '../../model/resource';
import { bytesToText, decodeBase64 } from '../../x509/base64';
import { certificateProblem, formatDate } from '../../x509/validate';
import { defineWorkspaceAnalyzer } from '../framework';
import { credentialLookups } from './unknown-gateway-credential';

/** The Secret's entries as text: `data` is base64 (undefined when it does not decode), `stringData` is plain. */
function secretEntries(secret: Resource): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const { data, stringData } = secret.value;
  if (isObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
      out.set(key, bytes && bytesToText(bytes));
    }
  }
  // The API server folds `stringData` into `data` on write, so a manifest using it is as good.
  if (isObject(stringData)) for (const [key, value] of Object.entries(stringData)) if (typeof value === 'string') out.set(key, value);
  return out;
}

interface CertificateEntry {
  readonly key: string;
  readonly text: string;
}

/** The certificate istiod uses: `cert`+`key` (generic), else `tls.crt`+`tls.key` (kubernetes.io/tls); both non-empty. */
function certificateEntry(entries: Map<string, string | undefined>): CertificateEntry | undefined {
  for (const [cert, key] of [
    ['cert', 'key'],
    ['tls.crt', 'tls.key'],
  ]) {
    const certText = entries.get(cert);
    if (certText && entries.get(key)) return { key: cert, text: certText };
  }
  return undefined;
}

/** What is wrong with a credential Secret, or undefined. `now` is omitted when the host gave no clock. */
export function credentialProblem(secret: Resource, now: number | undefined): { message: string; key?: string } | undefined {
  const entries = secretEntries(secret);
  const label = resourceLabel(secret);
  const entry = certificateEntry(entries);
  if (!entry) {
    const undecodable = [...entries].filter(([, v]) => v === undefined).map(([k]) => k);
    if (undecodable.length) return { message: `${label} is not usable: data '${undecodable[0]}' is not valid base64`, key: undecodable[0] };
    const found = [...entries.keys()];
    return {
      message: `${label} holds no certificate and key: istiod expects non-empty 'tls.crt' and 'tls.key' (or 'cert' and 'key'); found ${found.length ? found.map((k) => `'${k}'`).join(', ') : 'no entries'}`,
    };
  }
  const problem = certificateProblem(entry.text, now);
  if (!problem) return undefined;
  const where = `the certificate in ${label} ('${entry.key}')`;
  switch (problem.kind) {
    case 'no-pem':
      return { message: `${where} is not PEM-encoded`, key: entry.key };
    case 'not-x509':
      return { message: `${where} is not an X.509 certificate (its first PEM block is '${problem.blockType}')`, key: entry.key };
    case 'expired':
      return { message: `${where} expired on ${formatDate(problem.validity.notAfter)}`, key: entry.key };
    case 'not-yet-valid':
      return { message: `${where} is not valid before ${formatDate(problem.validity.notBefore)}`, key: entry.key };
  }
}

export const invalidGatewayCredential = defineWorkspaceAnalyzer(
  {
    code: 'IY922',
    name: 'invalid-gateway-credential',
    severity: 'error',
    category: 'workspace',
    inputs: ['Gateway'],
    summary: 'The Secret a Gateway `credentialName` names holds no usable certificate (missing keys, not PEM or X.509, expired or not yet valid).',
    istioctl: 'IST0161',
    docs: `## Why
istiod serves the certificate in the credential Secret: \`tls.crt\` and \`tls.key\` (a
\`kubernetes.io/tls\` Secret) or \`cert\` and \`key\`, both non-empty. The certificate must be PEM-encoded
X.509 and inside its validity window; otherwise the gateway cannot complete TLS handshakes for the
server. The Secret is looked up where the gateway reads it (see IY921); \`stringData\` counts, as the
API server folds it into \`data\`.

The validity window is compared with the host's clock (the editor and the CLI pass the current time).

## Example
\`\`\`yaml
kind: Secret
metadata: {name: httpbin-credential, namespace: istio-system}
type: kubernetes.io/tls
data:
  tls.cert: LS0tLS1CRUdJTi...   # the key is tls.crt, so istiod finds no certificate
  tls.key: LS0tLS1CRUdJTi...
\`\`\``,
  },
  (ctx) => {
    const clock = ctx.now();
    // A host without a clock reports 0: then certificate dates are not judged.
    const now = clock > 0 ? clock : undefined;
    for (const { site, secret } of credentialLookups(ctx.resource, ctx.index)) {
      if (!secret) continue;
      const problem = credentialProblem(secret, now);
      if (!problem) continue;
      ctx.report({
        path: site.path,
        message: problem.message,
        related: [{ resource: secret, path: problem.key ? ['data', problem.key] : ['metadata', 'name'], message: `credential Secret of ${resourceLabel(ctx.resource)}` }],
      });
    }
  },
);
