// A Telemetry tracing provider that is a Lightstep extension provider: the Lightstep provider is
// deprecated in favour of OpenTelemetry.
import { isObject } from '../../model/resource';
import { replaceValue } from '../fix-edits';
import { defineWorkspaceAnalyzer, type FindingFix } from '../framework';

export const lightstepTracingProvider = defineWorkspaceAnalyzer(
  {
    code: 'IY934',
    name: 'lightstep-tracing-provider',
    severity: 'warning',
    category: 'deprecation',
    inputs: ['Telemetry'],
    summary: 'A Telemetry tracing provider is a deprecated Lightstep extension provider.',
    istioctl: 'IST0002',
    fix: 'unsafe',
    docs: `## Why
MeshConfig's \`lightstep\` extension provider is deprecated: Lightstep (ServiceNow Cloud Observability)
accepts OpenTelemetry, and Istio will drop the native Lightstep tracer. Tracing that names such a
provider stops working when it is removed. MeshConfig is read from the \`istio\` ConfigMap in
\`istio-system\`.

## Example
\`\`\`yaml
# MeshConfig
extensionProviders:
- name: lightstep
  lightstep: {service: lightstep.monitoring.svc.cluster.local, port: 443}
---
kind: Telemetry
spec:
  tracing:
  - providers: [{name: lightstep}]    # deprecated provider type
\`\`\`

## Fix
Switch to an \`opentelemetry\` provider of the mesh, when one is defined.`,
  },
  (ctx) => {
    const providers = ctx.index.mesh.extensionProviders;
    const lightstep = new Set(providers.filter((p) => p.type === 'lightstep').map((p) => p.name));
    if (!lightstep.size) return;
    const otel = providers.find((p) => p.type === 'opentelemetry')?.name;
    const spec = isObject(ctx.resource.value.spec) ? ctx.resource.value.spec : {};
    const tracing = Array.isArray(spec.tracing) ? spec.tracing : [];
    tracing.forEach((entry, i) => {
      const list = isObject(entry) && Array.isArray(entry.providers) ? entry.providers : [];
      list.forEach((p, j) => {
        if (!isObject(p) || typeof p.name !== 'string' || !lightstep.has(p.name)) return;
        const path = ['spec', 'tracing', i, 'providers', j, 'name'];
        const fixes: FindingFix[] = otel ? [{ title: `Change to the OpenTelemetry provider '${otel}'`, edits: [replaceValue(ctx, path, otel)], preferred: true }] : [];
        ctx.report({ path, message: `tracing provider '${p.name}' is a Lightstep extension provider, which is deprecated; send traces with an OpenTelemetry provider instead`, fixes });
      });
    });
  },
);
