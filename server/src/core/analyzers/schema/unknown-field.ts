// A field that the kind's schema does not define; usually a typo that Kubernetes would reject.
import { defineAnalyzer } from '../framework';

export const unknownField = defineAnalyzer(
  {
    code: 'IY002',
    name: 'unknown-field',
    severity: 'error',
    category: 'schema',
    inputs: ['*'],
    summary: 'A field that the Istio schema of this kind does not define.',
    istioctl: 'IST0106',
    fix: 'safe',
    docs: `## Why
The Kubernetes API server rejects unknown fields (\`kubectl apply\` validates strictly by default), or silently drops them with \`--validate=false\`.
Either way the setting you meant does not take effect: a misspelled \`subsets\` in a route destination routes to every pod instead of one version.

## Example
\`\`\`yaml
route:
- destination:
    host: reviews
    subsets: v2   # the field is 'subset'
\`\`\`

## Fix
Rename the field to the one the schema defines; the quick fix offers the closest name.`,
  },
  (ctx) => {
    for (const problem of ctx.schemaProblems()) {
      if (problem.category !== 'unknown-field') continue;
      const [start, end] = ctx.rangeOf(problem.path, 'key');
      const fixes = problem.suggestion
        ? [{ title: `Rename to '${problem.suggestion}'`, edits: [{ start, end, newText: problem.suggestion }], preferred: true }]
        : undefined;
      ctx.report({ path: problem.path, target: 'key', message: problem.message, fixes });
    }
  },
);
