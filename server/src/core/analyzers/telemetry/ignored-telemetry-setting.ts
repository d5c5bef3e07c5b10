// Telemetry settings istiod accepts with a warning: several tracing configs or providers (only one is
// used) and tag overrides without a tag name.
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const ignoredTelemetrySetting = defineAnalyzer(
  {
    code: 'IY602',
    name: 'ignored-telemetry-setting',
    severity: 'warning',
    category: 'admission',
    inputs: ['Telemetry'],
    summary: 'A Telemetry resource lists several tracing configs or tracing providers, or overrides a tag without a name.',
    istioctl: 'IST0133',
    docs: `## Why
Istio supports one tracing configuration with one provider per workload; extra \`tracing\` entries and extra \`providers\` are not supported and may be ignored.
A metric \`tagOverrides\` entry needs the name of the tag it changes.

## Example
\`\`\`yaml
tracing:
- providers:
  - name: zipkin
  - name: otel        # only one provider is supported
\`\`\`

## Fix
Keep one tracing entry with one provider; use separate Telemetry resources per workload selector if needed.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const tracing = list(spec.tracing);
    if (tracing.length > 1) ctx.report({ path: ['spec', 'tracing'], target: 'key', message: `${tracing.length} tracing configurations are listed; only one is supported` });
    tracing.forEach((item, i) => {
      const providers = list(obj(item)?.providers);
      if (providers.length > 1) ctx.report({ path: ['spec', 'tracing', i, 'providers'], target: 'key', message: `${providers.length} tracing providers are listed; only one is supported` });
    });
    list(spec.metrics).forEach((metrics, m) => {
      list(obj(metrics)?.overrides).forEach((override, o) => {
        const tags = obj(obj(override)?.tagOverrides);
        if (tags && '' in tags) ctx.report({ path: ['spec', 'metrics', m, 'overrides', o, 'tagOverrides', ''], target: 'key', message: 'a tag override needs the name of the tag it changes' });
      });
    });
  },
);
