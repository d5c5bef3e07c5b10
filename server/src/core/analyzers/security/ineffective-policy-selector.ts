// A workload policy whose selector matches the pods of a Gateway API gateway: selectors have no effect
// on those; the policy must attach with targetRef.
import { GATEWAY_API_GATEWAY } from '../../index/kind-key';
import { labelsMatch, type Labels, stringMap } from '../../index/workloads';
import { isObject, type Resource } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { indentAt } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix, type RelatedReport, type WorkspaceContext } from '../framework';
import { hasTargetRef } from '../telemetry/unmatched-telemetry-selector';

const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';

interface GatewayPods {
  readonly gateway: string;
  readonly related: RelatedReport;
}

/**
 * The labels Istio puts on the pods it deploys for a Gateway API Gateway: the gateway name, plus
 * `spec.infrastructure.labels`. Repositories hold the Gateway, not its generated Deployment.
 */
function deployedLabels(gateway: Resource): Labels {
  const spec = isObject(gateway.value.spec) ? gateway.value.spec : {};
  const infrastructure = isObject(spec.infrastructure) ? spec.infrastructure : {};
  return { ...stringMap(infrastructure.labels), [GATEWAY_NAME]: gateway.name };
}

function isIstioGatewayClass(gateway: Resource): boolean {
  const spec = isObject(gateway.value.spec) ? gateway.value.spec : {};
  return typeof spec.gatewayClassName === 'string' && spec.gatewayClassName.startsWith('istio');
}

/** Gateway API gateway pods of the policy's namespace that the selector matches, one entry per gateway. */
function matchedGateways(ctx: WorkspaceContext, selector: Labels): GatewayPods[] {
  const out = new Map<string, GatewayPods>();
  for (const w of ctx.index.workloadsWith(selector)) {
    const name = w.labels[GATEWAY_NAME];
    if (name === undefined || w.namespace !== ctx.resource.namespace || out.has(name)) continue;
    out.set(name, { gateway: name, related: { resource: w.resource, path: [...w.labelsPath, GATEWAY_NAME], message: `pods of Gateway API gateway '${name}'` } });
  }
  // Pods Istio will deploy for the Gateways of the workspace; an empty selector is not a deliberate choice of them.
  if (Object.keys(selector).length) {
    for (const gateway of ctx.index.inNamespace(GATEWAY_API_GATEWAY, ctx.resource.namespace)) {
      if (out.has(gateway.name) || !isIstioGatewayClass(gateway) || !labelsMatch(selector, deployedLabels(gateway))) continue;
      out.set(gateway.name, { gateway: gateway.name, related: { resource: gateway, path: ['metadata', 'name'], message: 'Istio deploys this gateway with matching labels' } });
    }
  }
  return [...out.values()];
}

/** Replaces `selector: {matchLabels: {gateway-name: X}}` with a targetRef to Gateway X. */
function targetRefFix(ctx: WorkspaceContext, selectorNode: Record<string, unknown>, selector: Labels): FindingFix | undefined {
  const keys = Object.keys(selector);
  if (keys.length !== 1 || keys[0] !== GATEWAY_NAME || Object.keys(selectorNode).length !== 1) return undefined;
  const path: FieldPath = ['spec', 'selector'];
  const [start] = ctx.rangeOf(path, 'key');
  const [, end] = ctx.rangeOf(path, 'entry');
  const text = ctx.text;
  if (text[ctx.rangeOf(path, 'value')[0]] === '{') return undefined;
  const indent = ' '.repeat(indentAt(text, start) + 2);
  // The entry's range may end with the line break after the last label; keep the text after it intact.
  const trailing = /\s*$/.exec(text.slice(start, end))?.[0] ?? '';
  const block = `targetRef:\n${indent}group: gateway.networking.k8s.io\n${indent}kind: Gateway\n${indent}name: ${selector[GATEWAY_NAME]}`;
  return { title: `Attach with targetRef to Gateway '${selector[GATEWAY_NAME]}'`, edits: [{ start, end, newText: block + trailing }], preferred: true };
}

export const ineffectivePolicySelector = defineWorkspaceAnalyzer(
  {
    code: 'IY938',
    name: 'ineffective-policy-selector',
    severity: 'warning',
    category: 'workspace',
    inputs: ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin'],
    summary: 'A policy selector matches the pods of a Gateway API gateway, where selectors have no effect.',
    istioctl: 'IST0166',
    fix: 'unsafe',
    docs: `## Why
AuthorizationPolicy, RequestAuthentication, Telemetry and WasmPlugin attach to a Gateway API gateway
with \`targetRef\` (or \`targetRefs\`) naming the Gateway; a \`selector\` matching the gateway's pods (labelled
\`gateway.networking.k8s.io/gateway-name\`) has no effect on them. Besides gateway pods in the workspace,
the pods Istio will deploy for a Gateway of an Istio gateway class count (they carry the gateway name
and \`spec.infrastructure.labels\`).

## Example
\`\`\`yaml
kind: AuthorizationPolicy
metadata: {name: gateway-allow, namespace: default}
spec:
  selector:
    matchLabels:
      gateway.networking.k8s.io/gateway-name: bookinfo-gateway   # use targetRef instead
\`\`\`

## Fix
Replace the selector with \`targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: …}\`.`,
  },
  (ctx) => {
    if (hasTargetRef(ctx.resource)) return;
    const spec = isObject(ctx.resource.value.spec) ? ctx.resource.value.spec : {};
    if (!isObject(spec.selector)) return;
    const selector = stringMap(spec.selector.matchLabels);
    const matched = matchedGateways(ctx, selector);
    if (!matched.length) return;
    const fix = targetRefFix(ctx, spec.selector, selector);
    const names = matched.map((m) => `'${m.gateway}'`).join(', ');
    ctx.report({
      path: isObject(spec.selector.matchLabels) ? ['spec', 'selector', 'matchLabels'] : ['spec', 'selector'],
      message: `the selector matches the pods of Gateway API gateway${matched.length > 1 ? 's' : ''} ${names}, where a selector has no effect: attach the policy with targetRef instead`,
      related: matched.map((m) => m.related),
      fixes: fix && [fix],
    });
  },
);
