// Subset names must be unique DNS labels.
import { isDns1123Label } from '../../istio/validation/dns';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidSubset = defineAnalyzer(
  {
    code: 'IY202',
    name: 'invalid-subset',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule'],
    summary: 'A subset name is empty, not a DNS label, or used twice in the same DestinationRule.',
    istioctl: 'IST0106',
    docs: `## Why
Subset names become part of Envoy cluster names (\`outbound|80|v1|reviews...\`) and are referenced by VirtualService destinations, so each must be a unique DNS label: letters, digits and \`-\`, at most 63 characters.

## Example
\`\`\`yaml
subsets:
- name: v1.0        # '.' is not allowed
  labels: {version: v1.0}
- name: v2
  labels: {version: v2}
- name: v2          # defined twice
  labels: {version: v2-canary}
\`\`\`

## Fix
Use names such as \`v1-0\`, and give each subset its own name.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const seen = new Set<string>();
    list(spec.subsets).forEach((item, i) => {
      const name = obj(item)?.name;
      if (typeof name !== 'string') return;
      const path = ['spec', 'subsets', i, 'name'];
      if (seen.has(name)) ctx.report({ path, message: `subset '${name}' is defined twice` });
      seen.add(name);
      if (name === '') ctx.report({ path, message: 'the subset name must not be empty' });
      else if (!isDns1123Label(name)) ctx.report({ path, message: `subset name '${name}' is not a DNS label: use letters, digits and '-', at most 63 characters` });
    });
  },
);
