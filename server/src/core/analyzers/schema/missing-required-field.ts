// A field the schema requires is absent.
import { defineAnalyzer } from '../framework';

export const missingRequiredField = defineAnalyzer(
  {
    code: 'IY004',
    name: 'missing-required-field',
    severity: 'error',
    category: 'schema',
    inputs: ['*'],
    summary: 'A field that the Istio schema requires is missing.',
    istioctl: 'IST0106',
    docs: `## Why
The API server rejects a resource without its required fields.

## Example
\`\`\`yaml
kind: ServiceEntry
spec:
  ports: [{ number: 443, name: https, protocol: TLS }]   # 'hosts' is required
\`\`\`

## Fix
Add the field; completion inside the object offers required fields first, as snippets.`,
  },
  (ctx) => {
    for (const problem of ctx.schemaProblems()) {
      if (problem.category === 'missing-field') ctx.report({ path: problem.path, target: problem.target, message: problem.message });
    }
  },
);
