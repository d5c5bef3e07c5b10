// A status condition istiod (or Istio's Gateway API controller) wrote that says something is wrong.
import { isObject, type JsonObject } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer } from '../framework';

const GATEWAY_API = 'gateway.networking.k8s.io';
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute'];

interface Condition {
  readonly value: JsonObject;
  readonly path: FieldPath;
}

function conditionsAt(value: unknown, path: FieldPath): Condition[] {
  return Array.isArray(value) ? value.flatMap((c, i) => (isObject(c) ? [{ value: c, path: [...path, i] }] : [])) : [];
}

/** Conditions Istio writes and considers negative, by kind. Other controllers' conditions are left alone. */
function negativeConditions(kind: string, group: string, status: JsonObject): Condition[] {
  const isFalse = (c: Condition) => c.value.status === 'False';
  if (group === GATEWAY_API && kind === 'Gateway') {
    return conditionsAt(status.conditions, ['status', 'conditions']).filter((c) => isFalse(c) && (c.value.type === 'Accepted' || c.value.type === 'Programmed'));
  }
  if (group === GATEWAY_API && ROUTE_KINDS.includes(kind)) {
    const parents = Array.isArray(status.parents) ? status.parents : [];
    return parents.flatMap((p, i) => {
      if (!isObject(p)) return [];
      // A parent managed by another controller is not Istio's finding.
      if (typeof p.controllerName === 'string' && !p.controllerName.startsWith('istio.io/')) return [];
      return conditionsAt(p.conditions, ['status', 'parents', i, 'conditions']).filter((c) => isFalse(c) && (c.value.type === 'Accepted' || c.value.type === 'ResolvedRefs'));
    });
  }
  if (kind === 'AuthorizationPolicy') {
    return conditionsAt(status.conditions, ['status', 'conditions']).filter(
      (c) => (c.value.type === 'ZtunnelAccepted' || c.value.type === 'WaypointAccepted' || String(c.value.type).startsWith('istio.io/')) && (isFalse(c) || c.value.reason === 'PartiallyInvalid'),
    );
  }
  // Services and ServiceEntries: the conditions istiod writes are `istio.io/…` (istio.io/WaypointBound).
  return conditionsAt(status.conditions, ['status', 'conditions']).filter((c) => isFalse(c) && String(c.value.type).startsWith('istio.io/'));
}

export const negativeConditionStatus = defineWorkspaceAnalyzer(
  {
    code: 'IY982',
    name: 'negative-condition-status',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Service', 'ServiceEntry', 'AuthorizationPolicy', `Gateway.${GATEWAY_API}`, ...ROUTE_KINDS.map((k) => `${k}.${GATEWAY_API}`)],
    summary: 'A status condition written by Istio reports a problem (not accepted, not bound to its waypoint, partially invalid).',
    istioctl: 'IST0171',
    docs: `## Why
Istio reports problems it found while applying an object in the object's \`status\`: a Service or
ServiceEntry whose \`istio.io/WaypointBound\` condition is \`False\`, an AuthorizationPolicy not accepted
by ztunnel or a waypoint (or accepted with reason \`PartiallyInvalid\`), a Gateway API Gateway not
\`Accepted\`/\`Programmed\`, a route whose parent did not accept it or could not resolve its references.
The status is written by istiod in the cluster; it shows up here when manifests are exported from
a cluster (\`kubectl get -o yaml\`). Conditions of other controllers (Argo CD, other gateways) are
ignored.

## Example
\`\`\`yaml
status:
  conditions:
  - type: istio.io/WaypointBound
    status: "False"
    reason: WaypointIsNotReady
    message: waypoint "default/waypoint" is not ready
\`\`\``,
  },
  (ctx) => {
    const status = ctx.resource.value.status;
    if (!isObject(status)) return;
    for (const c of negativeConditions(ctx.resource.kind, ctx.resource.group, status)) {
      const type = String(c.value.type ?? '');
      const reason = typeof c.value.reason === 'string' && c.value.reason ? ` (${c.value.reason})` : '';
      const detail = typeof c.value.message === 'string' && c.value.message ? `: ${c.value.message}` : '';
      const state = c.value.status === 'False' ? 'is False' : `is ${String(c.value.status)} with reason ${String(c.value.reason)}`;
      ctx.report({ path: [...c.path, 'type'], message: `Condition ${type} ${state}${c.value.status === 'False' ? reason : ''}${detail}` });
    }
  },
);
