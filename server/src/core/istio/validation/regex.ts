// Istio's regex check (`validateStringRegexp`): at most 1024 characters and compiles as RE2.
// JavaScript's RegExp is not RE2 (look-around, back-references, different escapes), so we use re2js,
// a port of the RE2/Go parser whose error messages match Go's `regexp.Compile`.
import { RE2JS } from 're2js';

export const MAX_REGEX_LENGTH = 1024;

// Compiling is the expensive part; the same few patterns are checked again on every keystroke.
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 2000;

/** Why `pattern` fails to compile as RE2, or undefined when it compiles. Does not check the length. */
export function re2CompileError(pattern: string): string | undefined {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  let error: string | null = null;
  try {
    RE2JS.compile(pattern);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    error = message.replace(/^error parsing regexp: /, '');
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, error);
  return error ?? undefined;
}

/** `validateStringRegexp`: the problem with a regex, or undefined when Istio accepts it. */
export function regexProblem(pattern: string): string | undefined {
  // Go measures bytes; for ASCII patterns that equals the string length.
  const bytes = utf8Length(pattern);
  if (bytes > MAX_REGEX_LENGTH) return `regex is too long (${bytes} bytes; at most ${MAX_REGEX_LENGTH})`;
  const error = re2CompileError(pattern);
  return error ? `${error}; Istio uses RE2 regex syntax (no look-around or back-references)` : undefined;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
