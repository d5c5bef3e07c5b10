// TCP ServiceEntries that istiod accepts with a warning: several hosts behind one address, or no
// address when IP auto-allocation is off.
import { isTcpProtocol } from '../../istio/validation/protocol';
import { resolutionOf } from '../../istio/validation/service-entry';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const AUTOALLOCATE_LABEL = 'networking.istio.io/enable-autoallocate-ip';

export const ambiguousTcpServiceEntry = defineAnalyzer(
  {
    code: 'IY408',
    name: 'ambiguous-tcp-service-entry',
    severity: 'warning',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'A TCP ServiceEntry has several hosts behind its addresses, or no address while IP auto-allocation is off.',
    istioctl: 'IST0133',
    docs: `## Why
TCP traffic is matched by destination IP and port.
With DNS resolution, several hosts behind the same \`addresses\` and a TCP port cannot be told apart.
A TCP (or protocol-less) port without \`addresses\` relies on IP auto-allocation, which is on by default but off for resolution NONE and for ServiceEntries labelled \`networking.istio.io/enable-autoallocate-ip: "false"\`; without it, the port catches traffic to every IP.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts: [db.example.com]
  resolution: NONE
  ports: [{number: 5432, name: pg, protocol: TCP}]   # no addresses
\`\`\`

## Fix
Add \`addresses\`, or split the hosts into separate ServiceEntries.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const resolution = resolutionOf(spec);
    const ports = list(spec.ports);
    const addresses = list(spec.addresses);
    if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && addresses.length > 0 && list(spec.hosts).length > 1) {
      const index = ports.findIndex((p) => {
        const protocol = obj(p)?.protocol;
        return typeof protocol === 'string' && isTcpProtocol(protocol);
      });
      if (index >= 0) ctx.report({ path: ['spec', 'hosts'], target: 'key', message: 'several hosts share the addresses of a ServiceEntry with a TCP port; TCP traffic cannot tell them apart' });
    }
    const labels = obj(obj(ctx.resource.value.metadata)?.labels);
    const autoAllocation = resolution !== 'NONE' && labels?.[AUTOALLOCATE_LABEL] !== 'false';
    if (addresses.length > 0 || autoAllocation) return;
    ports.forEach((p, i) => {
      const protocol = obj(p)?.protocol;
      if (protocol === undefined || protocol === '' || protocol === 'TCP') {
        ctx.report({ path: ['spec', 'ports', i], message: `a ${protocol ? 'TCP' : 'protocol-less'} port needs addresses when IP auto-allocation does not apply${resolution === 'NONE' ? ' (resolution NONE)' : ''}` });
      }
    });
  },
);
