// A gateway VirtualService that routes on JWT claims while no RequestAuthentication applies to the
// gateway's workloads: no token is validated, so the claims are never set and the matches never hit.
import { isJwtClaimRoutingKey } from '../../istio/validation/headers';
import { forEachMatchHeader } from '../../istio/validation/virtual-service';
import { findGateway, MESH_GATEWAY, parseGatewayName } from '../../index/resolve-gateway';
import { labelsMatch, stringMap, type Workload } from '../../index/workloads';
import { isObject, type Resource } from '../../model/resource';
import { defineWorkspaceAnalyzer } from '../framework';
import { listText, qualifiedName, specOf } from '../routing';

const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/** Whether a RequestAuthentication applies to a workload (selector, namespace-wide, or targetRef to its Gateway). */
function appliesTo(policy: Resource, workload: Workload, rootNamespace: string): boolean {
  if (policy.namespace !== workload.namespace && policy.namespace !== rootNamespace) return false;
  const spec = specOf(policy);
  const refs = [spec.targetRef, ...(Array.isArray(spec.targetRefs) ? spec.targetRefs : [])].filter(isObject);
  if (refs.length) {
    // A targetRef names a Gateway API Gateway; its pods carry the gateway-name label.
    return policy.namespace === workload.namespace && refs.some((r) => r.kind === 'Gateway' && typeof r.name === 'string' && workload.labels[GATEWAY_NAME_LABEL] === r.name);
  }
  const selector = isObject(spec.selector) ? stringMap(spec.selector.matchLabels) : {};
  return labelsMatch(selector, workload.labels);
}

function workloadLabel(w: Workload): string {
  return `${w.resource.kind} ${qualifiedName(w.resource)}`;
}

export const jwtClaimRouteWithoutRequestAuthentication = defineWorkspaceAnalyzer(
  {
    code: 'IY916',
    name: 'jwt-claim-route-without-request-authentication',
    severity: 'error',
    category: 'workspace',
    inputs: ['VirtualService'],
    summary: 'A VirtualService routes on JWT claims through a gateway whose workloads no RequestAuthentication applies to.',
    istioctl: 'IST0149',
    docs: `## Why
Matches on \`@request.auth.claims.<claim>\` read the claims of a JWT the gateway has validated, which it
does only when a RequestAuthentication applies to the gateway's workload: one in the root namespace
(mesh-wide) or in the workload's namespace, whose \`selector\` matches the workload's labels (or that has
no selector). Without one, the claims are never set: \`headers\` claim matches never match and
\`withoutHeaders\` claim matches always do. Checked for each Istio Gateway the VirtualService is bound
to, against the workloads its \`selector\` selects in the workspace (in any namespace, as istioctl does,
IST0149).

When the workspace holds no RequestAuthentication at all, the finding is information (setting
\`istioYaml.references.incompleteWorkspace\`); when it holds no workload of the gateway, there is nothing
to check.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/public]     # no RequestAuthentication selects the ingress gateway pods
  http:
  - match:
    - headers:
        "@request.auth.claims.group": {exact: admin}
\`\`\``,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    const claims: string[] = [];
    forEachMatchHeader(spec, (name) => {
      if (isJwtClaimRoutingKey(name) && !claims.includes(name)) claims.push(name);
    });
    if (!claims.length || !Array.isArray(spec.gateways)) return;
    const policies = ctx.index.all('RequestAuthentication');
    const root = ctx.index.mesh.rootNamespace;
    spec.gateways.forEach((value, i) => {
      if (typeof value !== 'string' || value === MESH_GATEWAY) return;
      const gateway = findGateway(ctx.index, parseGatewayName(value, ctx.resource.namespace));
      if (!gateway || !gateway.istioKind) return;
      const selector = isObject(specOf(gateway).selector) ? stringMap(specOf(gateway).selector) : {};
      if (!Object.keys(selector).length) return;
      const uncovered = ctx.index.workloadsWith(selector).filter((w) => !policies.some((p) => appliesTo(p, w, root)));
      if (!uncovered.length) return;
      const message = `routes on JWT claim${claims.length > 1 ? 's' : ''} ${listText(claims.map((c) => `'${c}'`), 3)} through gateway '${value}', but no RequestAuthentication applies to its workload${uncovered.length > 1 ? 's' : ''} ${listText(uncovered.map(workloadLabel), 3)}: the claims are never set, so these matches never succeed`;
      const related = uncovered.slice(0, 5).map((w) => ({ resource: w.resource, path: w.labelsPath, message: `gateway workload ${workloadLabel(w)}` }));
      if (policies.length) ctx.report({ path: ['spec', 'gateways', i], message, related });
      else if (ctx.options.unresolvedInIncompleteWorkspace !== 'off') {
        ctx.report({ path: ['spec', 'gateways', i], message: `${message} (the workspace holds no RequestAuthentications, so one may be defined elsewhere)`, severity: 'information', related });
      }
    });
  },
);
