// Policies may only target Services, ServiceEntries, Gateways and GatewayClasses.
import { list, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

const ALLOWED: readonly { group: string; kind: string }[] = [
  { group: 'core', kind: 'Service' },
  { group: 'networking.istio.io', kind: 'ServiceEntry' },
  { group: 'gateway.networking.k8s.io', kind: 'Gateway' },
  { group: 'gateway.networking.k8s.io', kind: 'GatewayClass' },
];

function check(ctx: ResourceContext, value: unknown, path: PathSegment[]): void {
  const ref = obj(value);
  if (!ref || typeof ref.kind !== 'string') return;
  const group = typeof ref.group === 'string' && ref.group !== '' ? ref.group : 'core';
  if (ALLOWED.some((a) => a.group === group && a.kind === ref.kind)) return;
  const sameKind = ALLOWED.find((a) => a.kind === ref.kind);
  const hint = sameKind ? `; ${ref.kind} belongs to group '${sameKind.group === 'core' ? '' : sameKind.group}'` : '';
  ctx.report({
    path: [...path, sameKind ? 'group' : 'kind'],
    target: sameKind && ref.group === undefined ? 'key' : 'value',
    message: `a policy can target a Service, ServiceEntry, Gateway or GatewayClass, not ${group === 'core' ? '' : `${group}/`}${ref.kind}${hint}`,
  });
}

export const invalidTargetRef = defineAnalyzer(
  {
    code: 'IY501',
    name: 'invalid-target-ref',
    severity: 'error',
    category: 'admission',
    inputs: ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'TrafficExtension', 'WasmPlugin'],
    summary: 'A `targetRef(s)` entry names a kind that policies cannot attach to.',
    istioctl: 'IST0106',
    docs: `## Why
Policies attach to a core \`Service\`, a \`ServiceEntry\` (group \`networking.istio.io\`), or a Gateway API \`Gateway\` or \`GatewayClass\` (group \`gateway.networking.k8s.io\`).
Any other kind, or one of these kinds with the wrong group, is rejected.

## Example
\`\`\`yaml
kind: AuthorizationPolicy
spec:
  targetRefs:
  - kind: Deployment        # not a policy target
    name: reviews
  - kind: Gateway           # group gateway.networking.k8s.io is missing
    name: public
\`\`\`

## Fix
Target the Service in front of the workload, or use a \`selector\`; add \`group: gateway.networking.k8s.io\` for Gateways.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    check(ctx, spec.targetRef, ['spec', 'targetRef']);
    list(spec.targetRefs).forEach((ref, i) => check(ctx, ref, ['spec', 'targetRefs', i]));
  },
);
