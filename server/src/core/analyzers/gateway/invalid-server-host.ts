// Gateway server hosts must be `namespace/dnsName` or a bare dnsName: a fully qualified name, `*`,
// a `*.` wildcard or an IP address.
import { namespacedHostProblem } from '../../istio/validation/namespaced-host';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidServerHost = defineAnalyzer(
  {
    code: 'IY303',
    name: 'invalid-server-host',
    severity: 'error',
    category: 'admission',
    inputs: ['Gateway'],
    summary: 'A Gateway server host is a short name, a partial wildcard, or not a valid `namespace/dnsName`.',
    istioctl: 'IST0106',
    docs: `## Why
Gateway hosts are matched against the hosts of VirtualServices bound to the Gateway.
A host is \`<namespace>/<dnsName>\` (namespace \`*\`, \`.\` or a namespace name) or a bare \`<dnsName>\`.
The DNS name must be \`*\`, a fully qualified name (short names such as \`reviews\` are rejected), a wildcard that starts with \`*.\` (\`*foo.com\` is rejected) or an IP address.

## Example
\`\`\`yaml
servers:
- port: {number: 80, name: http, protocol: HTTP}
  hosts:
  - reviews            # short name
  - "*example.com"     # partial wildcard
  - prod_ns/*.example.com
\`\`\`

## Fix
Use fully qualified names (\`reviews.example.com\`), \`*.example.com\` wildcards, and real namespace names.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    list(spec.servers).forEach((item, i) => {
      list(obj(item)?.hosts).forEach((host, k) => {
        if (typeof host !== 'string') return;
        const problem = namespacedHostProblem(host, true);
        if (problem) ctx.report({ path: ['spec', 'servers', i, 'hosts', k], message: `invalid server host: ${problem}` });
      });
    });
  },
);
