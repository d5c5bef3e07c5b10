// More than one namespace-wide Telemetry in a namespace: only one of them applies.
import type { Resource } from '../../model/resource';
import { defineWorkspaceAnalyzer } from '../framework';
import { reportOtherDefaults } from '../sidecar/multiple-default-sidecars';
import { hasTargetRef, telemetrySelector } from './unmatched-telemetry-selector';

/** Namespace-wide, as istiod decides it: no selector labels and no policy target. */
function isNamespaceDefault(telemetry: Resource): boolean {
  return !Object.keys(telemetrySelector(telemetry)).length && !hasTargetRef(telemetry);
}

export const multipleDefaultTelemetries = defineWorkspaceAnalyzer(
  {
    code: 'IY932',
    name: 'multiple-default-telemetries',
    severity: 'error',
    category: 'workspace',
    inputs: ['Telemetry'],
    summary: 'More than one Telemetry without selector or targetRef in a namespace.',
    istioctl: 'IST0160',
    docs: `## Why
A Telemetry without \`selector\` labels and without \`targetRef(s)\` is the default of its namespace (of
the mesh, in the root namespace). istiod takes the first such Telemetry and ignores the others, so
their metrics, tracing or access-log settings silently do not apply. Merge them into one.

istioctl analyze also counts Telemetries that use \`targetRef\`; they do not compete for the namespace
default in istiod, so they are not reported here.

## Example
\`\`\`yaml
kind: Telemetry
metadata: {name: metrics, namespace: shop}
spec:
  metrics: [{providers: [{name: prometheus}]}]
---
kind: Telemetry
metadata: {name: logs, namespace: shop}          # a second default for namespace shop
spec:
  accessLogging: [{providers: [{name: envoy}]}]
\`\`\``,
  },
  (ctx) => {
    if (!isNamespaceDefault(ctx.resource)) return;
    reportOtherDefaults(ctx, 'Telemetry', isNamespaceDefault, 'istiod applies only one of them and ignores the others');
  },
);
