// istioctl prints its log lines (`2026-...Z\twarn\t...`) on stdout, before or between the JSON it
// was asked for, and proxy-status prints one JSON document per istiod. This finds the JSON values
// in such a text: each starts at the beginning of a line (after indentation) with `{` or `[`.

export interface JsonValue {
  readonly value: unknown;
  /** Offsets of the value's text in the input. */
  readonly start: number;
  readonly end: number;
}

/** Every JSON value that starts a line with one of `openers` and parses, in order; the text between them is skipped. */
export function jsonValuesIn(text: string, openers: string = '{['): JsonValue[] {
  const values: JsonValue[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let i = lineStart;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < text.length && openers.includes(text[i])) {
      const end = endOfValue(text, i);
      // Never closed (cut-off output): the rest is inside it, so nested values must not pass for top-level ones.
      if (end === undefined) break;
      try {
        values.push({ value: JSON.parse(text.slice(i, end)), start: i, end });
        const next = text.indexOf('\n', end);
        lineStart = next < 0 ? text.length : next + 1;
        continue;
      } catch {
        // Not JSON after all (a log line that happens to start with a bracket): go on with the next line.
      }
    }
    const next = text.indexOf('\n', lineStart);
    lineStart = next < 0 ? text.length : next + 1;
  }
  return values;
}

/** The offset just after the object or array that opens at `start`, by bracket counting outside strings; undefined if it never closes. */
function endOfValue(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
