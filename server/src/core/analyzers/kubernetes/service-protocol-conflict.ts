// Services selecting the same in-mesh Deployment disagree on a port's protocol.
import { portProtocol, servicePorts } from '../../kubernetes/ports';
import { podShape } from '../../kubernetes/objects';
import { isWaypointDeployment, podInMesh, servicesSelecting } from '../../kubernetes/workload-services';
import { resourceLabel } from '../../model/resource';
import { defineWorkspaceAnalyzer, type RelatedReport } from '../framework';

export const serviceProtocolConflict = defineWorkspaceAnalyzer(
  {
    code: 'IY972',
    name: 'service-protocol-conflict',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Deployment'],
    summary: 'Services selecting the same in-mesh Deployment give one port number different protocols.',
    istioctl: 'IST0116',
    docs: `## Why
A sidecar has one inbound listener per port of its pod. When two Services select the same pods and
expose the same port number with different protocols (from the port name or \`appProtocol\`, and
\`protocol: UDP\`), istiod can configure only one of them: traffic meant for the other is handled with
the wrong protocol (HTTP parsed as opaque TCP, or TCP broken by an HTTP filter). Only Deployments in
the mesh are checked (an istio-proxy container, a \`sidecar.istio.io/inject: "true"\` label or
annotation, or a namespace labelled \`istio-injection=enabled\`).

## Example
\`\`\`yaml
kind: Service
metadata: { name: details-tcp }
spec:
  selector: { app: details }
  ports: [{ name: tcp, port: 9080 }]
---
kind: Service
metadata: { name: details-http }
spec:
  selector: { app: details }
  ports: [{ name: http, port: 9080 }]    # same pods, same port, another protocol
\`\`\``,
  },
  (ctx) => {
    const pod = podShape(ctx.resource);
    if (!pod || isWaypointDeployment(ctx.resource) || !podInMesh(ctx.index, ctx.resource.namespace, pod)) return;
    // port number → protocol → Services using it.
    const byPort = new Map<number, Map<string, { service: string; related: RelatedReport }[]>>();
    for (const svc of servicesSelecting(ctx.index, ctx.resource.namespace, pod)) {
      for (const port of servicePorts(svc.value.spec)) {
        if (port.port === undefined) continue;
        const protocol = portProtocol(port) ?? (port.protocol && port.protocol !== 'TCP' ? port.protocol : 'sniffed');
        const protocols = byPort.get(port.port) ?? new Map();
        byPort.set(port.port, protocols);
        const users = protocols.get(protocol) ?? [];
        protocols.set(protocol, users);
        users.push({ service: resourceLabel(svc).replace(/^Service /, ''), related: { resource: svc, path: ['spec', 'ports', port.index], message: `port ${port.port} is ${protocol} here` } });
      }
    }
    for (const [number, protocols] of [...byPort].sort((a, b) => a[0] - b[0])) {
      if (protocols.size < 2) continue;
      const all = [...protocols].flatMap(([protocol, users]) => users.map((u) => ({ ...u, protocol })));
      const list = all.map((u) => `${u.service} (${u.protocol})`).sort();
      ctx.report({
        path: ['metadata', 'name'],
        message: `Deployment '${ctx.resource.name}' is selected by Services that give port ${number} different protocols: ${list.join(', ')}; the sidecar can serve only one, so use one protocol per port`,
        related: all.map((u) => u.related),
      });
    }
  },
);
