// Durations Istio rejects beyond the CRD's CEL rule: fractions of a millisecond, and invalid
// connection pool idle timeouts (which have no CEL rule).
import { durationProblem, parseDuration } from '../../istio/validation/duration';
import { durationTrie, TRIE_ITEMS, type DurationTrie } from '../../istio/validation/duration-fields';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

function fieldName(path: PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'duration';
}

function check(ctx: ResourceContext, trie: DurationTrie, value: unknown, path: PathSegment[]): void {
  if (trie.field && typeof value === 'string') {
    const problem = durationProblem(value);
    const name = fieldName(path);
    if (trie.field === 'cel') {
      // Syntax and the 1ms minimum are the CEL rule's findings (IY005); only precision is ours.
      if (problem === 'not-whole-ms') ctx.report({ path, message: `${name} '${value}' is not a whole number of milliseconds` });
    } else if (problem === 'invalid') {
      ctx.report({ path, message: `${name} '${value}' is not a valid duration (for example 30s, 1m or 500ms)` });
    } else if (problem === 'not-whole-ms' && (parseDuration(value) ?? 0n) >= 1_000_000n) {
      // Values below 1ms (0s included) disable the timeout and are not checked further.
      ctx.report({ path, message: `${name} '${value}' is not a whole number of milliseconds` });
    }
  }
  if (trie.children.size === 0 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const items = trie.children.get(TRIE_ITEMS);
    if (items) value.forEach((item, i) => check(ctx, items, item, [...path, i]));
    return;
  }
  const record = value as Record<string, unknown>;
  const mapValues = trie.children.get(TRIE_ITEMS);
  for (const key of Object.keys(record)) {
    const child = trie.children.get(key) ?? mapValues;
    if (child) check(ctx, child, record[key], [...path, key]);
  }
}

export const invalidDuration = defineAnalyzer(
  {
    code: 'IY013',
    name: 'invalid-duration',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule', 'RequestAuthentication', 'Sidecar', 'Telemetry', 'VirtualService'],
    summary: 'A duration is not a whole number of milliseconds, or a connection pool idle timeout is not a duration.',
    istioctl: 'IST0106',
    docs: `## Why
Istio converts durations to Envoy settings with millisecond precision and rejects values with a fraction of a millisecond, such as \`1.5ms\` or \`100us\`.
The CRD itself already checks the syntax and the 1ms minimum of most duration fields (reported by IY005); connection pool \`tcp.idleTimeout\` has no such rule and accepts \`0s\` to disable the timeout.

## Example
\`\`\`yaml
http:
- timeout: 1.5ms     # not a whole number of milliseconds
  route: [{destination: {host: reviews}}]
\`\`\`

## Fix
Round to whole milliseconds (\`2ms\`), or use seconds (\`1.5s\` is fine).`,
  },
  (ctx) => {
    const trie = durationTrie(ctx.resource.kind);
    if (trie) check(ctx, trie, ctx.resource.value, []);
  },
);
