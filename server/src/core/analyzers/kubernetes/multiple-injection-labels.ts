// A namespace labelled for more than one data plane mode or control plane.
import { DATAPLANE_MODE_LABEL, INJECTION_LABEL, REVISION_LABEL } from '../../kubernetes/injection';
import { ISTIO_NAMESPACE } from '../../index/mesh-config';
import { isSystemNamespace, labelsOf } from '../../kubernetes/objects';
import { defineWorkspaceAnalyzer } from '../framework';

function why(active: readonly string[]): string {
  const reasons: string[] = [];
  if (active.includes(INJECTION_LABEL) && active.includes(REVISION_LABEL)) reasons.push(`${INJECTION_LABEL} takes precedence over ${REVISION_LABEL}`);
  if (active.includes(DATAPLANE_MODE_LABEL)) reasons.push('sidecar injection does not mix with ambient mode');
  return reasons.join('; ');
}

export const multipleInjectionLabels = defineWorkspaceAnalyzer(
  {
    code: 'IY964',
    name: 'multiple-injection-labels',
    severity: 'warning',
    category: 'kubernetes',
    inputs: ['Namespace'],
    summary: 'A Namespace carries more than one of istio-injection, istio.io/rev and istio.io/dataplane-mode, so which one applies is unclear.',
    istioctl: 'IST0123',
    docs: `## Why
\`istio-injection=enabled\` selects the default control plane's sidecar injector, \`istio.io/rev\` a
revision's, and \`istio.io/dataplane-mode=ambient\` ambient mode instead of sidecars. Together they
contradict each other: \`istio-injection\` takes precedence over \`istio.io/rev\`, and a sidecar-injected
pod in an ambient namespace is not captured by ztunnel, so the result is rarely what was meant.
\`istio-injection=disabled\` next to another label is fine: it states that sidecars are off.

## Example
\`\`\`yaml
kind: Namespace
metadata:
  name: bookinfo
  labels:
    istio-injection: enabled
    istio.io/rev: canary      # keep one of the two
\`\`\``,
  },
  (ctx) => {
    const ns = ctx.resource;
    if (ns.group !== '' || ns.name === ISTIO_NAMESPACE || isSystemNamespace(ns.name)) return;
    const labels = labelsOf(ns);
    const injection = labels[INJECTION_LABEL];
    // istio-injection counts whenever present; the others only while it does not switch injection off.
    const active = [INJECTION_LABEL, REVISION_LABEL, DATAPLANE_MODE_LABEL].filter((l) => l in labels && (l === INJECTION_LABEL || injection === undefined || injection === 'enabled'));
    if (active.length < 2) return;
    ctx.report({
      path: ['metadata', 'labels', active[active.length - 1]],
      target: 'key',
      message: `Namespace '${ns.name}' has ${active.map((l) => `${l}=${labels[l]}`).join(' and ')}: keep one (${why(active)})`,
    });
  },
);
