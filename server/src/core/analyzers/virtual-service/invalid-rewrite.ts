// HTTP rewrites istiod rejects: empty rewrites, `uri` with `uriRegexRewrite`, and incomplete or
// invalid regex rewrites.
import { regexProblem } from '../../istio/validation/regex';
import { specOf } from '../../istio/validation/virtual-service';
import { list, nonEmpty, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidRewrite = defineAnalyzer(
  {
    code: 'IY116',
    name: 'invalid-rewrite',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'An HTTP rewrite is empty, sets both `uri` and `uriRegexRewrite`, or has an incomplete or invalid regex rewrite.',
    istioctl: 'IST0106',
    docs: `## Why
A rewrite must change something: \`uri\`, \`uriRegexRewrite\` or \`authority\`.
\`uri\` (prefix replacement) and \`uriRegexRewrite\` (regex substitution) are alternatives; only one may be set.
\`uriRegexRewrite\` needs both \`match\` (an RE2 regex of at most 1024 bytes) and \`rewrite\`.

## Example
\`\`\`yaml
rewrite:
  uriRegexRewrite:
    match: ^/service/([^/]+)(/.*)$   # 'rewrite' is missing
\`\`\`

## Fix
Complete the regex rewrite, for example \`rewrite: /\\2/instance/\\1\`, or use \`uri\` for a simple prefix replacement.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    list(spec.http).forEach((item, i) => {
      const rewrite = obj(obj(item)?.rewrite);
      if (!rewrite) return;
      const at = ['spec', 'http', i, 'rewrite'];
      const regexRewrite = obj(rewrite.uriRegexRewrite);
      if (nonEmpty(rewrite.uri) && regexRewrite) {
        ctx.report({ path: [...at, 'uriRegexRewrite'], target: 'key', message: "'uri' and 'uriRegexRewrite' cannot both be set in a rewrite" });
        return;
      }
      if (!nonEmpty(rewrite.uri) && !regexRewrite && !nonEmpty(rewrite.authority)) {
        ctx.report({ path: at, target: 'key', message: 'the rewrite changes nothing: set uri, uriRegexRewrite or authority' });
        return;
      }
      if (!regexRewrite) return;
      if (!nonEmpty(regexRewrite.match) || !nonEmpty(regexRewrite.rewrite)) {
        const missing = !nonEmpty(regexRewrite.match) ? 'match' : 'rewrite';
        ctx.report({ path: [...at, 'uriRegexRewrite'], target: 'key', message: `uriRegexRewrite needs both 'match' and 'rewrite'; '${missing}' is missing` });
        return;
      }
      const problem = regexProblem(regexRewrite.match);
      if (problem) ctx.report({ path: [...at, 'uriRegexRewrite', 'match'], message: `uriRegexRewrite match is invalid: ${problem}` });
    });
  },
);
