// Structural validation of the routing preview's messages, shared by the webview and the extension.
// Each reader returns a fresh object holding only the known fields, or throws Invalid: unknown fields
// are dropped and nothing the other side sent is used before it has been checked. No DOM, no vscode.
import type { ScopeChoice } from '../../common/routing-messages';
import type { SimulatedRequest } from '../../common/routing';

export class Invalid extends Error {}

export const MAX_TEXT = 10_000;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function record(v: unknown, what: string): Record<string, unknown> {
  if (!isRecord(v)) throw new Invalid(`${what}: expected an object`);
  return v;
}

export function text(v: unknown, what: string, max = MAX_TEXT): string {
  if (typeof v !== 'string') throw new Invalid(`${what}: expected a string`);
  if (v.length > max) throw new Invalid(`${what}: longer than ${max} characters`);
  return v;
}

export function optionalText(v: unknown, what: string, max = MAX_TEXT): string | undefined {
  return v === undefined ? undefined : text(v, what, max);
}

export function num(v: unknown, what: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Invalid(`${what}: expected a number in [${min}, ${max}]`);
  return v;
}

export function optionalNum(v: unknown, what: string, min?: number, max?: number): number | undefined {
  return v === undefined ? undefined : num(v, what, min, max);
}

export function oneOf<T extends string>(v: unknown, values: readonly T[], what: string): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new Invalid(`${what}: expected one of ${values.join(', ')}`);
  return v as T;
}

export function list<T>(v: unknown, what: string, max: number, item: (x: unknown, what: string) => T): T[] {
  if (!Array.isArray(v)) throw new Invalid(`${what}: expected an array`);
  if (v.length > max) throw new Invalid(`${what}: more than ${max} items`);
  return v.map((x, i) => item(x, `${what}[${i}]`));
}

/** A string → string map (headers, labels), at most `max` entries. */
export function stringMap(v: unknown, what: string, max = 100): Record<string, string> {
  const r = record(v, what);
  const keys = Object.keys(r);
  if (keys.length > max) throw new Invalid(`${what}: more than ${max} entries`);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const k of keys) out[text(k, `${what} key`, 1000)] = text(r[k], `${what}.${k}`, 4000);
  return out;
}

export function scopeChoice(v: unknown, what = 'choice'): ScopeChoice {
  const r = record(v, what);
  const kind = oneOf(r.kind, ['resource', 'file', 'host', 'workspace'] as const, `${what}.kind`);
  if (kind !== 'host') return { kind };
  const host = text(r.host, `${what}.host`, 1000).trim();
  if (!host) throw new Invalid(`${what}.host: empty`);
  const namespace = optionalText(r.namespace, `${what}.namespace`, 253)?.trim();
  return namespace ? { kind, host, namespace } : { kind, host };
}

export function simulatedRequest(v: unknown, what = 'request'): SimulatedRequest {
  const r = record(v, what);
  const host = text(r.host, `${what}.host`, 1000).trim();
  if (!host) throw new Invalid(`${what}.host: empty`);
  const out: { -readonly [K in keyof SimulatedRequest]: SimulatedRequest[K] } = { host };
  if (r.path !== undefined) out.path = text(r.path, `${what}.path`, 4000);
  if (r.method !== undefined) out.method = text(r.method, `${what}.method`, 32);
  if (r.headers !== undefined) out.headers = stringMap(r.headers, `${what}.headers`);
  if (r.port !== undefined) out.port = num(r.port, `${what}.port`, 1, 65535);
  if (r.sourceLabels !== undefined) out.sourceLabels = stringMap(r.sourceLabels, `${what}.sourceLabels`);
  if (r.sourceNamespace !== undefined) out.sourceNamespace = text(r.sourceNamespace, `${what}.sourceNamespace`, 253);
  if (r.gateway !== undefined) out.gateway = text(r.gateway, `${what}.gateway`, 600);
  return out;
}
