// Every EnvoyFilter gets istiod's warning: it patches internal proxy configuration that may change in
// any release.
import { defineAnalyzer } from '../framework';

export const envoyFilterUsage = defineAnalyzer(
  {
    code: 'IY604',
    name: 'envoy-filter-usage',
    severity: 'warning',
    category: 'admission',
    inputs: ['EnvoyFilter'],
    summary: 'EnvoyFilter patches internal proxy configuration that may change at any time.',
    istioctl: 'IST0133',
    docs: `## Why
EnvoyFilter edits the Envoy configuration that istiod generates, which is an implementation detail: names, filter order and structure can change between Istio releases and silently break the patch.
istiod warns on every EnvoyFilter, and \`istioctl analyze\` reports it as IST0133.

## Example
\`\`\`yaml
kind: EnvoyFilter
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    patch: {operation: INSERT_BEFORE, value: {...}}
\`\`\`

## Fix
Prefer a supported API where one exists (Telemetry, WasmPlugin, AuthorizationPolicy, ProxyConfig, DestinationRule), pin EnvoyFilters to proxy versions, and retest them on every upgrade.
Disable this analyzer in the settings if you use EnvoyFilters deliberately.`,
  },
  (ctx) => {
    ctx.report({ path: ['kind'], message: 'EnvoyFilter exposes internal implementation details that may change at any time; prefer other APIs if possible, and retest it on every upgrade' });
  },
);
