// An ExternalName Service port that Istio would treat as plain TCP.
import { isObject } from '../../model/resource';
import { portNamesExempt, portProtocol, servicePorts } from '../../kubernetes/ports';
import { defineWorkspaceAnalyzer } from '../framework';

export const invalidExternalNamePort = defineWorkspaceAnalyzer(
  {
    code: 'IY961',
    name: 'invalid-external-name-port',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Service'],
    summary: 'A port of an ExternalName Service has no protocol Istio knows, or is named plain tcp, so sidecars treat it as opaque TCP to the external name.',
    istioctl: 'IST0150',
    docs: `## Why
Istio turns an ExternalName Service into a DNS-resolved destination. An ExternalName Service has no
cluster IP, so sidecars can match plain TCP to it only by port: a port that is unnamed, has a name
without a known protocol, or is named \`tcp\` gets a listener on that port for every address, which
captures all outbound TCP traffic to that port number and sends it to the external name. Naming the
port with its real protocol (\`https\`, \`http\`, \`tls\`, …) lets Istio route it by host instead.

## Example
\`\`\`yaml
kind: Service
spec:
  type: ExternalName
  externalName: api.example.com
  ports:
  - name: tcp          # or unnamed: name it https (or tls) for TLS traffic
    port: 443
\`\`\``,
  },
  (ctx) => {
    const spec = ctx.resource.value.spec;
    if (!isObject(spec) || spec.type !== 'ExternalName' || portNamesExempt(ctx.resource)) return;
    for (const port of servicePorts(spec)) {
      const protocol = portProtocol(port);
      if (protocol && port.name !== 'tcp') continue;
      const number = port.port !== undefined ? ` ${port.port}` : '';
      const label = port.name ? `ExternalName Service port '${port.name}' (${port.port ?? '?'})` : `Unnamed ExternalName Service port${number}`;
      const why = protocol ? `it is named 'tcp'` : `its name does not start with a protocol Istio knows`;
      ctx.report({
        path: ['spec', 'ports', port.index, port.name ? 'name' : 'port'],
        message: `${label}: ${why}, so sidecars capture all TCP traffic to this port number for '${typeof spec.externalName === 'string' ? spec.externalName : 'the external name'}'; name it with its protocol, e.g. 'https' or 'tls'`,
      });
    }
  },
);
