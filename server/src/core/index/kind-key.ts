// One string per kind of object the index holds. Istio kinds and the Kubernetes built-in groups are
// keyed by their bare kind (`VirtualService`, `Service`, `Deployment`); every other group is written
// `Kind.group`, so the Gateway API's `Gateway` (`Gateway.gateway.networking.k8s.io`) never collides
// with Istio's `Gateway`.
import { isIstioGroup } from '../model/kinds';

const BUILT_IN_GROUPS = new Set(['', 'v1', 'apps', 'batch', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'rbac.authorization.k8s.io', 'policy', 'networking.k8s.io']);

export type KindKey = string;

export const GATEWAY_API_GATEWAY: KindKey = 'Gateway.gateway.networking.k8s.io';

export function kindKey(group: string, kind: string): KindKey {
  return isIstioGroup(group) || BUILT_IN_GROUPS.has(group) ? kind : `${kind}.${group}`;
}
