// ServiceEntry ports need unique DNS-label names and a known protocol.
import { isDns1123Label } from '../../istio/validation/dns';
import { KNOWN_PROTOCOLS, parseProtocol } from '../../istio/validation/protocol';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidServiceEntryPort = defineAnalyzer(
  {
    code: 'IY404',
    name: 'invalid-service-entry-port',
    severity: 'error',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'A ServiceEntry port name is repeated or not a DNS label, or its protocol is unknown.',
    istioctl: 'IST0106',
    docs: `## Why
Port names identify ports for endpoints (\`endpoints[].ports\`) and must be unique DNS labels; protocols must be ones Istio knows (HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, TCP, TLS, MONGO, REDIS, MYSQL, UDP, HTTP_PROXY), or empty for protocol sniffing.

## Example
\`\`\`yaml
ports:
- {number: 80, name: http, protocol: HTTP}
- {number: 8080, name: http, protocol: HTTP}       # name repeated
- {number: 5432, name: pg_sql, protocol: POSTGRES} # '_' and unknown protocol
\`\`\`

## Fix
Give each port a unique name such as \`http-8080\`, and use TCP for protocols Istio does not know.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const names = new Set<string>();
    list(spec.ports).forEach((item, i) => {
      const port = obj(item);
      if (!port) return;
      const name = port.name;
      if (typeof name === 'string') {
        if (names.has(name)) ctx.report({ path: ['spec', 'ports', i, 'name'], message: `port name '${name}' is already used by another port` });
        else if (!isDns1123Label(name)) ctx.report({ path: ['spec', 'ports', i, 'name'], message: `port name '${name}' is not a DNS label: use letters, digits and '-', at most 63 characters` });
        names.add(name);
      }
      const protocol = port.protocol;
      if (typeof protocol === 'string' && protocol !== '' && !parseProtocol(protocol)) {
        ctx.report({ path: ['spec', 'ports', i, 'protocol'], message: `unknown protocol '${protocol}'; use one of ${KNOWN_PROTOCOLS.join(', ')}` });
      }
    });
  },
);
