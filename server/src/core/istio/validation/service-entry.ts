// ServiceEntry facts shared by several rules: the resolution (default NONE) and port protocol families.
import { isHttpProtocol, isTlsProtocol } from './protocol';
import { list, obj, type JsonObject } from './values';

export function resolutionOf(spec: JsonObject): string {
  return typeof spec.resolution === 'string' && spec.resolution ? spec.resolution : 'NONE';
}

export function portNames(spec: JsonObject): Set<string> {
  const names = new Set<string>();
  for (const p of list(spec.ports)) {
    const name = obj(p)?.name;
    if (typeof name === 'string') names.add(name);
  }
  return names;
}

/** Index of the first port that is neither HTTP nor TLS (an unset protocol counts as such). */
export function firstOpaquePort(spec: JsonObject): number {
  return list(spec.ports).findIndex((p) => {
    const protocol = obj(p)?.protocol;
    const text = typeof protocol === 'string' ? protocol : '';
    return !isHttpProtocol(text) && !isTlsProtocol(text);
  });
}
