// Every analyzer, sorted by code. Settings filter this list; nothing is added conditionally.
import type { AnalyzerMeta, ResourceAnalyzer, WorkspaceAnalyzer } from './framework';
import { serviceEntryAddressesRequired } from './service-entry/service-entry-addresses-required';
import { unmatchedGatewaySelector } from './gateway/unmatched-gateway-selector';
import { unknownGatewayCredential } from './gateway/unknown-gateway-credential';
import { invalidGatewayCredential } from './gateway/invalid-gateway-credential';
import { conflictingGateways } from './gateway/conflicting-gateways';
import { duplicateGatewayCertificate } from './gateway/duplicate-gateway-certificate';
import { gatewayPortNotOnService } from './gateway/gateway-port-not-on-service';
import { unmatchedSidecarSelector } from './sidecar/unmatched-sidecar-selector';
import { conflictingSidecarSelectors } from './sidecar/conflicting-sidecar-selectors';
import { multipleDefaultSidecars } from './sidecar/multiple-default-sidecars';
import { ineffectiveSidecarInAmbient } from './sidecar/ineffective-sidecar-in-ambient';
import { unmatchedTelemetrySelector } from './telemetry/unmatched-telemetry-selector';
import { conflictingTelemetrySelectors } from './telemetry/conflicting-telemetry-selectors';
import { multipleDefaultTelemetries } from './telemetry/multiple-default-telemetries';
import { accessLoggingWithoutProvider } from './telemetry/access-logging-without-provider';
import { lightstepTracingProvider } from './telemetry/lightstep-tracing-provider';
import { unmatchedAuthorizationPolicy } from './security/unmatched-authorization-policy';
import { unknownSourceNamespace } from './security/unknown-source-namespace';
import { unknownSourcePrincipal } from './security/unknown-source-principal';
import { ineffectivePolicySelector } from './security/ineffective-policy-selector';
import { unrestrictedJwksFetch } from './security/unrestricted-jwks-fetch';
import { unknownPolicyTarget } from './security/unknown-policy-target';
import { relativeEnvoyFilterOperation } from './telemetry/relative-envoy-filter-operation';
import { invalidEnvoyFilterReplace } from './telemetry/invalid-envoy-filter-replace';
import { ignoredEnvoyFilterAdd } from './telemetry/ignored-envoy-filter-add';
import { ignoredEnvoyFilterRemove } from './telemetry/ignored-envoy-filter-remove';
import { relativeEnvoyFilterWithProxyVersion } from './telemetry/relative-envoy-filter-with-proxy-version';
import { conflictingMeshHosts } from './virtual-service/conflicting-mesh-hosts';
import { conflictingServiceEntryProtocol } from './service-entry/conflicting-service-entry-protocol';
import { destinationPortRequired } from './virtual-service/destination-port-required';
import { duplicateDestinationRuleHost } from './destination-rule/duplicate-destination-rule-host';
import { externalHostWithoutServiceEntry } from './virtual-service/external-host-without-service-entry';
import { gatewayHostMismatch } from './virtual-service/gateway-host-mismatch';
import { ingressBypassesSubsetRouting } from './virtual-service/ingress-bypasses-subset-routing';
import { internalGatewayReference } from './virtual-service/internal-gateway-reference';
import { jwtClaimRouteWithoutRequestAuthentication } from './virtual-service/jwt-claim-route-without-request-authentication';
import { portServerCertificateNotVerified } from './destination-rule/port-server-certificate-not-verified';
import { serverCertificateNotVerified } from './destination-rule/server-certificate-not-verified';
import { subsetSelectsNoWorkloads } from './destination-rule/subset-selects-no-workloads';
import { unknownDelegate } from './virtual-service/unknown-delegate';
import { unknownDestinationHost } from './virtual-service/unknown-destination-host';
import { unknownDestinationPort } from './virtual-service/unknown-destination-port';
import { unknownDestinationRuleHost } from './destination-rule/unknown-destination-rule-host';
import { unknownSubset } from './virtual-service/unknown-subset';
import { unusedSubset } from './destination-rule/unused-subset';
import { alphaAnnotation } from './kubernetes/alpha-annotation';
import { autoImageWithoutInjection } from './kubernetes/auto-image-without-injection';
import { conflictingTargetPort } from './kubernetes/conflicting-target-port';
import { deprecatedAnnotation } from './kubernetes/deprecated-annotation';
import { invalidAnnotationValue } from './kubernetes/invalid-annotation-value';
import { invalidExternalNamePort } from './kubernetes/invalid-external-name-port';
import { invalidWebhookUrl } from './kubernetes/invalid-webhook-url';
import { misplacedAnnotation } from './kubernetes/misplaced-annotation';
import { multipleInjectionLabels } from './kubernetes/multiple-injection-labels';
import { namespaceInjectedByDefault } from './kubernetes/namespace-injected-by-default';
import { namespaceNotInjected } from './kubernetes/namespace-not-injected';
import { negativeConditionStatus } from './kubernetes/negative-condition-status';
import { outdatedGatewayApiCrd } from './kubernetes/outdated-gateway-api-crd';
import { overlappingInjectionWebhooks } from './kubernetes/overlapping-injection-webhooks';
import { podMissingSidecar } from './kubernetes/pod-missing-sidecar';
import { portNameWithoutProtocol } from './kubernetes/port-name-without-protocol';
import { reservedProxyUid } from './kubernetes/reserved-proxy-uid';
import { serviceProtocolConflict } from './kubernetes/service-protocol-conflict';
import { staleProxyImage } from './kubernetes/stale-proxy-image';
import { uninjectedAutoImage } from './kubernetes/uninjected-auto-image';
import { unknownAnnotation } from './kubernetes/unknown-annotation';
import { unknownMeshNetworksRegistry } from './kubernetes/unknown-mesh-networks-registry';
import { unknownWebhookService } from './kubernetes/unknown-webhook-service';
import { webhookIpAddress } from './kubernetes/webhook-ip-address';
import { abortWithoutErrorType } from './virtual-service/abort-without-error-type';
import { ambiguousTcpServiceEntry } from './service-entry/ambiguous-tcp-service-entry';
import { celRuleViolation } from './schema/cel-rule-violation';
import { conflictingAuthorityRewrite } from './virtual-service/conflicting-authority-rewrite';
import { denyPolicyWithHttpOnlyRule } from './security/deny-policy-with-http-only-rule';
import { deprecatedApiVersion } from './deprecation/deprecated-api-version';
import { deprecatedField } from './deprecation/deprecated-field';
import { duplicateServerPortName } from './gateway/duplicate-server-port-name';
import { duplicateVirtualServiceHost } from './virtual-service/duplicate-virtual-service-host';
import { duplicateWasmEnv } from './telemetry/duplicate-wasm-env';
import { emptySidecar } from './sidecar/empty-sidecar';
import { emptyWorkloadSelector } from './generic/empty-workload-selector';
import { envoyFilterUsage } from './telemetry/envoy-filter-usage';
import { failoverWithoutOutlierDetection } from './destination-rule/failover-without-outlier-detection';
import { ignoredServerTlsSetting } from './gateway/ignored-server-tls-setting';
import { ignoredSidecarSetting } from './sidecar/ignored-sidecar-setting';
import { ignoredTelemetrySetting } from './telemetry/ignored-telemetry-setting';
import { ineffectiveEnvoyFilterMatch } from './telemetry/ineffective-envoy-filter-match';
import { ineffectiveMatch } from './virtual-service/ineffective-match';
import { internalAnnotation } from './generic/internal-annotation';
import { invalidAuthorizationPolicy } from './security/invalid-authorization-policy';
import { invalidClientTls } from './destination-rule/invalid-client-tls';
import { invalidConnectionPool } from './destination-rule/invalid-connection-pool';
import { invalidCorsPolicy } from './virtual-service/invalid-cors-policy';
import { invalidDelegateVirtualService } from './virtual-service/invalid-delegate-virtual-service';
import { invalidDestination } from './virtual-service/invalid-destination';
import { invalidDestinationRuleHost } from './destination-rule/invalid-destination-rule-host';
import { invalidDirectResponse } from './virtual-service/invalid-direct-response';
import { invalidDryRunAnnotation } from './generic/invalid-dry-run-annotation';
import { invalidDuration } from './generic/invalid-duration';
import { invalidEnvoyFilterPatch } from './telemetry/invalid-envoy-filter-patch';
import { invalidExportTo } from './generic/invalid-export-to';
import { invalidFaultInjection } from './virtual-service/invalid-fault-injection';
import { invalidFieldValue } from './schema/invalid-field-value';
import { invalidGatewayName } from './gateway/invalid-gateway-name';
import { invalidGatewayReference } from './virtual-service/invalid-gateway-reference';
import { invalidHeaderOperation } from './virtual-service/invalid-header-operation';
import { invalidHttpRouteAction } from './virtual-service/invalid-http-route-action';
import { invalidJwtRule } from './security/invalid-jwt-rule';
import { invalidLabel } from './generic/invalid-label';
import { invalidLoadBalancer } from './destination-rule/invalid-load-balancer';
import { invalidMatchHeader } from './virtual-service/invalid-match-header';
import { invalidMirror } from './virtual-service/invalid-mirror';
import { invalidOutboundTrafficPolicy } from './sidecar/invalid-outbound-traffic-policy';
import { invalidOutlierDetection } from './destination-rule/invalid-outlier-detection';
import { invalidRedirect } from './virtual-service/invalid-redirect';
import { invalidRetryPolicy } from './virtual-service/invalid-retry-policy';
import { invalidRewrite } from './virtual-service/invalid-rewrite';
import { invalidRouteMatch } from './virtual-service/invalid-route-match';
import { invalidServerHost } from './gateway/invalid-server-host';
import { invalidServerPort } from './gateway/invalid-server-port';
import { invalidServerTls } from './gateway/invalid-server-tls';
import { invalidServiceEntryAddress } from './service-entry/invalid-service-entry-address';
import { invalidServiceEntryHost } from './service-entry/invalid-service-entry-host';
import { invalidServiceEntryPort } from './service-entry/invalid-service-entry-port';
import { invalidServiceEntryResolution } from './service-entry/invalid-service-entry-resolution';
import { invalidSidecarEgress } from './sidecar/invalid-sidecar-egress';
import { invalidSidecarIngress } from './sidecar/invalid-sidecar-ingress';
import { invalidStringMatch } from './virtual-service/invalid-string-match';
import { invalidSubset } from './destination-rule/invalid-subset';
import { invalidTargetRef } from './security/invalid-target-ref';
import { invalidTelemetry } from './telemetry/invalid-telemetry';
import { invalidTlsRoute } from './virtual-service/invalid-tls-route';
import { invalidTrafficPolicy } from './destination-rule/invalid-traffic-policy';
import { invalidVirtualServiceHost } from './virtual-service/invalid-virtual-service-host';
import { jwtClaimRouteWithoutGateway } from './virtual-service/jwt-claim-route-without-gateway';
import { largeDirectResponseBody } from './virtual-service/large-direct-response-body';
import { legacyGatewayReference } from './virtual-service/legacy-gateway-reference';
import { missingGatewayServers } from './gateway/missing-gateway-servers';
import { missingRequiredField } from './schema/missing-required-field';
import { missingResourceName } from './schema/missing-resource-name';
import { missingRouteRules } from './virtual-service/missing-route-rules';
import { multipleHostsWithTcpPort } from './service-entry/multiple-hosts-with-tcp-port';
import { overlappingSidecarEgressHost } from './sidecar/overlapping-sidecar-egress-host';
import { partialWildcardServiceEntryHost } from './service-entry/partial-wildcard-service-entry-host';
import { privateKeyInJwks } from './security/private-key-in-jwks';
import { selectorWithResolutionNone } from './service-entry/selector-with-resolution-none';
import { sniHostIpAddress } from './virtual-service/sni-host-ip-address';
import { unknownGateway } from './virtual-service/unknown-gateway';
import { unknownField } from './schema/unknown-field';
import { unknownIstioKind } from './schema/unknown-istio-kind';
import { unreachableRule } from './virtual-service/unreachable-rule';
import { yamlSyntaxError } from './schema/yaml-syntax-error';

