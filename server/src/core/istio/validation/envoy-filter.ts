// EnvoyFilter patch checks (`ValidateEnvoyFilter`): required fields, proxy version regexes, and
// whether the match fits the kind of object the patch applies to.
import type { PathSegment } from '../../yaml/path';
import { re2CompileError, utf8Length } from './regex';
import { list, nonEmpty, obj, type JsonObject } from './values';

export interface EnvoyFilterFinding {
  readonly path: PathSegment[];
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly target?: 'key' | 'value';
}

const LISTENER_CLASS = new Set(['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER']);
const ROUTE_CLASS = new Set(['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE']);
const HCM = 'envoy.filters.network.http_connection_manager';

/** Deprecated Envoy filter names and their canonical replacements (`xds.DeprecatedFilterNames`). */
const DEPRECATED_FILTER_NAMES: Readonly<Record<string, string>> = {
  'envoy.buffer': 'envoy.filters.http.buffer',
  'envoy.cors': 'envoy.filters.http.cors',
  'envoy.csrf': 'envoy.filters.http.csrf',
  'envoy.http_dynamo_filter': 'envoy.filters.http.dynamo',
  'envoy.ext_authz': 'envoy.filters.http.ext_authz or envoy.filters.network.ext_authz',
  'envoy.fault': 'envoy.filters.http.fault',
  'envoy.grpc_http1_bridge': 'envoy.filters.http.grpc_http1_bridge',
  'envoy.grpc_json_transcoder': 'envoy.filters.http.grpc_json_transcoder',
  'envoy.grpc_web': 'envoy.filters.http.grpc_web',
  'envoy.gzip': 'envoy.filters.http.gzip',
  'envoy.health_check': 'envoy.filters.http.health_check',
  'envoy.ip_tagging': 'envoy.filters.http.ip_tagging',
  'envoy.lua': 'envoy.filters.http.lua',
  'envoy.rate_limit': 'envoy.filters.http.ratelimit',
  'envoy.router': 'envoy.filters.http.router',
  'envoy.squash': 'envoy.filters.http.squash',
  'envoy.listener.http_inspector': 'envoy.filters.listener.http_inspector',
  'envoy.listener.original_dst': 'envoy.filters.listener.original_dst',
  'envoy.listener.original_src': 'envoy.filters.listener.original_src',
  'envoy.listener.proxy_protocol': 'envoy.filters.listener.proxy_protocol',
  'envoy.listener.tls_inspector': 'envoy.filters.listener.tls_inspector',
  'envoy.client_ssl_auth': 'envoy.filters.network.client_ssl_auth',
  'envoy.http_connection_manager': HCM,
  'envoy.mongo_proxy': 'envoy.filters.network.mongo_proxy',
  'envoy.ratelimit': 'envoy.filters.network.ratelimit',
  'envoy.redis_proxy': 'envoy.filters.network.redis_proxy',
  'envoy.tcp_proxy': 'envoy.filters.network.tcp_proxy',
};

function deprecatedName(name: unknown, path: PathSegment[], out: EnvoyFilterFinding[]): void {
  if (typeof name !== 'string') return;
  const replacement = DEPRECATED_FILTER_NAMES[name];
  if (replacement) out.push({ path, level: 'warning', message: `filter name '${name}' is deprecated; use '${replacement}'` });
}

