// The Istio kinds we know, from the generated schemas/ (one JSON Schema per kind, all served versions).
import authorizationPolicy from '../../../../schemas/authorizationpolicy.json';
import destinationRule from '../../../../schemas/destinationrule.json';
import envoyFilter from '../../../../schemas/envoyfilter.json';
import gateway from '../../../../schemas/gateway.json';
import peerAuthentication from '../../../../schemas/peerauthentication.json';
import proxyConfig from '../../../../schemas/proxyconfig.json';
import requestAuthentication from '../../../../schemas/requestauthentication.json';
import serviceEntry from '../../../../schemas/serviceentry.json';
import sidecar from '../../../../schemas/sidecar.json';
import telemetry from '../../../../schemas/telemetry.json';
import trafficExtension from '../../../../schemas/trafficextension.json';
import virtualService from '../../../../schemas/virtualservice.json';
import wasmPlugin from '../../../../schemas/wasmplugin.json';
import workloadEntry from '../../../../schemas/workloadentry.json';
import workloadGroup from '../../../../schemas/workloadgroup.json';

export interface KindVersion {
  readonly name: string;
  readonly storage: boolean;
  readonly deprecated: boolean;
}

export type JsonSchema = Readonly<Record<string, unknown>>;

export interface IstioKind {
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly shortNames: readonly string[];
  readonly versions: readonly KindVersion[];
  /** The version people should write: `v1` where it exists, else the storage version. */
  readonly preferredVersion: string;
  readonly schema: JsonSchema;
}

interface GeneratedKind {
  group: string;
  kind: string;
  plural: string;
  shortNames: string[];
  versions: KindVersion[];
  schema: unknown;
}

const generated: GeneratedKind[] = [
  authorizationPolicy, destinationRule, envoyFilter, gateway, peerAuthentication, proxyConfig,
  requestAuthentication, serviceEntry, sidecar, telemetry, trafficExtension, virtualService,
  wasmPlugin, workloadEntry, workloadGroup,
] as GeneratedKind[];

export const ISTIO_KINDS: readonly IstioKind[] = generated.map((k) => ({
  group: k.group,
  kind: k.kind,
  plural: k.plural,
  shortNames: k.shortNames,
  versions: k.versions,
  preferredVersion: k.versions.some((v) => v.name === 'v1') ? 'v1' : (k.versions.find((v) => v.storage) ?? k.versions[0]).name,
  schema: k.schema as JsonSchema,
}));

const byGroupKind = new Map(ISTIO_KINDS.map((k) => [`${k.group}/${k.kind}`, k]));

export function findIstioKind(group: string, kind: string): IstioKind | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}

export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Istio's API groups all end in `.istio.io` (networking, security, telemetry, extensions). */
export function isIstioGroup(group: string): boolean {
  return group.endsWith('.istio.io');
}

/** The Istio reference page for a kind, shown in hovers. */
export function referenceUrl(kind: IstioKind): string {
  const page: Record<string, string> = {
    VirtualService: 'networking/virtual-service',
    DestinationRule: 'networking/destination-rule',
    Gateway: 'networking/gateway',
    ServiceEntry: 'networking/service-entry',
    Sidecar: 'networking/sidecar',
    WorkloadEntry: 'networking/workload-entry',
    WorkloadGroup: 'networking/workload-group',
    EnvoyFilter: 'networking/envoy-filter',
    ProxyConfig: 'networking/proxy-config',
    AuthorizationPolicy: 'security/authorization-policy',
    PeerAuthentication: 'security/peer_authentication',
    RequestAuthentication: 'security/request_authentication',
    Telemetry: 'telemetry',
    WasmPlugin: 'proxy_extensions/wasm-plugin',
    TrafficExtension: 'proxy_extensions/traffic_extension',
  };
  return `https://istio.io/latest/docs/reference/config/${page[kind.kind] ?? ''}/`;
}
