// Durations as Istio reads them (Go's time.ParseDuration syntax: `1h2m`, `1.5s`, `300ms`), and
// `agent.ValidateDuration`: at least 1ms and a whole number of milliseconds.

const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const COMPONENT = /(\d*)(?:\.(\d*))?([a-zµμ]+)/y;

/** Nanoseconds of a Go duration string, or undefined when it does not parse. */
export function parseDuration(text: string): bigint | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') return undefined;
  let total = 0n;
  COMPONENT.lastIndex = 0;
  while (COMPONENT.lastIndex < rest.length) {
    const start = COMPONENT.lastIndex;
    const match = COMPONENT.exec(rest);
    if (!match || match.index !== start) return undefined;
    const [, whole, fraction = '', unit] = match;
    if (whole === '' && fraction === '') return undefined;
    const scale = UNIT_NANOS[unit];
    if (scale === undefined) return undefined;
    total += BigInt(whole || '0') * scale;
    if (fraction) {
      // Go truncates fractions below one nanosecond.
      total += (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
    }
  }
  return negative ? -total : total;
}

const MILLI = 1_000_000n;

export type DurationProblem = 'invalid' | 'below-1ms' | 'not-whole-ms';

/** Why a duration fails `agent.ValidateDuration`, or undefined when it passes. */
export function durationProblem(text: string): DurationProblem | undefined {
  const nanos = parseDuration(text);
  if (nanos === undefined) return 'invalid';
  if (nanos < MILLI) return 'below-1ms';
  if (nanos % MILLI !== 0n) return 'not-whole-ms';
  return undefined;
}

/** True when the duration parses and has no fraction of a second. */
export function isWholeSeconds(text: string): boolean {
  const nanos = parseDuration(text);
  return nanos !== undefined && nanos % 1_000_000_000n === 0n;
}
