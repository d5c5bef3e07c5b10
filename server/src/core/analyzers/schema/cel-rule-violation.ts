// A CRD `x-kubernetes-validations` CEL rule that the resource breaks, reported with the rule's message.
import { defineAnalyzer } from '../framework';

export const celRuleViolation = defineAnalyzer(
  {
    code: 'IY005',
    name: 'cel-rule-violation',
    severity: 'error',
    category: 'schema',
    inputs: ['*'],
    summary: "A validation rule of the Istio CRD (x-kubernetes-validations, written in CEL) is broken.",
    istioctl: 'IST0106',
    docs: `## Why
Istio's CRDs carry CEL rules that the API server evaluates on every write; a resource that breaks one is rejected with the rule's message.

## Example
\`\`\`yaml
kind: VirtualService
spec:
  http:
  - timeout: 0.5ms   # "must be a valid duration greater than 1ms"
\`\`\`

## Fix
Change the value so that the rule's message no longer applies.`,
  },
  (ctx) => {
    for (const problem of ctx.schemaProblems()) {
      if (problem.category === 'cel') ctx.report({ path: problem.path, target: problem.target, message: problem.message });
    }
  },
);