/** Analyzers that run on one resource at a time. */
export const RESOURCE_ANALYZERS: readonly ResourceAnalyzer[] = [
  invalidEnvoyFilterReplace,
  ignoredEnvoyFilterAdd,
  ignoredEnvoyFilterRemove,
  internalGatewayReference,
  serverCertificateNotVerified,
  portServerCertificateNotVerified,
  unknownField,
  invalidFieldValue,
  missingRequiredField,
  celRuleViolation,
  deprecatedApiVersion,
  deprecatedField,
  unknownIstioKind,
  missingResourceName,
  invalidDryRunAnnotation,
  internalAnnotation,
  invalidExportTo,
  invalidDuration,
  invalidLabel,
  emptyWorkloadSelector,
  invalidDelegateVirtualService,
  invalidVirtualServiceHost,
  duplicateVirtualServiceHost,
  missingRouteRules,
  invalidGatewayReference,
  legacyGatewayReference,
  invalidHttpRouteAction,
  invalidMirror,
  invalidDestination,
  invalidStringMatch,
  invalidMatchHeader,
  jwtClaimRouteWithoutGateway,
  invalidHeaderOperation,
  conflictingAuthorityRewrite,
  invalidRedirect,
  invalidRewrite,
  invalidDirectResponse,
  largeDirectResponseBody,
  invalidFaultInjection,
  abortWithoutErrorType,
  invalidRetryPolicy,
  invalidCorsPolicy,
  invalidTlsRoute,
  sniHostIpAddress,
  invalidRouteMatch,
  unreachableRule,
  ineffectiveMatch,
  invalidDestinationRuleHost,
  invalidSubset,
  invalidTrafficPolicy,
  invalidConnectionPool,
  invalidOutlierDetection,
  invalidLoadBalancer,
  failoverWithoutOutlierDetection,
  invalidClientTls,
  invalidGatewayName,
  missingGatewayServers,
  invalidServerHost,
  invalidServerPort,
  duplicateServerPortName,
  invalidServerTls,
  ignoredServerTlsSetting,
  invalidServiceEntryHost,
  partialWildcardServiceEntryHost,
  invalidServiceEntryAddress,
  invalidServiceEntryPort,
  invalidServiceEntryResolution,
  selectorWithResolutionNone,
  multipleHostsWithTcpPort,
  ambiguousTcpServiceEntry,
  emptySidecar,
  invalidSidecarIngress,
  invalidSidecarEgress,
  overlappingSidecarEgressHost,
  ignoredSidecarSetting,
  invalidOutboundTrafficPolicy,
  invalidTargetRef,
  invalidAuthorizationPolicy,
  denyPolicyWithHttpOnlyRule,
  invalidJwtRule,
  privateKeyInJwks,
  invalidTelemetry,
  ignoredTelemetrySetting,
  duplicateWasmEnv,
  envoyFilterUsage,
  invalidEnvoyFilterPatch,
  ineffectiveEnvoyFilterMatch,
];

