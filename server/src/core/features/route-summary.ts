// One-line summaries of routing data for the outline: what a VirtualService route matches and where
// it sends traffic (`uri prefix /api → reviews (v2) 80%, reviews (v1) 20%`), and a Gateway server.
import { isObject, type JsonObject } from '../model/resource';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** `prefix /api` for a StringMatch. */
function stringMatch(value: unknown): string {
  if (!isObject(value)) return '';
  for (const type of ['exact', 'prefix', 'regex']) if (type in value) return `${type} ${text(value[type])}`;
  return '';
}

function labels(value: unknown): string {
  return isObject(value) ? Object.entries(value).map(([k, v]) => `${k}=${text(v)}`).join(',') : '';
}

function matchSummary(match: JsonObject): string {
  const parts: string[] = [];
  for (const field of ['uri', 'scheme', 'method', 'authority']) {
    const m = stringMatch(match[field]);
    if (m) parts.push(`${field} ${m}`);
  }
  for (const [field, word] of [['headers', 'header'], ['queryParams', 'query'], ['withoutHeaders', 'without header']] as const) {
    const entries = match[field];
    if (isObject(entries)) for (const [name, m] of Object.entries(entries)) parts.push(`${word} ${name}${stringMatch(m) ? ` ${stringMatch(m)}` : ''}`);
  }
  if (match.port !== undefined) parts.push(`port ${text(match.port)}`);
  if (list(match.sniHosts).length) parts.push(`sni ${list(match.sniHosts).map(text).join(',')}`);
  if (list(match.destinationSubnets).length) parts.push(`subnets ${list(match.destinationSubnets).map(text).join(',')}`);
  if (isObject(match.sourceLabels)) parts.push(`from ${labels(match.sourceLabels)}`);
  if (match.sourceNamespace !== undefined) parts.push(`from namespace ${text(match.sourceNamespace)}`);
  if (list(match.gateways).length) parts.push(`via ${list(match.gateways).map(text).join(',')}`);
  return parts.join(', ');
}

function destination(value: unknown): string {
  if (!isObject(value)) return '?';
  const port = isObject(value.port) && value.port.number !== undefined ? `:${text(value.port.number)}` : '';
  const subset = value.subset !== undefined ? ` (${text(value.subset)})` : '';
  return `${text(value.host) || '?'}${port}${subset}`;
}

function action(route: JsonObject): string {
  const destinations = list(route.route).filter(isObject);
  if (destinations.length) {
    return destinations.map((d) => `${destination(d.destination)}${d.weight !== undefined && destinations.length > 1 ? ` ${text(d.weight)}%` : ''}`).join(', ');
  }
  if (isObject(route.redirect)) {
    const r = route.redirect;
    return `redirect ${[text(r.scheme) && `${text(r.scheme)}://`, text(r.authority), text(r.uri)].join('') || ''}`.trim();
  }
  if (isObject(route.directResponse)) return `direct response ${text(route.directResponse.status)}`.trim();
  if (isObject(route.delegate)) return `delegate ${[text(route.delegate.namespace), text(route.delegate.name)].filter(Boolean).join('/')}`;
  return '';
}

/** What an http/tcp/tls route matches and where it sends traffic. */
export function routeSummary(route: JsonObject): string {
  const matches = list(route.match).filter(isObject).map(matchSummary).filter(Boolean);
  const target = action(route);
  return [matches.join(' | '), target && `→ ${target}`].filter(Boolean).join(' ');
}

/** `port 443 HTTPS` for a Gateway server. */
export function serverName(server: JsonObject): string {
  const port = isObject(server.port) ? server.port : {};
  return ['port', text(port.number) || '?', text(port.protocol)].filter(Boolean).join(' ');
}

export function serverDetail(server: JsonObject): string {
  const hosts = list(server.hosts).map(text).join(', ');
  const mode = isObject(server.tls) && server.tls.mode !== undefined ? `tls ${text(server.tls.mode)}` : '';
  return [hosts, mode].filter(Boolean).join(' · ');
}

export function subsetDetail(subset: JsonObject): string {
  return labels(subset.labels);
}