function checkPatch(cp: JsonObject, path: PathSegment[], out: EnvoyFilterFinding[]): void {
  const applyTo = typeof cp.applyTo === 'string' ? cp.applyTo : 'INVALID';
  if (applyTo === 'INVALID') {
    out.push({ path: cp.applyTo === undefined ? path : [...path, 'applyTo'], level: 'error', message: "the patch needs 'applyTo': the kind of Envoy object it changes" });
    return;
  }
  const patch = obj(cp.patch);
  if (!patch) {
    out.push({ path, level: 'error', message: "the config patch needs a 'patch' with an operation and a value" });
    return;
  }
  const operation = typeof patch.operation === 'string' ? patch.operation : 'INVALID';
  if (operation === 'INVALID') {
    out.push({ path: [...path, 'patch'], level: 'error', target: 'key', message: "the patch needs an 'operation' (MERGE, ADD, REMOVE, INSERT_BEFORE, ...)" });
    return;
  }
  if (operation !== 'REMOVE' && patch.value == null) {
    out.push({ path: [...path, 'patch'], level: 'error', target: 'key', message: `a ${operation} patch needs a 'value'` });
    return;
  }
  const match = obj(cp.match);
  const proxyVersion = obj(match?.proxy)?.proxyVersion;
  if (nonEmpty(proxyVersion)) {
    const at = [...path, 'match', 'proxy', 'proxyVersion'];
    if (utf8Length(proxyVersion) > 1024) out.push({ path: at, level: 'warning', message: 'the proxyVersion regex is longer than 1024 bytes' });
    const error = re2CompileError(proxyVersion);
    if (error) {
      out.push({ path: at, level: 'error', message: `proxyVersion is not a valid RE2 regex: ${error}` });
      return;
    }
  }
  if (!match) return;
  const typed = match.listener != null || match.routeConfiguration != null || match.cluster != null || match.waypoint != null;
  if (LISTENER_CLASS.has(applyTo) && typed) {
    const listener = obj(match.listener);
    if (!listener) {
      out.push({ path: [...path, 'match'], level: 'error', target: 'key', message: `applyTo ${applyTo} changes listeners, so the match must be a 'listener' match` });
      return;
    }
    const filter = obj(obj(listener.filterChain)?.filter);
    if (!filter) return;
    const filterPath = [...path, 'match', 'listener', 'filterChain', 'filter'];
    if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') {
      out.push({ path: filterPath, level: 'warning', target: 'key', message: `a filter match has no effect with applyTo ${applyTo}` });
    }
    if (!nonEmpty(filter.name)) {
      out.push({ path: filterPath, level: 'error', target: 'key', message: 'the filter match needs the name of the filter to match' });
      return;
    }
    const sub = obj(filter.subFilter);
    if (filter.subFilter != null) {
      if (applyTo !== 'HTTP_FILTER') {
        out.push({ path: [...filterPath, 'subFilter'], level: 'error', target: 'key', message: 'a subFilter match can only be used with applyTo HTTP_FILTER' });
        return;
      }
      if (filter.name !== HCM && filter.name !== 'envoy.http_connection_manager') {
        out.push({ path: [...filterPath, 'name'], level: 'error', message: `a subFilter match needs the filter match to be ${HCM}` });
        return;
      }
      if (!nonEmpty(sub?.name)) {
        out.push({ path: [...filterPath, 'subFilter'], level: 'error', target: 'key', message: 'the subFilter match needs the name of the HTTP filter to match' });
        return;
      }
    }
    deprecatedName(filter.name, [...filterPath, 'name'], out);
    deprecatedName(sub?.name, [...filterPath, 'subFilter', 'name'], out);
  } else if (ROUTE_CLASS.has(applyTo) && typed && match.routeConfiguration == null) {
    out.push({ path: [...path, 'match'], level: 'error', target: 'key', message: `applyTo ${applyTo} changes routes, so the match must be a 'routeConfiguration' match` });
  } else if (applyTo === 'CLUSTER' && typed && match.cluster == null) {
    out.push({ path: [...path, 'match'], level: 'error', target: 'key', message: "applyTo CLUSTER changes clusters, so the match must be a 'cluster' match" });
  }
}

export function envoyFilterFindings(spec: JsonObject): EnvoyFilterFinding[] {
  const out: EnvoyFilterFinding[] = [];
  list(spec.configPatches).forEach((item, i) => {
    const cp = obj(item);
    if (cp) checkPatch(cp, ['spec', 'configPatches', i], out);
  });
  return out;
}
