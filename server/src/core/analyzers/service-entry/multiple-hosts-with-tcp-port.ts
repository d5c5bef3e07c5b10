// Several hosts share a ServiceEntry with a plain TCP port, where the proxy cannot tell them apart.
import { firstOpaquePort, resolutionOf } from '../../istio/validation/service-entry';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const multipleHostsWithTcpPort = defineAnalyzer(
  {
    code: 'IY407',
    name: 'multiple-hosts-with-tcp-port',
    severity: 'error',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'A ServiceEntry lists several hosts with a port that is neither HTTP nor TLS, and its resolution is not NONE.',
    istioctl: 'IST0106',
    docs: `## Why
On an HTTP port the proxy picks the host from the Host header, on a TLS port from the SNI; on a plain TCP port (or one without a protocol) nothing tells the hosts apart.
istiod therefore rejects several hosts with such a port unless the resolution is NONE, where hosts are not used for routing.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts: [db1.example.com, db2.example.com]
  resolution: DNS
  ports: [{number: 5432, name: pg, protocol: TCP}]
\`\`\`

## Fix
Create one ServiceEntry per host, or use resolution NONE with \`addresses\`.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec || resolutionOf(spec) === 'NONE' || list(spec.hosts).length < 2) return;
    const index = firstOpaquePort(spec);
    if (index < 0) return;
    const protocol = obj(list(spec.ports)[index])?.protocol;
    ctx.report({
      path: ['spec', 'ports', index],
      message: `${typeof protocol === 'string' && protocol ? `a ${protocol}` : 'a'} port cannot serve ${list(spec.hosts).length} hosts: only HTTP and TLS ports can tell hosts apart (or use resolution NONE)`,
    });
  },
);
