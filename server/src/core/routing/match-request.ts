// Does a request satisfy one match block of a rule? Istio's semantics: every condition of a block
// must hold; StringMatch is exact, prefix or an RE2 regex that must match the whole value (Envoy's
// safe_regex); an empty StringMatch tests presence. Each failed condition comes back as a reason.
import { RE2JS } from 're2js';
import { parseGatewayName } from '../index/resolve-gateway';
import { labelsMatch, stringMap } from '../index/workloads';
import { isObject, type JsonObject } from '../model/resource';
import { hostSubsetOf } from '../index/hosts';
import { stringMatchText } from './text';

/** A request as the matcher sees it: lower-case header names, path split from the query. */
export interface NormalRequest {
  readonly host: string;
  /** The host as written, for `authority` and SNI. */
  readonly authority: string;
  readonly path: string;
  readonly query: ReadonlyMap<string, string>;
  readonly method: string;
  readonly scheme: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly port?: number;
  readonly sourceLabels: Readonly<Record<string, string>>;
  readonly sourceNamespace: string;
  /** `mesh` or `ns/name`. */
  readonly gateway: string;
}

const regexCache = new Map<string, RE2JS | null>();

function compile(pattern: string): RE2JS | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

/** Whether `value` satisfies a StringMatch; `undefined` value means absent. Undefined result: the regex does not compile. */
export function stringMatches(match: unknown, value: string | undefined, ignoreCase = false): boolean | undefined {
  if (value === undefined) return false;
  if (!isObject(match)) return true;
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  if (typeof match.exact === 'string') return fold(value) === fold(match.exact);
  if (typeof match.prefix === 'string') return fold(value).startsWith(fold(match.prefix));
  if (typeof match.regex === 'string') {
    const re = compile(match.regex);
    return re ? re.matches(value) : undefined;
  }
  return true;
}

function describe(what: string, value: string | undefined, match: unknown): string {
  return value === undefined ? `${what} is absent` : `${what} '${value}' is not ${stringMatchText(match)}`;
}

function check(reasons: string[], what: string, value: string | undefined, match: unknown, ignoreCase = false): void {
  const ok = stringMatches(match, value, ignoreCase);
  if (ok === undefined) reasons.push(`${what}: regex '${String((match as JsonObject).regex)}' is not valid RE2, so it matches nothing`);
  else if (!ok) reasons.push(describe(what, value, match));
}

/** A gateway name in a match (or a VirtualService) names the request's gateway. */
export function gatewayNamed(written: string, vsNamespace: string, gateway: string): boolean {
  if (written === 'mesh' || gateway === 'mesh') return written === gateway;
  const ref = parseGatewayName(written, vsNamespace);
  return `${ref.namespace}/${ref.name}` === gateway;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Conditions every protocol shares: port, source labels and namespace, gateways. */
function commonReasons(match: JsonObject, req: NormalRequest, vsNamespace: string, reasons: string[]): void {
  if (typeof match.port === 'number' && match.port !== req.port) reasons.push(req.port === undefined ? `port ${match.port} required, the request has no port` : `port ${req.port} is not ${match.port}`);
  if (isObject(match.sourceLabels) && Object.keys(match.sourceLabels).length) {
    const wanted = stringMap(match.sourceLabels);
    if (req.gateway !== 'mesh') reasons.push('sourceLabels: the request comes through a gateway, whose workload labels the simulator does not know');
    else if (!labelsMatch(wanted, req.sourceLabels)) reasons.push(`the caller's labels do not include ${Object.entries(wanted).map(([k, v]) => `${k}=${v}`).join(',')}`);
  }
  if (typeof match.sourceNamespace === 'string' && match.sourceNamespace && match.sourceNamespace !== req.sourceNamespace) reasons.push(`source namespace '${req.sourceNamespace}' is not '${match.sourceNamespace}'`);
  const gateways = strings(match.gateways);
  if (gateways.length && !gateways.some((g) => gatewayNamed(g, vsNamespace, req.gateway))) reasons.push(`the request comes from ${req.gateway}, not ${gateways.join(', ')}`);
}

/** Why an HTTP match block does not match the request (empty: it matches). */
export function httpMismatches(match: JsonObject, req: NormalRequest, vsNamespace: string): string[] {
  const reasons: string[] = [];
  // Istio ignores case only for exact and prefix URI matches.
  if (isObject(match.uri)) check(reasons, 'uri', req.path, match.uri, match.ignoreUriCase === true && match.uri.regex === undefined);
  if (isObject(match.scheme)) check(reasons, 'scheme', req.scheme, match.scheme);
  if (isObject(match.method)) check(reasons, 'method', req.method, match.method);
  if (isObject(match.authority)) check(reasons, 'authority', req.authority, match.authority);
  if (isObject(match.headers)) for (const [name, m] of Object.entries(match.headers)) check(reasons, `header ${name}`, req.headers.get(name.toLowerCase()), m);
  if (isObject(match.withoutHeaders)) {
    for (const [name, m] of Object.entries(match.withoutHeaders)) {
      const value = req.headers.get(name.toLowerCase());
      if (stringMatches(m, value) === true) reasons.push(value === undefined ? `header ${name} must be absent` : `header ${name} '${value}' must not be ${stringMatchText(m)}`);
    }
  }
  if (isObject(match.queryParams)) for (const [name, m] of Object.entries(match.queryParams)) check(reasons, `query ${name}`, req.query.get(name), m);
  commonReasons(match, req, vsNamespace, reasons);
  return reasons;
}

/** Why a TLS match block does not match (SNI is the request's host). */
export function tlsMismatches(match: JsonObject, req: NormalRequest, vsNamespace: string): string[] {
  const reasons: string[] = [];
  const sni = strings(match.sniHosts);
  if (sni.length && !sni.some((h) => hostSubsetOf(req.authority, h) || hostSubsetOf(req.host, h))) reasons.push(`SNI '${req.authority}' is not ${sni.join(', ')}`);
  commonReasons(match, req, vsNamespace, reasons);
  return reasons;
}

/** Why a TCP match block does not match. */
export function tcpMismatches(match: JsonObject, req: NormalRequest, vsNamespace: string): string[] {
  const reasons: string[] = [];
  commonReasons(match, req, vsNamespace, reasons);
  return reasons;
}
