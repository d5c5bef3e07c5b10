// Header names in `headers` and `withoutHeaders` matches must be HTTP tokens, pseudo headers or JWT
// claim keys. (A header match without a value is a schema error, reported by IY003.)
import { matchHeaderNameProblem } from '../../istio/validation/headers';
import { forEachMatchHeader, specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const invalidMatchHeader = defineAnalyzer(
  {
    code: 'IY111',
    name: 'invalid-match-header',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A header match uses a name that is not a valid header name.',
    istioctl: 'IST0106',
    docs: `## Why
Header names are HTTP tokens: letters, digits and \`!#$%&'*+-.^_\`|~\`; spaces, \`:\` (except the pseudo headers \`:method\`, \`:scheme\`, \`:authority\`, \`:path\`, \`:status\`) and other characters are rejected.
Routing on JWT claims uses the special names \`@request.auth.claims.<claim>\` or \`@request.auth.claims[<claim>][<nested>]\`.
Istio does not reject upper-case names, but the API asks for lower case.

## Example
\`\`\`yaml
match:
- headers:
    "x user": {exact: a}   # space in a header name
    "x(y)": {exact: b}     # '(' is not allowed
\`\`\`

## Fix
Use the header's real name, in lower case.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    forEachMatchHeader(spec, (name, path) => {
      const problem = matchHeaderNameProblem(name);
      if (problem) ctx.report({ path, target: 'key', message: problem });
    });
  },
);
