// Whether a CEL expression parses (Istio only parses access-log filters; it does not type-check them).
import { celEnvironment } from '../../schema/cel/environment';

const cache = new Map<string, string | null>();

/** The parser's message for an expression that does not parse, or undefined. */
export function celSyntaxError(expression: string): string | undefined {
  const cached = cache.get(expression);
  if (cached !== undefined) return cached ?? undefined;
  let error: string | null = null;
  try {
    celEnvironment().parse(expression);
  } catch (e) {
    // The parser reports syntax errors by throwing; its first line names the problem.
    error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  }
  if (cache.size >= 1000) cache.clear();
  cache.set(expression, error);
  return error ?? undefined;
}
