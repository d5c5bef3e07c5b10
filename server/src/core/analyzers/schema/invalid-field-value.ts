// A value of the wrong type, outside an enum or a range, or breaking a pattern of the schema.
import { defineAnalyzer } from '../framework';

export const invalidFieldValue = defineAnalyzer(
  {
    code: 'IY003',
    name: 'invalid-field-value',
    severity: 'error',
    category: 'schema',
    inputs: ['*'],
    summary: 'A value of the wrong type, not among the allowed values, or out of range.',
    istioctl: 'IST0106',
    fix: 'safe',
    docs: `## Why
The API server rejects the resource, so none of it is applied.

## Example
\`\`\`yaml
kind: PeerAuthentication
spec:
  mtls:
    mode: strict   # must be STRICT
\`\`\`

## Fix
Use a value the schema allows; for enum values the quick fix offers the closest allowed value.`,
  },
  (ctx) => {
    for (const problem of ctx.schemaProblems()) {
      if (problem.category !== 'invalid-value') continue;
      let fixes;
      if (problem.suggestion) {
        const [start, end] = ctx.rangeOf(problem.path, 'value');
        fixes = [{ title: `Change to '${problem.suggestion}'`, edits: [{ start, end, newText: problem.suggestion }], preferred: true }];
      }
      ctx.report({ path: problem.path, target: problem.target, message: problem.message, fixes });
    }
  },
);
