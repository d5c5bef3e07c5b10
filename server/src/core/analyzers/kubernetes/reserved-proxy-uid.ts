// An application container or pod that runs as UID 1337, the UID Istio reserves for its proxy.
import { type Container, containersOf, ISTIO_PROXY, isIstioControlPlane, podShape } from '../../kubernetes/objects';
import { isObject } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';

const PROXY_UID = 1337;

/** Containers of Istio's own that legitimately run as the proxy UID. */
const ISTIO_CONTAINERS = new Set([ISTIO_PROXY, 'istio-operator', 'istio-init', 'istio-validation']);

function runsAsProxy(securityContext: unknown): boolean {
  return isObject(securityContext) && securityContext.runAsUser === PROXY_UID;
}

export const reservedProxyUid = defineWorkspaceAnalyzer(
  {
    code: 'IY971',
    name: 'reserved-proxy-uid',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Pod', 'Deployment'],
    summary: 'An application pod or container runs as UID 1337, which Istio reserves for the sidecar proxy.',
    istioctl: 'IST0144',
    docs: `## Why
The sidecar's traffic capture (iptables or Istio CNI) exempts all traffic of UID 1337, so the proxy's
own connections are not redirected back to itself. An application running as 1337 bypasses the
proxy: its outbound traffic gets no mTLS, routing or policy, and inbound rules can be skipped. Pods
and Deployments of the control plane (labelled \`istio\` or \`release: istio\`) and Istio's own
containers are not reported.

## Example
\`\`\`yaml
spec:
  securityContext:
    runAsUser: 1337      # choose another UID
\`\`\``,
  },
  (ctx) => {
    const pod = podShape(ctx.resource);
    if (!pod || isIstioControlPlane(ctx.resource)) return;
    const places: { path: FieldPath; what: string }[] = [];
    if (runsAsProxy(pod.spec.securityContext)) places.push({ path: [...pod.path, 'spec', 'securityContext', 'runAsUser'], what: 'the pod security context' });
    const containers: Container[] = [...containersOf(pod), ...containersOf(pod, 'initContainers')];
    for (const c of containers) {
      if (!ISTIO_CONTAINERS.has(c.name) && runsAsProxy(c.value.securityContext)) places.push({ path: [...c.path, 'securityContext', 'runAsUser'], what: `container '${c.name}'` });
    }
    if (!places.length) return;
    // One finding per object, as istioctl reports it once; the other places are related information.
    const [first, ...others] = places;
    ctx.report({
      path: first.path,
      message: `${ctx.resource.kind} '${ctx.resource.name}' sets runAsUser: ${PROXY_UID} in ${places.map((p) => p.what).join(' and ')}: Istio reserves UID ${PROXY_UID} for the sidecar, so this traffic bypasses the proxy; use another UID`,
      related: others.map((p) => ({ resource: ctx.resource, path: p.path, message: `${p.what} also sets runAsUser: ${PROXY_UID}` })),
    });
  },
);
