// Which of our analyzers (by name) correspond to each istioctl analyzer (by its metadata name, what
// `istioctl analyze --analyzer` takes). A conformance case runs only the analyzers mapped to its
// istioctl analyzer; a case whose analyzer maps to nothing fails.
import { ALL_ANALYZERS } from '../../server/src/core/analysis';

/**
 * istioctl's `schema.ValidationAnalyzer.<Kind>` runs the admission webhook's validation of one kind:
 * IST0106 for errors, IST0133 for warnings, and IST0130/IST0131 for unreachable rules and ineffective
 * matches of a VirtualService. Ours are the schema and admission analyzers that check that kind.
 */
function validationAnalyzers(kind: string): string[] {
  return ALL_ANALYZERS.filter(
    (a) => (a.category === 'schema' || a.category === 'admission') && !!a.istioctl && (a.inputs.includes(kind) || a.inputs.includes('*')),
  ).map((a) => a.name);
}

export const ANALYZER_MAP: Readonly<Record<string, readonly string[]>> = {
  'annotations.K8sAnalyzer': ['misplaced-annotation', 'unknown-annotation', 'invalid-annotation-value', 'deprecated-annotation'],
  'annotations.AlphaAnalyzer': ['alpha-annotation'],
  'auth.AuthorizationPoliciesAnalyzer': ['unmatched-authorization-policy', 'unknown-source-namespace'],
  'authn.BlockedCIDRsAnalyzer': ['unrestricted-jwks-fetch'],
  'applicationUID.Analyzer': ['reserved-proxy-uid'],
  'conditions.ConditionAnalyzer': ['negative-condition-status'],
  'deployment.MultiServiceAnalyzer': ['service-protocol-conflict', 'conflicting-target-port'],
  'deprecation.DeprecationAnalyzer': ['deprecated-field'],
  'destinationrule.CaCertificateAnalyzer': ['server-certificate-not-verified', 'port-server-certificate-not-verified'],
  'destinationrule.SubsetSelectPodAnalyzer': ['unknown-destination-rule-host', 'subset-selects-no-workloads'],
  'envoyfilter.EnvoyPatchAnalyzer': [
    'relative-envoy-filter-operation',
    'invalid-envoy-filter-replace',
    'ignored-envoy-filter-add',
    'ignored-envoy-filter-remove',
    'relative-envoy-filter-with-proxy-version',
  ],
  'externalcontrolplane.ExternalControlPlaneAnalyzer': ['invalid-webhook-url', 'webhook-ip-address'],
  'gateway.CertificateAnalyzer': ['duplicate-gateway-certificate'],
  // IST0101 for a selector that matches nothing comes from our one selector analyzer in all three gateway cases.
  'gateway.ConflictingGatewayAnalyzer': ['conflicting-gateways', 'unmatched-gateway-selector'],
  'gateway.IngressGatewayPortAnalyzer': ['gateway-port-not-on-service', 'unmatched-gateway-selector'],
  'gateway.SecretAnalyzer': ['unknown-gateway-credential', 'invalid-gateway-credential', 'unmatched-gateway-selector'],
  'injection.Analyzer': ['namespace-not-injected', 'pod-missing-sidecar', 'multiple-injection-labels', 'namespace-injected-by-default'],
  'injection.ImageAnalyzer': ['stale-proxy-image'],
  'injection.ImageAutoAnalyzer': ['auto-image-without-injection', 'uninjected-auto-image'],
  'k8sgateway.CRDVersionAnalyzer': ['outdated-gateway-api-crd'],
  'k8sgateway.SelectorAnalyzer': ['ineffective-policy-selector'],
  'meshnetworks.MeshNetworksAnalyzer': ['unknown-mesh-networks-registry'],
  'schema.ValidationAnalyzer.VirtualService': validationAnalyzers('VirtualService'),
  'service.PortNameAnalyzer': ['port-name-without-protocol', 'invalid-external-name-port'],
  'serviceentry.Analyzer': ['service-entry-addresses-required'],
  'serviceentry.ConflictingServiceEntryProtocolAnalyzer': ['conflicting-service-entry-protocol'],
  'sidecar.SelectorAnalyzer': ['unmatched-sidecar-selector', 'conflicting-sidecar-selectors', 'multiple-default-sidecars', 'ineffective-sidecar-in-ambient'],
  'telemetry.DefaultSelectorAnalyzer': ['multiple-default-telemetries'],
  'telemetry.LightstepAnalyzer': ['lightstep-tracing-provider'],
  'telemetry.ProviderAnalyzer': ['access-logging-without-provider'],
  'telemetry.SelectorAnalyzer': ['unmatched-telemetry-selector', 'conflicting-telemetry-selectors'],
  'virtualservice.ConflictingMeshGatewayHostsAnalyzer': ['conflicting-mesh-hosts'],
  'virtualservice.DestinationHostAnalyzer': ['unknown-destination-host', 'unknown-destination-port', 'destination-port-required', 'ingress-bypasses-subset-routing'],
  'virtualservice.DestinationRuleAnalyzer': ['unknown-subset'],
  'virtualservice.GatewayAnalyzer': ['unknown-gateway', 'gateway-host-mismatch', 'internal-gateway-reference'],
  'virtualservice.JWTClaimRouteAnalyzer': ['jwt-claim-route-without-request-authentication'],
  'webhook.Analyzer': ['overlapping-injection-webhooks', 'unknown-webhook-service'],
};
