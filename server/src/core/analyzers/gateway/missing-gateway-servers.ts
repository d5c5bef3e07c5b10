// A Gateway without servers, or a server without hosts, exposes nothing.
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const missingGatewayServers = defineAnalyzer(
  {
    code: 'IY302',
    name: 'missing-gateway-servers',
    severity: 'error',
    category: 'admission',
    inputs: ['Gateway'],
    summary: 'A Gateway has no servers, or a server lists no hosts.',
    istioctl: 'IST0106',
    docs: `## Why
A Gateway describes the ports and hosts a proxy exposes; istiod rejects a Gateway without \`servers\` and a server without \`hosts\`.

## Example
\`\`\`yaml
kind: Gateway
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: []          # at least one host
\`\`\`

## Fix
List the host names the server accepts (\`"*"\` for any).`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    if (spec.servers !== undefined && !Array.isArray(spec.servers)) return;
    const servers = list(spec.servers);
    if (servers.length === 0) {
      ctx.report({ path: spec.servers === undefined ? ['spec'] : ['spec', 'servers'], target: 'key', message: 'the Gateway has no servers: add at least one server with a port and hosts' });
      return;
    }
    servers.forEach((item, i) => {
      const server = obj(item);
      if (server && Array.isArray(server.hosts) && server.hosts.length === 0) {
        ctx.report({ path: ['spec', 'servers', i, 'hosts'], target: 'key', message: 'the server lists no hosts: add at least one host ("*" for any)' });
      }
    });
  },
);
