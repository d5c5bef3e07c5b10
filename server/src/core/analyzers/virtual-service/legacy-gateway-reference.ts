// A gateway referenced in the legacy dotted `name.namespace` form instead of `namespace/name`.
import { gatewayNameFindings } from '../../istio/validation/gateway-names';
import { specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const legacyGatewayReference = defineAnalyzer(
  {
    code: 'IY106',
    name: 'legacy-gateway-reference',
    severity: 'warning',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A gateway is referenced as `name.namespace`, the legacy form; `namespace/name` is preferred.',
    istioctl: 'IST0133',
    fix: 'safe',
    docs: `## Why
Istio still accepts the old dotted form \`public-gw.istio-system\` for a gateway reference, but warns on every apply: the form is ambiguous with host names and is kept only for compatibility.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  gateways:
  - public-gw.istio-system   # prefer istio-system/public-gw
\`\`\`

## Fix
Rewrite the reference as \`<namespace>/<name>\`; the quick fix does this.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const f of gatewayNameFindings(spec)) {
      if (f.level !== 'warning') continue;
      if (!f.replacement) {
        ctx.report({ path: f.path, message: f.message });
        continue;
      }
      const [start, end] = ctx.rangeOf(f.path);
      const fixes = [{ title: `Use '${f.replacement}'`, edits: [{ start, end, newText: f.replacement }], preferred: true }];
      ctx.report({ path: f.path, message: f.message, fixes });
    }
  },
);
