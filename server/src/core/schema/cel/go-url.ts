// Go's net/url.ParseRequestURI, ported for the Kubernetes CEL URL library: the API server decides
// `isURL`/`url()` with exactly this parser, so its quirks (opaque `host:port/x`, no fragments) are kept.

export interface GoUrl {
  readonly scheme: string;
  readonly opaque: string;
  /** Host with optional port, percent-decoded, as Go's URL.Host. */
  readonly host: string;
  /** Path as written (Go's EscapedPath when the raw form is a valid encoding). */
  readonly rawPath: string;
  readonly path: string;
  readonly rawQuery: string;
}

/** Parses like Go's url.ParseRequestURI; returns an error message instead of throwing. */
export function parseRequestUri(raw: string): GoUrl | string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return 'net/url: invalid control character in URL';
  }
  if (raw === '') return 'empty url';
  if (raw === '*') return { scheme: '', opaque: '', host: '', rawPath: '*', path: '*', rawQuery: '' };
  const split = splitScheme(raw);
  if (typeof split === 'string') return split;
  const scheme = split.scheme.toLowerCase();
  let rest = split.rest;
  let rawQuery = '';
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) [rest, rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  }
  if (!rest.startsWith('/')) {
    // Rootless paths after a scheme are opaque (RFC 3986), as in `mailto:x` or `registry.io:5000/img`.
    if (scheme !== '') return { scheme, opaque: rest, host: '', rawPath: '', path: '', rawQuery };
    return 'invalid URI for request';
  }
  let host = '';
  if (scheme !== '' && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    const parsed = parseAuthority(authority);
    if (parsed.error !== undefined) return parsed.error;
    host = parsed.host;
  }
  const path = unescape(rest, 'path');
  if (path.error !== undefined) return path.error;
  return { scheme, opaque: '', host, rawPath: rest, path: path.value, rawQuery };
}

function splitScheme(raw: string): { scheme: string; rest: string } | string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? 'missing protocol scheme' : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

type Decoded = { value: string; error?: undefined } | { value?: undefined; error: string };

function parseAuthority(authority: string): { host: string; error?: undefined } | { host?: undefined; error: string } {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (host.error !== undefined) return { error: host.error };
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) return { error: 'net/url: invalid userinfo' };
    for (const part of userinfo.split(':', 2)) {
      const decoded = unescape(part, 'userinfo');
      if (decoded.error !== undefined) return { error: decoded.error };
    }
  }
  return { host: host.value };
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function parseHost(host: string): Decoded {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return { error: "missing ']' in host" };
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return { error: `invalid port "${colonPort}" after host` };
    const zone = host.slice(0, close).indexOf('%25');
    if (zone >= 0) {
      const parts = [unescape(host.slice(0, zone), 'host'), unescape(host.slice(zone, close), 'zone'), unescape(host.slice(close), 'host')];
      const failed = parts.find((p) => p.error !== undefined);
      return failed ?? { value: parts.map((p) => p.value).join('') };
    }
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return { error: `invalid port "${host.slice(colon)}" after host` };
  }
  return unescape(host, 'host');
}

type Mode = 'host' | 'zone' | 'path' | 'userinfo' | 'query';

const HEX = /^[0-9a-fA-F]{2}$/;
const HOST_SUB_DELIMS = "!$&'()*+,;=:[]<>\"";

/** Go's shouldEscape for host and zone: which ASCII characters may not appear literally. */
function invalidInHost(c: string): boolean {
  if (/[A-Za-z0-9\-_.~]/.test(c)) return false;
  return !HOST_SUB_DELIMS.includes(c);
}

function unescape(s: string, mode: Mode): Decoded {
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return { error: `invalid URL escape "${s.slice(i, i + 3)}"` };
      const byte = parseInt(hex, 16);
      // Hosts may %-encode only non-ASCII bytes (RFC 3986), except %25 for IPv6 zones (RFC 6874).
      if (mode === 'host' && byte < 0x80 && hex !== '25') return { error: `invalid URL escape "${s.slice(i, i + 3)}"` };
      if (mode === 'zone' && hex !== '25' && byte !== 0x20 && byte < 0x80 && invalidInHost(String.fromCharCode(byte))) {
        return { error: `invalid URL escape "${s.slice(i, i + 3)}"` };
      }
      i += 3;
      continue;
    }
    if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && invalidInHost(c)) return { error: `invalid character "${c}" in host name` };
    i++;
  }
  return { value: decodePercent(mode === 'query' ? s.replace(/\+/g, ' ') : s) };
}

function decodePercent(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // Not UTF-8 after decoding; Go keeps the raw bytes, which a JS string cannot hold. Keep the text.
    return s;
  }
}

/** Go's URL.Hostname(): the host without port and IPv6 brackets. */
export function hostname(url: GoUrl): string {
  return splitHostPort(url.host)[0];
}

/** Go's URL.Port(): the digits after the host's last colon, or ''. */
export function port(url: GoUrl): string {
  return splitHostPort(url.host)[1];
}

function splitHostPort(hostPort: string): [string, string] {
  let host = hostPort;
  let portText = '';
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(host.slice(colon))) [host, portText] = [host.slice(0, colon), host.slice(colon + 1)];
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return [host, portText];
}

/** Go's validEncoded for paths: characters that may stay as written. */
const PATH_SAFE = /^[A-Za-z0-9\-_.~!$&'()*+,;=:@/%[\]]*$/;

/** Go's URL.EscapedPath(): the path as written when that is a valid encoding, else re-encoded. */
export function escapedPath(url: GoUrl): string {
  if (url.rawPath === '*' || PATH_SAFE.test(url.rawPath)) return url.rawPath;
  try {
    // encodeURI leaves these alone; Go's path escaping does not.
    return encodeURI(url.path).replace(/[?#!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return url.rawPath; // a lone surrogate: no UTF-8 form to escape
  }
}

/** Go's URL.Query(): `&`-separated pairs; pairs with `;` or bad escapes are dropped, as Go does. */
export function query(url: GoUrl): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of url.rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const key = unescape(eq < 0 ? pair : pair.slice(0, eq), 'query');
    const value = unescape(eq < 0 ? '' : pair.slice(eq + 1), 'query');
    if (key.error !== undefined || value.error !== undefined) continue;
    const list = out.get(key.value) ?? [];
    list.push(value.value);
    out.set(key.value, list);
  }
  return out;
}
