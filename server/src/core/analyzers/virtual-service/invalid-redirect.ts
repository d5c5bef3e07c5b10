// HTTP redirects istiod rejects: nothing to redirect to, conflicting path rewrites, a non-3xx code,
// a scheme other than http/https, or a port outside 1–65535.
import { isValidPort } from '../../istio/validation/network';
import { specOf } from '../../istio/validation/virtual-service';
import { list, nonEmpty, num, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidRedirect = defineAnalyzer(
  {
    code: 'IY115',
    name: 'invalid-redirect',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'An HTTP redirect changes nothing, mixes `uri` with `prefixRewrite`, or has an invalid code, scheme or port.',
    istioctl: 'IST0106',
    docs: `## Why
A redirect must change at least one of \`uri\`, \`prefixRewrite\`, \`authority\`, \`scheme\` or \`port\`; otherwise the client would be sent back to the same URL.
\`uri\` replaces the whole path and \`prefixRewrite\` replaces only the matched prefix, so only one may be set, and \`prefixRewrite\` needs the rule's URI matches to be prefix matches.
\`redirectCode\` must be a 3xx status, \`scheme\` is \`http\` or \`https\`, and \`port\` lies in 1–65535.

## Example
\`\`\`yaml
http:
- match: [{uri: {exact: /old}}]
  redirect:
    prefixRewrite: /new     # needs a prefix match, not exact
    redirectCode: 200       # not a redirect status
\`\`\`

## Fix
Use \`uri\` with exact or regex matches and \`prefixRewrite\` with prefix matches; pick a 3xx code such as 301 or 308.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    list(spec.http).forEach((item, i) => {
      const rule = obj(item);
      const redirect = obj(rule?.redirect);
      if (!rule || !redirect) return;
      const at = ['spec', 'http', i, 'redirect'];
      const port = num(redirect.port);
      if (!nonEmpty(redirect.uri) && !nonEmpty(redirect.authority) && !nonEmpty(redirect.scheme) && !nonEmpty(redirect.prefixRewrite) && redirect.port == null && redirect.derivePort == null) {
        ctx.report({ path: at, target: 'key', message: 'the redirect changes nothing: set at least one of uri, prefixRewrite, authority, scheme or port' });
      }
      if (nonEmpty(redirect.uri) && nonEmpty(redirect.prefixRewrite)) {
        ctx.report({ path: [...at, 'prefixRewrite'], target: 'key', message: "'uri' and 'prefixRewrite' cannot both be set: 'uri' replaces the whole path, 'prefixRewrite' only the matched prefix" });
      }
      if (nonEmpty(redirect.prefixRewrite)) {
        list(rule.match).forEach((m, j) => {
          const uri = obj(obj(m)?.uri);
          if (uri && uri.prefix === undefined && (uri.exact !== undefined || uri.regex !== undefined)) {
            ctx.report({ path: ['spec', 'http', i, 'match', j, 'uri'], target: 'key', message: "redirect.prefixRewrite needs every URI match of the rule to be a 'prefix' match" });
          }
        });
      }
      const code = num(redirect.redirectCode);
      if (code !== undefined && code !== 0 && (code < 300 || code > 399)) {
        ctx.report({ path: [...at, 'redirectCode'], message: `${code} is not a redirect status code (3xx)` });
      }
      const scheme = redirect.scheme;
      if (typeof scheme === 'string' && scheme !== '' && scheme !== 'http' && scheme !== 'https') {
        ctx.report({ path: [...at, 'scheme'], message: `redirect scheme '${scheme}' must be 'http' or 'https'` });
      }
      if (port !== undefined && port > 0 && !isValidPort(port)) {
        ctx.report({ path: [...at, 'port'], message: `redirect port ${port} is not within 1–65535` });
      }
    });
  },
);
