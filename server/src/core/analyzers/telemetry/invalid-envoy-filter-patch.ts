// EnvoyFilter config patches istiod rejects: missing applyTo, patch, operation or value, proxy
// version regexes that do not compile, and matches that do not fit the patched object.
import { envoyFilterFindings } from '../../istio/validation/envoy-filter';
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidEnvoyFilterPatch = defineAnalyzer(
  {
    code: 'IY605',
    name: 'invalid-envoy-filter-patch',
    severity: 'error',
    category: 'admission',
    inputs: ['EnvoyFilter'],
    summary: 'An EnvoyFilter patch lacks applyTo, operation or value, has an invalid proxyVersion regex, or a match that does not fit applyTo.',
    istioctl: 'IST0106',
    docs: `## Why
Each config patch needs \`applyTo\`, a \`patch\` with an \`operation\`, and a \`value\` unless the operation is REMOVE.
\`match.proxy.proxyVersion\` is an RE2 regex.
The match must describe the kind of object being patched: listener, filter chain, network and HTTP filters take a \`listener\` match; route configurations, virtual hosts and routes a \`routeConfiguration\` match; clusters a \`cluster\` match.
A filter match needs the filter \`name\`, and a \`subFilter\` match only works for HTTP_FILTER inside the HTTP connection manager.

## Example
\`\`\`yaml
configPatches:
- applyTo: HTTP_FILTER
  match:
    cluster: {service: reviews.default.svc.cluster.local}   # HTTP filters need a listener match
  patch:
    operation: INSERT_BEFORE                                  # and a value
\`\`\`

## Fix
Use the match type that fits \`applyTo\`, and complete the patch.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const f of envoyFilterFindings(spec)) if (f.level === 'error') ctx.report({ path: f.path, target: f.target, message: f.message });
  },
);