/** Cross-resource analyzers: they read the workspace index as well as their subject resource. */
export const WORKSPACE_ANALYZERS: readonly WorkspaceAnalyzer[] = [
  serviceEntryAddressesRequired,
  unmatchedGatewaySelector,
  unknownGatewayCredential,
  invalidGatewayCredential,
  conflictingGateways,
  duplicateGatewayCertificate,
  gatewayPortNotOnService,
  unmatchedSidecarSelector,
  conflictingSidecarSelectors,
  multipleDefaultSidecars,
  ineffectiveSidecarInAmbient,
  unmatchedTelemetrySelector,
  conflictingTelemetrySelectors,
  multipleDefaultTelemetries,
  accessLoggingWithoutProvider,
  lightstepTracingProvider,
  unmatchedAuthorizationPolicy,
  unknownSourceNamespace,
  unknownSourcePrincipal,
  ineffectivePolicySelector,
  unrestrictedJwksFetch,
  unknownPolicyTarget,
  relativeEnvoyFilterOperation,
  relativeEnvoyFilterWithProxyVersion,
  unknownDestinationHost,
  unknownSubset,
  unknownDestinationPort,
  destinationPortRequired,
  gatewayHostMismatch,
  conflictingMeshHosts,
  ingressBypassesSubsetRouting,
  unknownDelegate,
  unusedSubset,
  duplicateDestinationRuleHost,
  externalHostWithoutServiceEntry,
  unknownDestinationRuleHost,
  subsetSelectsNoWorkloads,
  jwtClaimRouteWithoutRequestAuthentication,
  conflictingServiceEntryProtocol,
  portNameWithoutProtocol,
  invalidExternalNamePort,
  namespaceNotInjected,
  podMissingSidecar,
  multipleInjectionLabels,
  namespaceInjectedByDefault,
  misplacedAnnotation,
  unknownAnnotation,
  invalidAnnotationValue,
  deprecatedAnnotation,
  alphaAnnotation,
  reservedProxyUid,
  serviceProtocolConflict,
  conflictingTargetPort,
  autoImageWithoutInjection,
  uninjectedAutoImage,
  staleProxyImage,
  overlappingInjectionWebhooks,
  unknownWebhookService,
  invalidWebhookUrl,
  webhookIpAddress,
  outdatedGatewayApiCrd,
  negativeConditionStatus,
  unknownMeshNetworksRegistry,
  unknownGateway,
];

/** Metadata of every analyzer, sorted by code: docs, settings and `--list-analyzers` read this. */
export const ALL_ANALYZERS: readonly AnalyzerMeta[] = [yamlSyntaxError.meta, ...RESOURCE_ANALYZERS.map((a) => a.meta), ...WORKSPACE_ANALYZERS.map((a) => a.meta)].sort((a, b) =>
  a.code.localeCompare(b.code),
);

export const SYNTAX_ANALYZER = yamlSyntaxError.meta;
