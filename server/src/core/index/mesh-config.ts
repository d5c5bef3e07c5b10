// The mesh-wide settings analyzers read. In a cluster they live in the ConfigMap `istio` (or
// `istio-<revision>`) of the Istio namespace under `data.mesh` and `data.meshNetworks`; when the
// workspace holds that ConfigMap we read it, else Istio's defaults apply.
import { parse } from 'yaml';
import { isObject, type JsonObject, type Resource } from '../model/resource';
import { stringMap } from './workloads';

export interface ExtensionProvider {
  readonly name: string;
  /** The provider's type: the one key besides `name` (`envoyFileAccessLog`, `lightstep`, …). */
  readonly type: string;
}

export interface MeshModel {
  readonly rootNamespace: string;
  readonly ingressService: string;
  readonly ingressControllerMode: string;
  readonly extensionProviders: readonly ExtensionProvider[];
  readonly defaultAccessLogProviders: readonly string[];
  readonly proxyMetadata: Readonly<Record<string, string>>;
  readonly raw: JsonObject;
  readonly meshNetworks: JsonObject;
  /** The ConfigMap it came from, when the workspace has one. */
  readonly source?: Resource;
}

export const ISTIO_NAMESPACE = 'istio-system';

const DEFAULT_PROVIDERS: ExtensionProvider[] = [
  { name: 'prometheus', type: 'prometheus' },
  { name: 'stackdriver', type: 'stackdriver' },
  { name: 'envoy', type: 'envoyFileAccessLog' },
];

function parseEmbedded(text: unknown): JsonObject {
  if (typeof text !== 'string') return {};
  try {
    const value: unknown = parse(text, { maxAliasCount: 100 });
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}

function isMeshConfigMap(resource: Resource): boolean {
  return resource.kind === 'ConfigMap' && resource.group === '' && resource.namespace === ISTIO_NAMESPACE && /^istio(-[\w.-]+)?$/.test(resource.name) && isObject(resource.value.data) && typeof resource.value.data.mesh === 'string';
}

/** Mesh settings from the workspace's `istio` ConfigMap (the unrevisioned one wins), else defaults. */
export function meshModel(configMaps: readonly Resource[]): MeshModel {
  const candidates = configMaps.filter(isMeshConfigMap).sort((a, b) => (a.name === 'istio' ? -1 : b.name === 'istio' ? 1 : a.name.localeCompare(b.name)));
  const source = candidates[0];
  const data = source && isObject(source.value.data) ? source.value.data : {};
  const raw = parseEmbedded(data.mesh);
  // Configured providers are merged over the defaults by name, as istiod merges a mesh config file.
  const configured = Array.isArray(raw.extensionProviders)
    ? raw.extensionProviders.filter(isObject).map((p) => ({ name: typeof p.name === 'string' ? p.name : '', type: Object.keys(p).find((k) => k !== 'name') ?? '' }))
    : [];
  const providers = [...DEFAULT_PROVIDERS.filter((d) => !configured.some((c) => c.name === d.name)), ...configured];
  const defaults = isObject(raw.defaultProviders) ? raw.defaultProviders : {};
  const defaultConfig = isObject(raw.defaultConfig) ? raw.defaultConfig : {};
  return {
    rootNamespace: typeof raw.rootNamespace === 'string' && raw.rootNamespace ? raw.rootNamespace : ISTIO_NAMESPACE,
    ingressService: typeof raw.ingressService === 'string' && raw.ingressService ? raw.ingressService : 'istio-ingressgateway',
    ingressControllerMode: typeof raw.ingressControllerMode === 'string' ? raw.ingressControllerMode : 'STRICT',
    extensionProviders: providers,
    defaultAccessLogProviders: Array.isArray(defaults.accessLogging) ? defaults.accessLogging.filter((p): p is string => typeof p === 'string') : [],
    proxyMetadata: stringMap(defaultConfig.proxyMetadata),
    raw,
    meshNetworks: parseEmbedded(data.meshNetworks),
    source,
  };
}
