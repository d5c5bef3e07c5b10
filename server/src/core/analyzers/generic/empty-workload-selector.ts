// A workload selector without labels selects every workload in the namespace, which is rarely meant.
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

// Kinds whose selector is `selector.matchLabels` or `workloadSelector.matchLabels` / `.labels`.
const SELECTORS: Readonly<Record<string, readonly [string, string]>> = {
  AuthorizationPolicy: ['selector', 'matchLabels'],
  RequestAuthentication: ['selector', 'matchLabels'],
  PeerAuthentication: ['selector', 'matchLabels'],
  Telemetry: ['selector', 'matchLabels'],
  WasmPlugin: ['selector', 'matchLabels'],
  TrafficExtension: ['selector', 'matchLabels'],
  ProxyConfig: ['selector', 'matchLabels'],
  DestinationRule: ['workloadSelector', 'matchLabels'],
  Sidecar: ['workloadSelector', 'labels'],
  ServiceEntry: ['workloadSelector', 'labels'],
};

export const emptyWorkloadSelector = defineAnalyzer(
  {
    code: 'IY015',
    name: 'empty-workload-selector',
    severity: 'warning',
    category: 'admission',
    inputs: Object.keys(SELECTORS).sort(),
    summary: 'A workload selector has no labels, so it applies to every workload in the namespace.',
    istioctl: 'IST0133',
    docs: `## Why
A selector with no labels matches everything in the namespace.
istiod accepts it for compatibility but warns, because an empty selector is usually a mistake: the labels were forgotten or written at the wrong level.

## Example
\`\`\`yaml
kind: AuthorizationPolicy
spec:
  selector: {}          # applies to every workload in the namespace
  action: DENY
  rules: [{}]
\`\`\`

## Fix
Add the labels of the intended workloads, or remove the selector to make the namespace-wide scope explicit.`,
  },
  (ctx) => {
    const fields = SELECTORS[ctx.resource.kind];
    const spec = obj(ctx.resource.value.spec);
    if (!fields || !spec) return;
    const [selectorKey, labelsKey] = fields;
    const selector = spec[selectorKey];
    if (selector === undefined || selector === null) return;
    const s = obj(selector);
    if (!s) return;
    const labels = s[labelsKey];
    if (labels !== undefined && labels !== null && (!obj(labels) || Object.keys(obj(labels)!).length > 0)) return;
    ctx.report({ path: ['spec', selectorKey], target: 'key', message: `the ${selectorKey} has no ${labelsKey}, so it applies to every workload in namespace '${ctx.resource.namespace}'` });
  },
);
