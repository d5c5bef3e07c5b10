// A route rule as short text: its match conditions (the sublabel, and why a simulated request did
// or did not match) and what it does (the details on hover).
import type { RoutingDetail } from '../../../../common/routing';
import { isObject, type JsonObject } from '../model/resource';
import type { RuleProtocol } from './ids';
import { flatText, labelsText, namedMatchText, percentText, percentValue, stringMatchText } from './text';
import { mirrorPercent, routeShares, shareText } from './weights';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function entries(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

/** Every condition of one match block, in a fixed order: `uri prefix /api`, `header end-user=jason`, … */
export function matchConditions(match: JsonObject): string[] {
  const out: string[] = [];
  if (isObject(match.uri)) out.push(`uri ${stringMatchText(match.uri)}${match.ignoreUriCase === true && match.uri.regex === undefined ? ' (any case)' : ''}`);
  if (isObject(match.scheme)) out.push(`scheme ${stringMatchText(match.scheme)}`);
  if (isObject(match.method)) out.push(`method ${stringMatchText(match.method)}`);
  if (isObject(match.authority)) out.push(`authority ${stringMatchText(match.authority)}`);
  for (const [name, value] of entries(match.headers)) out.push(`header ${namedMatchText(name, value)}`);
  for (const [name, value] of entries(match.withoutHeaders)) out.push(`without header ${namedMatchText(name, value)}`);
  for (const [name, value] of entries(match.queryParams)) out.push(`query ${namedMatchText(name, value)}`);
  const sni = strings(match.sniHosts);
  if (sni.length) out.push(`sni ${sni.join(', ')}`);
  if (typeof match.port === 'number') out.push(`port ${match.port}`);
  const subnets = strings(match.destinationSubnets);
  if (subnets.length) out.push(`destination ${subnets.join(', ')}`);
  if (typeof match.sourceSubnet === 'string') out.push(`source ${match.sourceSubnet}`);
  if (isObject(match.sourceLabels) && Object.keys(match.sourceLabels).length) out.push(`from ${labelsText(match.sourceLabels)}`);
  if (typeof match.sourceNamespace === 'string' && match.sourceNamespace) out.push(`from namespace ${match.sourceNamespace}`);
  const gateways = strings(match.gateways);
  if (gateways.length) out.push(`via ${gateways.join(', ')}`);
  return out;
}

/** One match block as one line; a block without conditions matches everything. */
export function matchText(match: unknown): string {
  const conditions = isObject(match) ? matchConditions(match) : [];
  return conditions.length ? conditions.join(' · ') : 'everything';
}

/** The rule's match blocks (a rule matches when any of them does). */
export function matchBlocks(rule: JsonObject): unknown[] {
  return Array.isArray(rule.match) ? rule.match : [];
}

/** The sublabel: the first match block, `(+2 more)`, or `all requests` / `all connections`. */
export function ruleSublabel(protocol: RuleProtocol, rule: JsonObject): string {
  const blocks = matchBlocks(rule);
  if (!blocks.length) return protocol === 'http' ? 'all requests' : 'all connections';
  const first = matchText(blocks[0]);
  return blocks.length > 1 ? `${first} (or ${blocks.length - 1} more)` : first;
}

function destinationText(destination: unknown): string {
  if (!isObject(destination)) return '?';
  const host = typeof destination.host === 'string' ? destination.host : '?';
  const subset = typeof destination.subset === 'string' ? ` ${destination.subset}` : '';
  const port = isObject(destination.port) && typeof destination.port.number === 'number' ? `:${destination.port.number}` : '';
  return `${host}${port}${subset}`;
}

function routeText(routes: readonly unknown[]): string {
  const { shares, note } = routeShares(routes);
  const parts = routes.map((r, i) => `${destinationText(isObject(r) ? r.destination : undefined)} ${shareText(shares[i])}`);
  return `${parts.join(' · ')}${note ? ` (${note})` : ''}`;
}

function redirectText(redirect: JsonObject): string {
  const parts: string[] = [];
  if (typeof redirect.scheme === 'string') parts.push(`scheme ${redirect.scheme}`);
  if (typeof redirect.authority === 'string') parts.push(`authority ${redirect.authority}`);
  if (typeof redirect.port === 'number') parts.push(`port ${redirect.port}`);
  if (typeof redirect.derivePort === 'string') parts.push(`port ${redirect.derivePort}`);
  if (typeof redirect.uri === 'string') parts.push(`uri ${redirect.uri}`);
  const code = typeof redirect.redirectCode === 'number' ? redirect.redirectCode : 301;
  return `${code}${parts.length ? ` to ${parts.join(', ')}` : ''}`;
}

function directResponseText(response: JsonObject): string {
  const status = typeof response.status === 'number' ? response.status : '?';
  const body = isObject(response.body) ? (typeof response.body.string === 'string' ? ` "${response.body.string}"` : typeof response.body.bytes === 'string' ? ' (bytes body)' : '') : '';
  return `${status}${body}`;
}

function faultText(fault: JsonObject): string[] {
  const out: string[] = [];
  if (isObject(fault.delay)) {
    const d = fault.delay;
    const delay = typeof d.fixedDelay === 'string' ? d.fixedDelay : typeof d.exponentialDelay === 'string' ? `exponential ${d.exponentialDelay}` : '?';
    out.push(`delay ${delay} for ${percentText(percentValue(d.percentage, typeof d.percent === 'number' ? d.percent : 100))} of requests`);
  }
  if (isObject(fault.abort)) {
    const a = fault.abort;
    const what = typeof a.httpStatus === 'number' ? `HTTP ${a.httpStatus}` : typeof a.grpcStatus === 'string' ? `gRPC ${a.grpcStatus}` : typeof a.http2Error === 'string' ? `HTTP/2 ${a.http2Error}` : '?';
    out.push(`abort ${what} for ${percentText(percentValue(a.percentage, 100))} of requests`);
  }
  return out;
}

function headerOpsText(headers: JsonObject): string[] {
  const out: string[] = [];
  for (const side of ['request', 'response'] as const) {
    const ops = isObject(headers[side]) ? headers[side] : undefined;
    if (!ops) continue;
    for (const op of ['set', 'add'] as const) for (const [k, v] of entries(ops[op])) out.push(`${side} ${op} ${k}: ${String(v)}`);
    for (const k of strings(ops.remove)) out.push(`${side} remove ${k}`);
  }
  return out;
}

function corsText(cors: JsonObject): string {
  const parts: string[] = [];
  const origins = Array.isArray(cors.allowOrigins) ? cors.allowOrigins.map((o) => (isObject(o) ? stringMatchText(o) : String(o))) : strings(cors.allowOrigin);
  if (origins.length) parts.push(`origins ${origins.join(', ')}`);
  const methods = strings(cors.allowMethods);
  if (methods.length) parts.push(`methods ${methods.join(', ')}`);
  const headers = strings(cors.allowHeaders);
  if (headers.length) parts.push(`headers ${headers.join(', ')}`);
  if (typeof cors.maxAge === 'string') parts.push(`max age ${cors.maxAge}`);
  if (cors.allowCredentials === true) parts.push('credentials');
  return parts.join('; ') || 'set';
}

/** What an HTTP rule does besides routing: each entry one hover line. */
export function httpActions(rule: JsonObject): RoutingDetail[] {
  const out: RoutingDetail[] = [];
  if (isObject(rule.redirect)) out.push({ label: 'redirect', value: redirectText(rule.redirect) });
  if (isObject(rule.directResponse)) out.push({ label: 'direct response', value: directResponseText(rule.directResponse) });
  if (isObject(rule.delegate)) out.push({ label: 'delegate', value: `${typeof rule.delegate.namespace === 'string' ? `${rule.delegate.namespace}/` : ''}${String(rule.delegate.name ?? '?')}` });
  if (isObject(rule.rewrite)) {
    const r = rule.rewrite;
    const parts: string[] = [];
    if (typeof r.uri === 'string') parts.push(`uri ${r.uri === '' ? '(empty)' : r.uri}`);
    if (isObject(r.uriRegexRewrite)) parts.push(`uri regex ${String(r.uriRegexRewrite.match)} → ${String(r.uriRegexRewrite.rewrite)}`);
    if (typeof r.authority === 'string') parts.push(`authority ${r.authority}`);
    out.push({ label: 'rewrite', value: parts.join(', ') || 'set' });
  }
  if (isObject(rule.fault)) for (const f of faultText(rule.fault)) out.push({ label: 'fault', value: f });
  if (typeof rule.timeout === 'string') out.push({ label: 'timeout', value: rule.timeout });
  if (isObject(rule.retries)) out.push({ label: 'retries', value: flatText(rule.retries) || 'set' });
  if (isObject(rule.corsPolicy)) out.push({ label: 'CORS', value: corsText(rule.corsPolicy) });
  if (isObject(rule.headers)) for (const h of headerOpsText(rule.headers)) out.push({ label: 'headers', value: h });
  if (isObject(rule.mirror)) out.push({ label: 'mirror', value: `${destinationText(rule.mirror)} ${percentText(mirrorPercent(rule.mirrorPercentage))}` });
  if (Array.isArray(rule.mirrors)) {
    for (const m of rule.mirrors) if (isObject(m)) out.push({ label: 'mirror', value: `${destinationText(m.destination)} ${percentText(mirrorPercent(m.percentage))}` });
  }
  return out;
}

/** Everything shown on a rule's hover: its matches in order, where it routes, and what else it does. */
export function ruleDetails(protocol: RuleProtocol, rule: JsonObject): RoutingDetail[] {
  const out: RoutingDetail[] = [];
  const blocks = matchBlocks(rule);
  if (!blocks.length) out.push({ label: 'match', value: protocol === 'http' ? 'all requests (no match)' : 'all connections (no match)' });
  blocks.forEach((block, i) => {
    const name = isObject(block) && typeof block.name === 'string' && block.name ? ` "${block.name}"` : '';
    out.push({ label: blocks.length > 1 ? `match ${i + 1}${name}` : `match${name}`, value: matchText(block) });
  });
  const routes = Array.isArray(rule.route) ? rule.route : [];
  if (routes.length) out.push({ label: 'route', value: routeText(routes) });
  if (protocol === 'http') out.push(...httpActions(rule));
  return out;
}
