// Gateway server ports istiod rejects: unknown protocols, numbers outside 1–65535, targetPort, empty
// names, and bind addresses that are neither IPs nor unix sockets.
import { serverPortFindings } from '../../istio/validation/server-port';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidServerPort = defineAnalyzer(
  {
    code: 'IY304',
    name: 'invalid-server-port',
    severity: 'error',
    category: 'admission',
    inputs: ['Gateway'],
    summary: 'A Gateway server port has an unknown protocol, an invalid number, a targetPort, or an invalid bind address.',
    istioctl: 'IST0106',
    docs: `## Why
A server listens on \`port.number\` (1–65535, or 0 with a \`unix://\` bind) and speaks \`port.protocol\`: HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, TCP, TLS, MONGO, REDIS, MYSQL, UDP or HTTP_PROXY.
\`targetPort\` only makes sense for ServiceEntries; on a Gateway istiod rejects it rather than ignoring it.
\`bind\` is an IP address or \`unix://\` followed by an absolute path or an \`@abstract\` name.

## Example
\`\`\`yaml
servers:
- port:
    number: 8443
    name: https
    protocol: HTTPS2     # unknown protocol
    targetPort: 443      # not allowed on Gateways
  bind: localhost        # not an IP
\`\`\`

## Fix
Use a known protocol, drop \`targetPort\`, and bind to an IP such as \`0.0.0.0\`.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    list(spec.servers).forEach((item, i) => {
      const server = obj(item);
      if (!server) return;
      for (const f of serverPortFindings(server, ['spec', 'servers', i])) ctx.report({ path: f.path, target: f.target, message: f.message });
    });
  },
);
