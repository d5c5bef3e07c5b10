// Strict standard base64 (RFC 4648 with padding), the encoding of Kubernetes Secret `data` values and
// of PEM bodies. Line breaks are ignored; anything else that is not base64 makes the text invalid.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The decoded bytes, or undefined when the text is not valid padded base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  // `atob` is the platform decoder (no Buffer in the core); the regex above guarantees it cannot throw.
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes as a Latin-1 string: PEM text is ASCII, so this is its text. */
export function bytesToText(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return out;
}
