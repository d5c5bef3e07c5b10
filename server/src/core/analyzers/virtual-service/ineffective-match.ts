// A match that can never apply because an earlier match catches the same requests (istioctl IST0131).
import { reachabilityFindings } from '../../istio/validation/unreachable-rules';
import { specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const ineffectiveMatch = defineAnalyzer(
  {
    code: 'IY131',
    name: 'ineffective-match',
    severity: 'information',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A match repeats an earlier match, or its URI prefix is covered by an earlier shorter prefix with the same conditions.',
    istioctl: 'IST0131',
    docs: `## Why
The first matching rule wins, so a match identical to an earlier one (ignoring its \`name\`) never applies.
For HTTP, a \`uri.prefix\` match is also shadowed by an earlier, shorter prefix with the same port, method, authority, headers, query parameters and \`withoutHeaders\` (a missing method counts as GET, as in istioctl); regex and exact URIs are not compared.

## Example
\`\`\`yaml
http:
- match: [{uri: {prefix: /api/v1/product}}]
  route: [{destination: {host: catalog}}]
- match: [{uri: {prefix: /api/v1/products}}]   # already caught by /api/v1/product
  route: [{destination: {host: products}}]
\`\`\`

## Fix
Order rules from the most specific to the least specific match, and drop repeated matches.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const f of reachabilityFindings(spec)) if (f.kind === 'ineffective') ctx.report({ path: f.path, message: f.message, tags: ['unnecessary'] });
  },
);
