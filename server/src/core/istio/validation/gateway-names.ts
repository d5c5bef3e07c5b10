// Gateway references in VirtualServices (`validateGatewayNames`): `namespace/name`, a bare name that is
// a valid FQDN (`mesh` included), or the legacy dotted `name.namespace` form (accepted with a warning).
import { fqdnProblem, isDns1123Label } from './dns';
import { list, obj, type JsonObject } from './values';
import type { PathSegment } from '../../yaml/path';

export interface GatewayNameFinding {
  readonly path: PathSegment[];
  readonly name: string;
  readonly level: 'error' | 'warning';
  readonly message: string;
  /** For legacy names: the `namespace/name` form Istio recommends. */
  readonly replacement?: string;
}

function checkList(names: unknown, path: PathSegment[], out: GatewayNameFinding[]): void {
  const items = list(names);
  for (let i = 0; i < items.length; i++) {
    const name = items[i];
    if (typeof name !== 'string') continue;
    const at = [...path, i];
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const parts = name.split('.');
        const replacement = parts[0] && parts[1] ? `${parts[1]}/${parts[0]}` : undefined;
        const hint = replacement ? ` '${replacement}'` : '';
        out.push({ path: at, name, level: 'warning', replacement, message: `gateway '${name}' uses the legacy 'name.namespace' form; prefer the <namespace>/<name> form${hint}` });
      }
      const problem = fqdnProblem(name);
      if (problem) out.push({ path: at, name, level: 'error', message: `gateway '${name}' is not a valid gateway name: ${problem}` });
      // Istio stops checking a list after its first name without a namespace; later entries are
      // accepted as they are, so reporting them would flag configuration that istiod admits.
      return;
    }
    const namespace = name.slice(0, slash);
    const gateway = name.slice(slash + 1);
    if (!namespace || !gateway) {
      out.push({ path: at, name, level: 'error', message: `gateway '${name}' must name both a namespace and a gateway: <namespace>/<name>` });
      continue;
    }
    if (!isDns1123Label(namespace)) out.push({ path: at, name, level: 'error', message: `gateway '${name}': namespace '${namespace}' is not a valid DNS label` });
    if (!isDns1123Label(gateway)) out.push({ path: at, name, level: 'error', message: `gateway '${name}': gateway name '${gateway}' is not a valid DNS label` });
  }
}

/** Findings for `spec.gateways` and the `gateways` of every http, tcp and tls match. */
export function gatewayNameFindings(spec: JsonObject): GatewayNameFinding[] {
  const out: GatewayNameFinding[] = [];
  checkList(spec.gateways, ['spec', 'gateways'], out);
  for (const section of ['http', 'tcp', 'tls'] as const) {
    list(spec[section]).forEach((route, r) => {
      list(obj(route)?.match).forEach((match, m) => {
        const gateways = obj(match)?.gateways;
        if (gateways !== undefined) checkList(gateways, ['spec', section, r, 'match', m, 'gateways'], out);
      });
    });
  }
  return out;
}
