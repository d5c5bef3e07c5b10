// Where our CLI deliberately differs from `istioctl analyze` on the same files, each with its reason
// (docs/istioctl-differences.md explains them for users). Rules, not lists of instances: each names
// the istioctl messages it explains; the differential test fails when a rule explains nothing, so the
// list stays true.
import type { IstioctlMessage } from './differential';

export interface DifferenceContext {
  /** `case 39 virtualServiceGateways` or `samples/mistakes`. */
  readonly input: string;
  /** Every message istioctl gave for the input. */
  readonly all: readonly IstioctlMessage[];
}

export interface Difference {
  readonly id: string;
  readonly reason: string;
  readonly applies: (message: IstioctlMessage, context: DifferenceContext) => boolean;
}

/** `Referenced gateway not found: "x"` → x. */
function missingGateway(message: IstioctlMessage): string | undefined {
  return message.code === 'IST0101' ? /^Referenced gateway not found: "(.*)"$/.exec(message.message)?.[1] : undefined;
}

/** istioctl messages we do not give at all. */
export const NOT_OURS: readonly Difference[] = [
  {
    id: 'missing-gateway-once',
    reason:
      'a VirtualService bound to a Gateway that does not exist gets one error (IST0101), not also IST0132 "host not found in Gateway" for a Gateway that is not there',
    applies: (message, { all }) => {
      if (message.code !== 'IST0132') return false;
      const gateway = /not found in Gateway (\S+?)\.?$/.exec(message.message)?.[1];
      return all.some((m) => m.origin === message.origin && missingGateway(m) !== undefined && gateway?.endsWith(missingGateway(m)?.split('/').pop() ?? '\0'));
    },
  },
  {
    id: 'gateway-api-gateways',
    reason:
      'a VirtualService may name a Gateway API Gateway (`ns/name`); istiod binds it to the Gateway it generates, and istioctl\'s own test of this case expects no IST0101, but istioctl\'s file mode does not generate those Gateways and reports them not found (and their hosts not served)',
    applies: (message, { input }) => input === 'case 40 virtualServiceKubernetesGateways' && (missingGateway(message) === 'default/my-gateway' || (message.code === 'IST0132' && message.origin === 'VirtualService default/my-vs')),
  },
  {
    id: 'no-istio-no-kubernetes-checks',
    reason:
      'a workspace without any Istio configuration gets no Kubernetes checks (a repository of Gateway API CRDs is not necessarily an Istio one); istioctl checks the Gateway API CRD versions of any input',
    applies: (message, { input }) => input === 'case 92 GatewayAPICRDVersionBelowMinimum' && message.code === 'IST0176',
  },
];

/** istioctl messages we give on another line of the same resource, because we point at a more precise field. */
export const OTHER_LINE: readonly Difference[] = [
  {
    id: 'subset-field',
    reason: 'an unknown subset is marked on the `subset` field; istioctl marks the `host` of the same destination',
    applies: (message) => message.code === 'IST0101' && /^Referenced (host|mirror)\+subset in destinationrule not found/.test(message.message),
  },
];
