// Services selecting the same in-mesh Deployment send different ports to one container port.
import { servicePorts } from '../../kubernetes/ports';
import { podShape } from '../../kubernetes/objects';
import { isWaypointDeployment, podInMesh, servicesSelecting } from '../../kubernetes/workload-services';
import { resourceLabel } from '../../model/resource';
import { defineWorkspaceAnalyzer, type RelatedReport } from '../framework';

export const conflictingTargetPort = defineWorkspaceAnalyzer(
  {
    code: 'IY973',
    name: 'conflicting-target-port',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Deployment'],
    summary: 'Services selecting the same in-mesh Deployment map different ports to the same targetPort.',
    istioctl: 'IST0137',
    docs: `## Why
Istio configures a pod's inbound traffic per target port, and takes the protocol and settings of that
port from the Service port that maps to it. When different Service ports (of one Service or of several
Services selecting the same pods) map to the same \`targetPort\`, they compete for that inbound
configuration and one of them may be served with the other's protocol. Only Deployments in the mesh
are checked.

## Example
\`\`\`yaml
kind: Service
metadata: { name: reviews-a }
spec:
  selector: { app: reviews }
  ports: [{ name: tcp, port: 9080, targetPort: 9080 }]
---
kind: Service
metadata: { name: reviews-b }
spec:
  selector: { app: reviews }
  ports: [{ name: http, port: 9090, targetPort: 9080 }]   # same container port
\`\`\``,
  },
  (ctx) => {
    const pod = podShape(ctx.resource);
    if (!pod || isWaypointDeployment(ctx.resource) || !podInMesh(ctx.index, ctx.resource.namespace, pod)) return;
    // targetPort (as written; unset means the port itself) → Service port → the Service using it.
    const byTarget = new Map<string, Map<number, { service: string; related: RelatedReport }>>();
    for (const svc of servicesSelecting(ctx.index, ctx.resource.namespace, pod)) {
      for (const port of servicePorts(svc.value.spec)) {
        if (port.port === undefined) continue;
        const target = port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '' ? String(port.port) : String(port.targetPort);
        const ports = byTarget.get(target) ?? new Map();
        byTarget.set(target, ports);
        ports.set(port.port, { service: resourceLabel(svc).replace(/^Service /, ''), related: { resource: svc, path: ['spec', 'ports', port.index], message: `port ${port.port} targets ${target} here` } });
      }
    }
    for (const [target, ports] of byTarget) {
      if (ports.size < 2) continue;
      const numbers = [...ports.keys()].sort((a, b) => a - b);
      const services = [...new Set([...ports.values()].map((p) => p.service))].sort();
      ctx.report({
        path: ['metadata', 'name'],
        message: `Deployment '${ctx.resource.name}': ports ${numbers.join(', ')} of ${services.join(', ')} all target port ${target}; map each container port from one Service port`,
        related: [...ports.values()].map((p) => p.related),
      });
    }
  },
);
