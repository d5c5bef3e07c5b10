// String matches istiod rejects: regexes that are empty, longer than 1024 bytes or not RE2, and empty
// prefixes (allowed only for `uri`). Covers request matches and CORS `allowOrigins`.
import { regexProblem } from '../../istio/validation/regex';
import { forEachHttpRule, specOf } from '../../istio/validation/virtual-service';
import { list, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

interface Options {
  /** `uri` accepts an empty prefix (Envoy does); other fields do not. */
  readonly allowEmptyPrefix?: boolean;
  /** `withoutHeaders` treats `regex: "*"` as "header present", not as a regex. */
  readonly presenceWildcard?: boolean;
  /** CORS origins must have a non-empty value whatever the match type. */
  readonly requireValue?: boolean;
}

function checkStringMatch(ctx: ResourceContext, value: unknown, path: PathSegment[], label: string, options: Options = {}): void {
  const match = obj(value);
  if (!match) return;
  if (options.requireValue) {
    const text = match.exact ?? match.prefix ?? match.regex;
    if (text === '' || text === undefined || text === null) {
      ctx.report({ path, message: `${label} has no value; an allowed origin needs a non-empty exact, prefix or regex` });
      return;
    }
  }
  if (match.prefix === '' && !options.allowEmptyPrefix) {
    ctx.report({ path: [...path, 'prefix'], target: 'key', message: `${label} has an empty prefix, which Envoy rejects; remove the match to match everything` });
  }
  const regex = match.regex;
  if (typeof regex !== 'string') return;
  if (options.presenceWildcard && regex === '*') return;
  if (regex === '') {
    ctx.report({ path: [...path, 'regex'], target: 'key', message: `${label} has an empty regex` });
    return;
  }
  const problem = regexProblem(regex);
  if (problem) ctx.report({ path: [...path, 'regex'], message: `${label} regex is invalid: ${problem}` });
}

function checkMap(ctx: ResourceContext, value: unknown, path: PathSegment[], label: string, options?: Options): void {
  const map = obj(value);
  if (!map) return;
  for (const key of Object.keys(map)) checkStringMatch(ctx, map[key], [...path, key], `${label} '${key}'`, options);
}

export const invalidStringMatch = defineAnalyzer(
  {
    code: 'IY110',
    name: 'invalid-string-match',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A match has an invalid or empty regex, or an empty prefix where Envoy does not allow one.',
    istioctl: 'IST0106',
    docs: `## Why
Regex matches are compiled by Envoy with Google RE2, which has no look-around, no back-references and no possessive quantifiers; istiod rejects regexes that Go's RE2 parser cannot compile, regexes over 1024 bytes, and empty regexes.
An empty \`prefix\` is rejected for every field except \`uri\` (where it matches everything).
\`withoutHeaders\` accepts \`regex: "*"\`, which means "the header is present".
CORS \`allowOrigins\` entries need a non-empty value.

## Example
\`\`\`yaml
http:
- match:
  - uri:
      regex: "/api/(?!internal).*"   # look-ahead is not RE2
    headers:
      x-version:
        prefix: ""                   # empty prefix
\`\`\`

## Fix
Rewrite the regex without look-around or back-references (often two rules, the more specific one first), and remove empty matches.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    forEachHttpRule(spec, (rule, i) => {
      list(rule.match).forEach((m, j) => {
        const match = obj(m);
        if (!match) return;
        const at = ['spec', 'http', i, 'match', j];
        checkStringMatch(ctx, match.uri, [...at, 'uri'], 'uri match', { allowEmptyPrefix: true });
        for (const field of ['scheme', 'method', 'authority'] as const) checkStringMatch(ctx, match[field], [...at, field], `${field} match`);
        checkMap(ctx, match.headers, [...at, 'headers'], 'header match');
        checkMap(ctx, match.queryParams, [...at, 'queryParams'], 'query parameter match');
        checkMap(ctx, match.withoutHeaders, [...at, 'withoutHeaders'], 'withoutHeaders match', { presenceWildcard: true });
      });
      list(obj(rule.corsPolicy)?.allowOrigins).forEach((origin, k) => {
        checkStringMatch(ctx, origin, ['spec', 'http', i, 'corsPolicy', 'allowOrigins', k], 'allowed origin', { requireValue: true, allowEmptyPrefix: true });
      });
    });
  },
);
