// Facts about a VirtualService that several admission rules need: where it applies (mesh or
// gateways) and whether it has TLS SNI matches.
import { list, obj, type JsonObject } from './values';

/** The `spec` map, or undefined. */
export function specOf(resource: { readonly value: JsonObject }): JsonObject | undefined {
  return obj(resource.value.spec);
}

/** Calls `visit` for every HTTP route rule that is a map, with its index in `spec.http`. */
export function forEachHttpRule(spec: JsonObject, visit: (rule: JsonObject, index: number) => void): void {
  list(spec.http).forEach((item, index) => {
    const rule = obj(item);
    if (rule) visit(rule, index);
  });
}

/** Calls `visit` for every header name matched in `http[].match[].headers` and `withoutHeaders`. */
export function forEachMatchHeader(spec: JsonObject, visit: (name: string, path: (string | number)[]) => void): void {
  forEachHttpRule(spec, (rule, i) => {
    list(rule.match).forEach((m, j) => {
      const match = obj(m);
      if (!match) return;
      for (const field of ['headers', 'withoutHeaders'] as const) {
        const headers = obj(match[field]);
        if (headers) for (const name of Object.keys(headers)) visit(name, ['spec', 'http', i, 'match', j, field, name]);
      }
    });
  });
}

/** `isGateway`: the VirtualService names gateways and `mesh` is not among them. */
export function appliesOnlyToGateways(spec: JsonObject): boolean {
  const gateways = list(spec.gateways);
  if (gateways.length === 0) return false;
  return !gateways.includes('mesh');
}

/** `isSniHost`: some TLS route matches on SNI hosts. */
export function hasSniHosts(spec: JsonObject): boolean {
  for (const route of list(spec.tls)) {
    for (const match of list(obj(route)?.match)) {
      if (list(obj(match)?.sniHosts).length > 0) return true;
    }
  }
  return false;
}
