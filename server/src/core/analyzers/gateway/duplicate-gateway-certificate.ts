// Two Gateways on overlapping proxies that serve the same certificate: HTTP/2 clients reuse one
// connection for every host the certificate covers and get 404s from the other Gateway's hosts.
import type { Labels } from '../../index/workloads';
import { isObject, type Resource, resourceLabel } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';
import { specLabels } from './unmatched-gateway-selector';

interface ServerCertificate {
  /** What identifies the certificate, for comparison. */
  readonly key: string;
  /** Where it is written, for the finding and the related location. */
  readonly path: FieldPath;
  readonly description: string;
}

/**
 * The certificate of every TLS server: its `credentialName`, else its `serverCertificate` and
 * `privateKey` files when both are set. Servers without either (passthrough, redirects) have none.
 */
function serverCertificates(gateway: Resource): (ServerCertificate | undefined)[] {
  const spec = isObject(gateway.value.spec) ? gateway.value.spec : {};
  const servers = Array.isArray(spec.servers) ? spec.servers : [];
  return servers.map((server, i) => {
    const tls = isObject(server) && isObject(server.tls) ? server.tls : undefined;
    if (!tls) return undefined;
    const at: FieldPath = ['spec', 'servers', i, 'tls'];
    if (typeof tls.credentialName === 'string' && tls.credentialName) return { key: `credential:${tls.credentialName}`, path: [...at, 'credentialName'], description: `credentialName '${tls.credentialName}'` };
    if (tls.credentialName === undefined || tls.credentialName === '') {
      const cert = typeof tls.serverCertificate === 'string' ? tls.serverCertificate : '';
      const key = typeof tls.privateKey === 'string' ? tls.privateKey : '';
      if (cert && key) return { key: `files:${cert}\u0000${key}`, path: [...at, 'serverCertificate'], description: `certificate '${cert}'` };
    }
    return undefined;
  });
}

/** Every label of `a` is in `b` (an empty `a` selects every gateway proxy). */
function selectorSubset(a: Labels, b: Labels): boolean {
  return Object.entries(a).every(([k, v]) => b[k] === v);
}

export const duplicateGatewayCertificate = defineWorkspaceAnalyzer(
  {
    code: 'IY924',
    name: 'duplicate-gateway-certificate',
    severity: 'warning',
    category: 'workspace',
    inputs: ['Gateway'],
    summary: 'Two Gateways on the same gateway proxies serve the same certificate, so HTTP/2 connection reuse can cause 404s.',
    istioctl: 'IST0138',
    docs: `## Why
Browsers and other HTTP/2 clients reuse a connection for every host its certificate covers. When two
Gateways serve the same certificate (the same \`credentialName\`, or the same \`serverCertificate\` and
\`privateKey\`) on the same proxies, a request for a host of the second Gateway can travel over a
connection set up for the first, whose routes do not include it: the client gets a 404. Merge the
servers into one Gateway, or give each its own certificate.

The finding is on the Gateway whose selector is contained in the other's (namespaces do not matter:
gateway selectors are not namespace-scoped).

## Example
\`\`\`yaml
kind: Gateway
metadata: {name: gateway-01}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    tls: {mode: SIMPLE, credentialName: wildcard-cert}   # gateway-02 serves wildcard-cert too
    hosts: [01.example.com]
\`\`\``,
  },
  (ctx) => {
    const own = serverCertificates(ctx.resource);
    if (!own.some((c) => c)) return;
    const selector = specLabels(ctx.resource.value, 'selector');
    for (const other of ctx.index.all('Gateway')) {
      if (other.namespace === ctx.resource.namespace && other.name === ctx.resource.name) continue;
      if (!selectorSubset(selector, specLabels(other.value, 'selector'))) continue;
      const theirs = serverCertificates(other);
      for (const cert of own) {
        const match = cert && theirs.find((t) => t?.key === cert.key);
        if (!cert || !match) continue;
        ctx.report({
          path: cert.path,
          message: `${resourceLabel(other)} serves the same ${cert.description} on the same gateway proxies: HTTP/2 clients may reuse a connection across the two Gateways' hosts and get 404s`,
          related: [{ resource: other, path: match.path, message: `same certificate as ${resourceLabel(ctx.resource)}` }],
        });
      }
    }
  },
);
