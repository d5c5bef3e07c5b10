// More than one Sidecar without workloadSelector in a namespace: only one of them is the default.
import { type Resource, resourceLabel } from '../../model/resource';
import { defineWorkspaceAnalyzer, type WorkspaceContext } from '../framework';
import { namespaceInAmbient, namespaceObject } from './ineffective-sidecar-in-ambient';
import { sidecarSelector } from './unmatched-sidecar-selector';

/**
 * Reports the other namespace-wide policies of the subject's kind in its namespace. Shared by Sidecar
 * and Telemetry, whose namespace-wide defaults cannot be combined.
 */
export function reportOtherDefaults(ctx: WorkspaceContext, kind: string, isDefault: (r: Resource) => boolean, consequence: string): void {
  const others = ctx.index.inNamespace(kind, ctx.resource.namespace).filter((r) => r.name !== ctx.resource.name && isDefault(r));
  if (!others.length) return;
  const ns = ctx.resource.namespace;
  ctx.report({
    path: ['metadata', 'name'],
    message: `namespace '${ns}' has ${others.length + 1} ${kind === 'Telemetry' ? 'Telemetries' : `${kind}s`} that apply to the whole namespace (also ${others.map(resourceLabel).join(', ')}): ${consequence}`,
    related: others.map((r) => ({ resource: r, path: ['metadata', 'name'], message: `another namespace-wide ${kind}` })),
  });
}

export const multipleDefaultSidecars = defineWorkspaceAnalyzer(
  {
    code: 'IY928',
    name: 'multiple-default-sidecars',
    severity: 'error',
    category: 'workspace',
    inputs: ['Sidecar'],
    summary: 'More than one Sidecar without workloadSelector in a namespace.',
    istioctl: 'IST0111',
    docs: `## Why
A Sidecar without \`workloadSelector\` (or with empty labels) is the default for every workload of its
namespace that no other Sidecar selects. A namespace can have only one default: with several, istiod
uses the oldest and ignores the rest, so which egress and ingress settings apply depends on creation
order. Merge them, or give all but one a workload selector. (In an ambient namespace the Sidecars have
no effect at all; IY929 reports that instead.)

## Example
\`\`\`yaml
kind: Sidecar
metadata: {name: egress-a, namespace: shop}
spec:
  egress: [{hosts: ["./*"]}]
---
kind: Sidecar
metadata: {name: egress-b, namespace: shop}    # a second default for namespace shop
spec:
  egress: [{hosts: ["istio-system/*"]}]
\`\`\``,
  },
  (ctx) => {
    if (!isNamespaceDefault(ctx.resource)) return;
    if (namespaceInAmbient(namespaceObject(ctx.index, ctx.resource.namespace))) return;
    reportOtherDefaults(ctx, 'Sidecar', isNamespaceDefault, 'istiod applies only one of them (the oldest) and ignores the others');
  },
);

function isNamespaceDefault(sidecar: Resource): boolean {
  return !Object.keys(sidecarSelector(sidecar)).length;
}
