// Label maps (route source labels, subset labels, endpoint labels) with keys or values that are not
// valid Kubernetes labels.
import { labelKeyProblem, labelValueProblem } from '../../istio/validation/labels';
import { list, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

function checkLabels(ctx: ResourceContext, value: unknown, path: PathSegment[]): void {
  const labels = obj(value);
  if (!labels) return;
  for (const key of Object.keys(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) ctx.report({ path: [...path, key], target: 'key', message: keyProblem });
    const v = labels[key];
    if (typeof v === 'string') {
      const valueProblem = labelValueProblem(v);
      if (valueProblem) ctx.report({ path: [...path, key], message: valueProblem });
    }
  }
}

/** Label maps each kind has, as functions from the spec to [value, path] pairs. */
function labelMaps(kind: string, spec: Record<string, unknown>): [unknown, PathSegment[]][] {
  const out: [unknown, PathSegment[]][] = [];
  switch (kind) {
    case 'VirtualService':
      for (const section of ['http', 'tcp', 'tls'] as const) {
        list(spec[section]).forEach((route, r) => {
          list(obj(route)?.match).forEach((m, j) => out.push([obj(m)?.sourceLabels, ['spec', section, r, 'match', j, 'sourceLabels']]));
        });
      }
      break;
    case 'DestinationRule':
      list(spec.subsets).forEach((s, i) => out.push([obj(s)?.labels, ['spec', 'subsets', i, 'labels']]));
      break;
    case 'ServiceEntry':
      list(spec.endpoints).forEach((e, i) => out.push([obj(e)?.labels, ['spec', 'endpoints', i, 'labels']]));
      break;
    case 'WorkloadEntry':
      out.push([spec.labels, ['spec', 'labels']]);
      break;
    case 'WorkloadGroup':
      out.push([obj(spec.metadata)?.labels, ['spec', 'metadata', 'labels']]);
      break;
  }
  return out;
}

export const invalidLabel = defineAnalyzer(
  {
    code: 'IY014',
    name: 'invalid-label',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule', 'ServiceEntry', 'VirtualService', 'WorkloadEntry', 'WorkloadGroup'],
    summary: 'A label key or value is not a valid Kubernetes label.',
    istioctl: 'IST0106',
    docs: `## Why
Istio selects workloads by their Kubernetes labels, so label maps in subsets, route \`sourceLabels\`, endpoints and workload entries must be valid labels: a key is an optional DNS prefix and \`/\` plus a name of at most 63 letters, digits, \`-\`, \`_\` and \`.\` starting and ending with a letter or digit; a value is empty or follows the same rule for names.

## Example
\`\`\`yaml
subsets:
- name: v1
  labels:
    "app version": v1     # space in the key
    track: "canary!"      # '!' in the value
\`\`\`

## Fix
Use the labels exactly as they appear on the pods (\`kubectl get pods --show-labels\`).`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const [value, path] of labelMaps(ctx.resource.kind, spec)) checkLabels(ctx, value, path);
  },
);
