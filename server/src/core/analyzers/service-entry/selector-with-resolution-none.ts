// A workloadSelector on a ServiceEntry with resolution NONE has no effect.
import { resolutionOf } from '../../istio/validation/service-entry';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const selectorWithResolutionNone = defineAnalyzer(
  {
    code: 'IY406',
    name: 'selector-with-resolution-none',
    severity: 'warning',
    category: 'admission',
    inputs: ['ServiceEntry'],
    summary: 'A ServiceEntry with resolution NONE (the default) sets a workloadSelector, which it ignores.',
    istioctl: 'IST0133',
    docs: `## Why
With resolution NONE the proxy forwards to the address the client connected to, so the workloads a \`workloadSelector\` picks are never used.
NONE is the default when \`resolution\` is not set.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  hosts: [vm.example.internal]
  workloadSelector:
    labels: {app: vm}
  # resolution not set: NONE
\`\`\`

## Fix
Set \`resolution: STATIC\` to load-balance over the selected workloads.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec || spec.workloadSelector == null || resolutionOf(spec) !== 'NONE') return;
    ctx.report({ path: ['spec', 'workloadSelector'], target: 'key', message: `the workloadSelector has no effect with resolution NONE${spec.resolution === undefined ? ' (the default)' : ''}; use resolution STATIC` });
  },
);
