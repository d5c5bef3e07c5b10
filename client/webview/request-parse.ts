// Turns the simulator form's text fields into a SimulatedRequest, with a message for the first field
// that cannot be read. Pure, so the vitest tier tests it.
import type { SimulatedRequest } from '../../common/routing';

export interface SimulatorFields {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly port: string;
  /** One `name: value` per line. */
  readonly headers: string;
  /** `app=productpage, version=v1` */
  readonly sourceLabels: string;
  readonly sourceNamespace: string;
  /** `mesh` or `ns/name`; empty means mesh. */
  readonly gateway: string;
}

export const EMPTY_FIELDS: SimulatorFields = { host: '', path: '/', method: 'GET', port: '', headers: '', sourceLabels: '', sourceNamespace: '', gateway: 'mesh' };

export type ParseResult = { readonly request: SimulatedRequest } | { readonly error: string };

export function parseHeaders(textValue: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const [i, raw] of textValue.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return `headers, line ${i + 1}: write "name: value"`;
    // Header names are case-insensitive; Envoy sees them lower-cased.
    out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

export function parseLabels(textValue: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const raw of textValue.split(/[,\n]/)) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    if (eq <= 0) return `source labels: write "key=value" pairs separated by commas (got "${item}")`;
    out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return out;
}

export function parseRequest(f: SimulatorFields): ParseResult {
  const host = f.host.trim();
  if (!host) return { error: 'Enter the host the request is sent to (for example reviews or bookinfo.example.com).' };
  const request: { -readonly [K in keyof SimulatedRequest]: SimulatedRequest[K] } = { host };
  const path = f.path.trim();
  if (path) {
    if (!path.startsWith('/')) return { error: 'The path starts with /.' };
    request.path = path;
  }
  const method = f.method.trim().toUpperCase();
  if (method) request.method = method;
  const port = f.port.trim();
  if (port) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) return { error: 'The port is a number from 1 to 65535.' };
    request.port = n;
  }
  const headers = parseHeaders(f.headers);
  if (typeof headers === 'string') return { error: headers };
  if (Object.keys(headers).length) request.headers = headers;
  const labels = parseLabels(f.sourceLabels);
  if (typeof labels === 'string') return { error: labels };
  if (Object.keys(labels).length) request.sourceLabels = labels;
  const ns = f.sourceNamespace.trim();
  if (ns) request.sourceNamespace = ns;
  const gateway = f.gateway.trim();
  request.gateway = gateway || 'mesh';
  if (request.gateway !== 'mesh' && !/^[^/\s]+\/[^/\s]+$/.test(request.gateway)) return { error: 'The gateway is "mesh" or namespace/name.' };
  return { request };
}
