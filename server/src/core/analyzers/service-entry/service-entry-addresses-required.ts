// A TCP (or protocol-less) ServiceEntry port without addresses in a mesh without DNS proxying: the
// sidecar can match TCP only by destination IP, and nothing makes the application use one it knows.
import { isObject } from '../../model/resource';
import { list, obj, str } from '../../istio/validation/values';
import { defineWorkspaceAnalyzer } from '../framework';

/** DNS proxying makes applications resolve the entry's host to the address istiod allocated for it. */
function dnsCaptureWithAllocation(proxyMetadata: Readonly<Record<string, string>>): boolean {
  if (proxyMetadata.ISTIO_META_DNS_CAPTURE !== 'true') return false;
  // Allocation is on by default in istiod (PILOT_ENABLE_IP_AUTOALLOCATE); only an explicit "false" turns it off.
  return proxyMetadata.PILOT_ENABLE_IP_AUTOALLOCATE !== 'false' || proxyMetadata.ISTIO_META_DNS_AUTO_ALLOCATE === 'true';
}

export const serviceEntryAddressesRequired = defineWorkspaceAnalyzer(
  {
    code: 'IY946',
    name: 'service-entry-addresses-required',
    severity: 'warning',
    category: 'workspace',
    inputs: ['ServiceEntry'],
    summary: 'A ServiceEntry has TCP ports but no addresses, and the mesh does not proxy DNS, so sidecars cannot tell its traffic apart.',
    istioctl: 'IST0134',
    docs: `## Why
For TCP (and ports without a protocol, which Istio treats as TCP) the sidecar matches outbound
traffic by destination IP and port. A ServiceEntry without \`addresses\` gets an address allocated by
istiod (in its \`status\`), but the application only connects to that address when the sidecar proxies
DNS (\`ISTIO_META_DNS_CAPTURE: "true"\` in the mesh config's \`defaultConfig.proxyMetadata\`). Without it the
application connects to the host's real IP, and the entry does not apply to the traffic.

The mesh config is read from the \`istio\` ConfigMap in \`istio-system\` when the workspace has it; without
it Istio's default (no DNS proxying) is assumed and the finding is information.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts: [db.example.com]
  ports: [{number: 5432, name: tcp-postgres, protocol: TCP}]   # no addresses
  resolution: DNS
\`\`\``,
  },
  (ctx) => {
    const mesh = ctx.index.mesh;
    if (dnsCaptureWithAllocation(mesh.proxyMetadata)) return;
    const spec = obj(ctx.resource.value.spec);
    if (!spec || list(spec.addresses).length) return;
    const status = isObject(ctx.resource.value.status) ? ctx.resource.value.status : {};
    if (list(status.addresses).length) return;
    const tcpPorts = list(spec.ports).flatMap((p, i) => {
      const port = obj(p);
      const protocol = (str(port?.protocol) ?? '').toUpperCase();
      return port && (protocol === '' || protocol === 'TCP') ? [{ index: i, number: port.number, named: str(port.name) !== undefined }] : [];
    });
    if (!tcpPorts.length) return;
    const numbers = tcpPorts.map((p) => String(p.number)).join(', ');
    const where = mesh.source ? 'the mesh config does not enable DNS proxying' : 'the workspace has no mesh config, and Istio does not proxy DNS by default';
    ctx.report({
      // On the port's name when it has one, where istioctl points too.
      path: tcpPorts[0].named ? ['spec', 'ports', tcpPorts[0].index, 'name'] : ['spec', 'ports', tcpPorts[0].index],
      message: `TCP port${tcpPorts.length > 1 ? 's' : ''} ${numbers} of this ServiceEntry ${tcpPorts.length > 1 ? 'have' : 'has'} no addresses and ${where}: applications connect to the host's real IP, which the entry does not match. Add addresses, or enable ISTIO_META_DNS_CAPTURE`,
      severity: mesh.source ? undefined : 'information',
    });
  },
);
