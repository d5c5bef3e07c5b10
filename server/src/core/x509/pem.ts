// PEM blocks (RFC 7468): `-----BEGIN <type>-----`, optional `Key: value` header lines, a base64 body,
// `-----END <type>-----`. Like Go's pem.Decode, blocks whose body does not decode are skipped.
import { decodeBase64 } from './base64';

export interface PemBlock {
  /** The label after BEGIN: `CERTIFICATE`, `PRIVATE KEY`, … */
  readonly type: string;
  readonly bytes: Uint8Array;
}

const BLOCK = /^-----BEGIN ([^\r\n-]*)-----[ \t]*\r?\n([\s\S]*?)^-----END \1-----/gm;

/** Every decodable PEM block of a text, in order. */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const lines = match[2].split(/\r?\n/).map((l) => l.trim());
    // Encapsulated headers (`Proc-Type: …`) come first and end at a blank line.
    let first = 0;
    if (lines[0]?.includes(':')) {
      while (first < lines.length && lines[first] !== '') first++;
    }
    const bytes = decodeBase64(lines.slice(first).join(''));
    if (bytes) out.push({ type: match[1], bytes });
  }
  return out;
}

/** The first decodable PEM block of any type (what Go's pem.Decode returns). */
export function firstPemBlock(text: string): PemBlock | undefined {
  return pemBlocks(text)[0];
}
