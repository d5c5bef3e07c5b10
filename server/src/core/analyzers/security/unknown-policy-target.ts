// A policy `targetRef` naming an object that does not exist: the policy attaches to nothing.
import { GATEWAY_API_GATEWAY } from '../../index/kind-key';
import { GATEWAY_CLASS, targetRefKind } from '../../index/resolve-workload';
import { valueAt } from '../../index/field-paths';
import { isObject } from '../../model/resource';
import { closestMatch } from '../../text/suggest';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';
import { reportByDecidability } from '../gateway/unmatched-gateway-selector';
import { unresolvedSites } from '../reference-findings';

const KIND_NAMES: Record<string, { one: string; many: string }> = {
  Service: { one: 'Service', many: 'Services' },
  ServiceEntry: { one: 'ServiceEntry', many: 'ServiceEntries' },
  [GATEWAY_API_GATEWAY]: { one: 'Gateway', many: 'Gateway API Gateways' },
  [GATEWAY_CLASS]: { one: 'GatewayClass', many: 'GatewayClasses' },
};

export const unknownPolicyTarget = defineWorkspaceAnalyzer(
  {
    code: 'IY940',
    name: 'unknown-policy-target',
    severity: 'error',
    category: 'reference',
    inputs: ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin', 'EnvoyFilter'],
    summary: 'A policy `targetRef` names a Service, ServiceEntry, Gateway or GatewayClass that does not exist.',
    fix: 'unsafe',
    docs: `## Why
A policy with \`targetRef\` or \`targetRefs\` applies only to the objects it names (in the policy's
namespace unless \`namespace\` is given). A name that matches nothing attaches the policy to nothing,
silently: an AuthorizationPolicy meant to protect a gateway does not. Istio's own GatewayClasses
(\`istio\`, \`istio-waypoint\`, \`istio-remote\`, \`istio-east-west\`) always exist. When the workspace holds
no object of the target kind, the finding is information. Invalid kinds are IY501's.
istioctl analyze does not check policy targets.

## Example
\`\`\`yaml
kind: AuthorizationPolicy
metadata: {name: allow-get, namespace: default}
spec:
  targetRef:
    group: gateway.networking.k8s.io
    kind: Gateway
    name: bookinfo-gatway      # the Gateway is bookinfo-gateway
\`\`\`

## Fix
Change the name to the closest object of that kind in the target namespace.`,
  },
  (ctx) => {
    for (const unresolved of unresolvedSites(ctx, ['target-ref'])) {
      const { site } = unresolved;
      const ref = valueAt(ctx.resource.value, site.path.slice(0, -1));
      const kind = targetRefKind(ref);
      if (!kind || !isObject(ref) || !(kind in KIND_NAMES)) continue;
      const namespace = typeof ref.namespace === 'string' && ref.namespace ? ref.namespace : ctx.resource.namespace;
      const candidates = (kind === GATEWAY_CLASS ? ctx.index.all(kind) : ctx.index.inNamespace(kind, namespace)).map((r) => r.name);
      const fixes: FindingFix[] = [];
      const closest = closestMatch(site.value, candidates);
      if (closest) fixes.push({ title: `Change to '${closest}'`, edits: [replaceValue(ctx, site.path, closest)], preferred: true });
      const where = kind === GATEWAY_CLASS ? '' : ` in namespace '${namespace}'`;
      const names = KIND_NAMES[kind];
      reportByDecidability(ctx, site.path, `${names.one} '${site.value}' not found${where}: the policy attaches to nothing`, unresolved.resolution.decidable, `the workspace holds no ${names.many}, so it may be defined elsewhere`, fixes);
    }
  },
);
