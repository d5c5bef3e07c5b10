// `istioctl proxy-status`: the `-o json` output (one DiscoveryResponse per istiod, printed one after
// the other by istioctl/pkg/writer/pilot/status.go) and, as a fallback, the three table layouts:
// the 1.24+ default `NAME CLUSTER ISTIOD VERSION SUBSCRIBED TYPES` (no states), the verbose table
// (`--verbosity 1`: a column per type, states with ages) and the table of istioctl 1.20-1.23
// (`NAME CLUSTER CDS LDS EDS RDS ECDS ISTIOD VERSION`, an empty cell for a type not subscribed).
import type { ProxyStatusRow, ProxyStatusSummary, SyncState, XdsTypeStatus } from '../types';
import { humanDuration } from './human-duration';
import { isRecord, jsonValuesIn, str } from './json-values';

const TYPE_URL_PREFIX = 'type.googleapis.com/';
/** istioctl's short names (pkg/model/xds.go GetShortType). */
const SHORT_TYPES: Readonly<Record<string, string>> = {
  'envoy.config.cluster.v3.Cluster': 'CDS',
  'envoy.config.listener.v3.Listener': 'LDS',
  'envoy.config.endpoint.v3.ClusterLoadAssignment': 'EDS',
  'envoy.config.route.v3.RouteConfiguration': 'RDS',
  'envoy.extensions.transport_sockets.tls.v3.Secret': 'SDS',
  'envoy.config.core.v3.TypedExtensionConfig': 'ECDS',
  'istio.networking.nds.v1.NameTable': 'NDS',
  'istio.mesh.v1alpha1.ProxyConfig': 'PCDS',
  'istio.workload.Address': 'WDS',
  'istio.workload.Workload': 'WDS',
  'istio.security.Authorization': 'WADS',
};
const CORE_ORDER = ['CDS', 'LDS', 'EDS', 'RDS'];

/** The short name of a type URL: istioctl's where it has one, else the last segment of the message name. */
export function shortTypeName(typeUrl: string): string {
  const name = typeUrl.startsWith(TYPE_URL_PREFIX) ? typeUrl.slice(TYPE_URL_PREFIX.length) : typeUrl;
  return SHORT_TYPES[name] ?? name.split(/[./]/).pop() ?? name;
}

/** `now` is the moment the ages of `-o json` states are counted from (istioctl counts from when it prints). */
export function parseProxyStatus(stdout: string, now: Date = new Date()): ProxyStatusRow[] | undefined {
  const responses = jsonValuesIn(stdout, '{')
    .map((v) => v.value)
    .filter(isDiscoveryResponse);
  if (responses.length) return sortRows(responses.flatMap((r) => rowsOfResponse(r, now)));
  return parseTable(stdout);
}

export function summarizeProxyStatus(rows: readonly ProxyStatusRow[]): ProxyStatusSummary {
  const count = (state: SyncState) => rows.filter((r) => r.types.some((t) => t.state === state)).length;
  const total = rows.length;
  const stale = count('STALE');
  const staleFraction = total ? stale / total : 0;
  return { total, stale, staleFraction, warn: staleFraction > 0.05, notSent: count('NOT SENT'), errors: count('ERROR') };
}

// ---- JSON ----

/** A DiscoveryResponse of the syncz debug type; an istiod with no proxies prints an empty object. */
function isDiscoveryResponse(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 0 || (keys.every((k) => ['versionInfo', 'resources', 'canary', 'typeUrl', 'nonce', 'controlPlane', 'resourceErrors'].includes(k)) && (value.resources === undefined || Array.isArray(value.resources)));
}

function rowsOfResponse(response: Record<string, unknown>, now: Date): ProxyStatusRow[] {
  const istiod = istiodId(response.controlPlane);
  const resources = Array.isArray(response.resources) ? response.resources : [];
  return resources.filter(isRecord).flatMap((resource): ProxyStatusRow[] => {
    const node = isRecord(resource.node) ? resource.node : {};
    const meta = isRecord(node.metadata) ? node.metadata : {};
    const name = str(node.id);
    if (!name) return [];
    const dot = name.lastIndexOf('.');
    const types = Array.isArray(resource.genericXdsConfigs) ? resource.genericXdsConfigs.filter(isRecord).map((c) => typeOfGeneric(c, now)) : legacyTypes(resource.xdsConfig);
    return [
      {
        name,
        pod: dot > 0 ? name.slice(0, dot) : name,
        namespace: dot > 0 ? name.slice(dot + 1) : (str(meta.NAMESPACE) ?? ''),
        cluster: str(meta.CLUSTER_ID) ?? '',
        istiod,
        version: str(meta.ISTIO_VERSION) ?? '',
        types: sortTypes(types),
      },
    ];
  });
}

/** controlPlane.identifier is itself JSON (`{"Component":"istiod","ID":"istiod-...",...}`); istioctl shows MISSING or INVALID otherwise. */
function istiodId(controlPlane: unknown): string {
  if (!isRecord(controlPlane)) return 'MISSING';
  try {
    const id: unknown = JSON.parse(str(controlPlane.identifier) ?? '');
    return (isRecord(id) && str(id.ID)) || 'INVALID';
  } catch {
    return 'INVALID';
  }
}

