// A minimal DER reader: enough to walk the SEQUENCEs of an X.509 certificate. Every read is bounds
// checked and returns undefined on malformed input; nothing here throws.

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  SEQUENCE: 0x30,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  /** `[0] EXPLICIT`, constructed: the certificate version. */
  CONTEXT_0: 0xa0,
} as const;

/** One tag-length-value element: content is `bytes[start, end)`; the next element starts at `end`. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** Reads the element at `offset`, which must end at or before `limit`. */
export function readTlv(bytes: Uint8Array, offset: number, limit: number = bytes.length): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = bytes[offset];
  // High tag numbers (low five bits all set) never occur in the parts of a certificate we read.
  if ((tag & 0x1f) === 0x1f) return undefined;
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // Indefinite length (0x80) is BER, not DER; more than four length bytes is not a certificate.
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    start += count;
    // DER uses the short form below 128 bytes.
    if (length < 0x80) return undefined;
  }
  const end = start + length;
  if (end > limit) return undefined;
  return { tag, start, end };
}

/** The elements inside a constructed element, in order; undefined when they do not fill it exactly. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  let offset = parent.start;
  while (offset < parent.end) {
    const child = readTlv(bytes, offset, parent.end);
    if (!child) return undefined;
    out.push(child);
    offset = child.end;
  }
  return out;
}

/** The content of an element as ASCII text (times are ASCII). */
export function asciiOf(bytes: Uint8Array, tlv: Tlv): string {
  let out = '';
  for (let i = tlv.start; i < tlv.end; i++) out += String.fromCharCode(bytes[i]);
  return out;
}
