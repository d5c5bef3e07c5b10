// `exportTo` lists istiod rejects: duplicates, `*` or `~` mixed with other entries, names that are
// not namespaces, and exports beyond the own namespace for DestinationRules with a workloadSelector.
import { isDns1123Label } from '../../istio/validation/dns';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidExportTo = defineAnalyzer(
  {
    code: 'IY012',
    name: 'invalid-export-to',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule', 'ServiceEntry', 'VirtualService'],
    summary: '`exportTo` has duplicates, mixes `*` or `~` with other entries, or names something that is not a namespace.',
    istioctl: 'IST0106',
    docs: `## Why
\`exportTo\` lists the namespaces that see the resource: \`.\` (its own namespace), \`*\` (all namespaces) or namespace names.
\`*\` must be the only entry, entries may not repeat (\`.\` counts as the own namespace), and \`~\` (no namespace) is only allowed on ServiceEntries, alone.
A DestinationRule with a \`workloadSelector\` may only be exported to its own namespace.

## Example
\`\`\`yaml
kind: DestinationRule
metadata: {namespace: shop}
spec:
  exportTo: [".", shop, "*"]   # '.' is shop, and '*' must be alone
\`\`\`

## Fix
Use \`["*"]\`, \`["."]\` or a list of distinct namespace names.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const entries = list(spec.exportTo);
    if (entries.length === 0) return;
    const namespace = ctx.resource.namespace;
    const isServiceEntry = ctx.resource.kind === 'ServiceEntry';
    const seen = new Map<string, string>();
    entries.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      const path = ['spec', 'exportTo', i];
      const key = entry === '.' ? namespace : entry;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        const viaDot = earlier !== entry;
        ctx.report({ path, message: viaDot ? `'.' and '${namespace}' are the same namespace; list it once` : `'${entry}' is listed twice` });
        return;
      }
      if (key === '~' && !isServiceEntry) {
        ctx.report({ path, message: "exportTo '~' (no namespace) is only allowed on ServiceEntries" });
        return;
      }
      if (key !== '*' && key !== '~' && key !== '.' && !isDns1123Label(key)) {
        ctx.report({ path, message: `'${entry}' is not '.', '*' or a namespace name` });
        return;
      }
      seen.set(key, entry);
    });
    if (ctx.resource.kind === 'DestinationRule' && spec.workloadSelector != null && seen.size > 0) {
      if (!seen.has(namespace)) {
        ctx.report({ path: ['spec', 'exportTo'], target: 'key', message: `a DestinationRule with a workloadSelector can only be exported to its own namespace ('.')` });
      } else if (seen.size > 1) {
        ctx.report({ path: ['spec', 'exportTo'], target: 'key', message: `a DestinationRule with a workloadSelector can only be exported to its own namespace; remove the other entries` });
      }
    }
    if (seen.has('*') && entries.length > 1) {
      ctx.report({ path: ['spec', 'exportTo'], target: 'key', message: "'*' already exports to every namespace; it must be the only entry" });
    }
    if (seen.has('~') && entries.length > 1) {
      ctx.report({ path: ['spec', 'exportTo'], target: 'key', message: "'~' exports to no namespace; it must be the only entry" });
    }
  },
);
