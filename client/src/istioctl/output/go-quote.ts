// istioctl prints file names with Go's %q (strconv.Quote): `"q\"uote.yaml"`. This undoes it.

/** A Go double-quoted string literal's content (without the quotes) as the text it stands for. */
export function unquoteGo(content: string): string {
  return content.replace(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3})|(.))/g, (whole, hex: string, u4: string, u8: string, octal: string, char: string) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (u4 || u8) return String.fromCodePoint(parseInt(u4 ?? u8, 16));
    if (octal) return String.fromCharCode(parseInt(octal, 8));
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    return simple[char] ?? whole;
  });
}

/** The pattern of a Go-quoted string's content, for use inside `"..."` in a regular expression. */
export const GO_QUOTED = String.raw`((?:[^"\\]|\\.)*)`;