function typeOfGeneric(config: Record<string, unknown>, now: Date): XdsTypeStatus {
  const type = shortTypeName(str(config.typeUrl) ?? '');
  // jsonpb leaves out an enum at its default, UNKNOWN, which istioctl shows as IGNORED.
  const state = stateOfEnum(str(config.configStatus));
  const lastUpdated = str(config.lastUpdated);
  const age = lastUpdated && state !== 'NOT SENT' && state !== 'IGNORED' ? ageOf(lastUpdated, now) : undefined;
  return { type, state, text: age ? `${state} (${age})` : state, ...(lastUpdated ? { lastUpdated } : {}) };
}

function stateOfEnum(status: string | undefined): SyncState {
  switch (status) {
    case 'SYNCED':
    case 'STALE':
    case 'ERROR':
      return status;
    case 'NOT_SENT':
      return 'NOT SENT';
    default:
      return 'IGNORED';
  }
}

function ageOf(timestamp: string, now: Date): string | undefined {
  const at = Date.parse(timestamp);
  return Number.isNaN(at) ? undefined : humanDuration(now.getTime() - at);
}

/** The deprecated per-type xdsConfig list of istiods before 1.12 (status, and which config it holds). */
function legacyTypes(xdsConfig: unknown): XdsTypeStatus[] {
  if (!Array.isArray(xdsConfig)) return [];
  const byKey: Record<string, string> = { clusterConfig: 'CDS', listenerConfig: 'LDS', endpointConfig: 'EDS', routeConfig: 'RDS' };
  return xdsConfig.filter(isRecord).flatMap((c) => {
    const key = Object.keys(c).find((k) => byKey[k]);
    if (!key) return [];
    const state = stateOfEnum(str(c.status));
    return [{ type: byKey[key], state, text: state }];
  });
}

// ---- tables ----

/** Cells are found from the header's column starts: text/tabwriter left-aligns every cell of a column there, and empty cells leave no other trace. */
function parseTable(text: string): ProxyStatusRow[] | undefined {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => /^NAME\s{2,}CLUSTER\s{2,}/.test(l));
  if (headerAt < 0) return undefined;
  const header = lines[headerAt];
  const columns = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], start: m.index! }));
  const index = (name: string) => columns.findIndex((c) => c.name === name);
  const [iName, iCluster, iIstiod, iVersion, iSubscribed] = ['NAME', 'CLUSTER', 'ISTIOD', 'VERSION', 'SUBSCRIBED TYPES'].map(index);
  if (iIstiod < 0 || iVersion < 0) return undefined;
  const typeColumns = iSubscribed < 0 ? columns.slice(iCluster + 1, iIstiod) : [];

  const rows: ProxyStatusRow[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (!line.trim()) continue;
    const cell = (i: number) => line.slice(columns[i].start, i + 1 < columns.length ? columns[i + 1].start : undefined).trim();
    const name = cell(iName);
    const dot = name.lastIndexOf('.');
    const types =
      iSubscribed >= 0
        ? subscribedTypes(cell(iSubscribed))
        : typeColumns.flatMap((column): XdsTypeStatus[] => {
            const text = cell(columns.indexOf(column));
            // Empty (1.20-1.23) or IGNORED (verbose): the proxy did not subscribe to this type.
            if (!text || text === 'IGNORED') return [];
            return [{ type: column.name.startsWith(TYPE_URL_PREFIX) ? shortTypeName(column.name) : column.name, state: stateOfCell(text), text }];
          });
    rows.push({
      name,
      pod: dot > 0 ? name.slice(0, dot) : name,
      namespace: dot > 0 ? name.slice(dot + 1) : '',
      cluster: cell(iCluster),
      istiod: cell(iIstiod),
      version: cell(iVersion),
      types: sortTypes(types),
    });
  }
  return sortRows(rows);
}

/** `5 (CDS,LDS,EDS,RDS,ECDS)` or `0`: the default table names the types but not their states. */
function subscribedTypes(cell: string): XdsTypeStatus[] {
  const list = /^\d+ \((.*)\)$/.exec(cell)?.[1];
  if (!list) return [];
  return list
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ type: t.startsWith(TYPE_URL_PREFIX) ? shortTypeName(t) : t, state: 'UNKNOWN' as const, text: 'UNKNOWN' }));
}

function stateOfCell(text: string): SyncState {
  const m = /^(SYNCED|STALE|NOT SENT|ERROR|IGNORED|UNKNOWN)(?: \(.*\))?$/.exec(text);
  return (m?.[1] as SyncState | undefined) ?? 'UNKNOWN';
}

/** CDS, LDS, EDS, RDS first, then the others by name. */
function sortTypes(types: XdsTypeStatus[]): XdsTypeStatus[] {
  const rank = (t: XdsTypeStatus) => (CORE_ORDER.includes(t.type) ? CORE_ORDER.indexOf(t.type) : CORE_ORDER.length);
  return [...types].sort((a, b) => rank(a) - rank(b) || (rank(a) === CORE_ORDER.length ? a.type.localeCompare(b.type) : 0));
}

const sortRows = (rows: ProxyStatusRow[]) => rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
