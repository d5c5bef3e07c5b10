// Istio's rule reachability analysis (`analyzeUnreachableHTTPRules/TCPRules/TLSRules`): rules after a
// catch-all rule, matches repeated from earlier rules, and HTTP prefix matches covered by an earlier
// shorter prefix with compatible conditions. istioctl reports these as IST0130 and IST0131.
import type { PathSegment } from '../../yaml/path';
import { list, obj, type JsonObject } from './values';

export interface ReachabilityFinding {
  readonly kind: 'unreachable' | 'ineffective';
  readonly path: PathSegment[];
  readonly message: string;
}

type Section = 'http' | 'tcp' | 'tls';

const SECTION_LABEL: Record<Section, string> = { http: 'HTTP', tcp: 'TCP', tls: 'TLS' };

/** A canonical serialization that compares like Go's json.Marshal of the proto (zero values omitted). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => !isZero(record[k])).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isZero(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0);
}

function ruleName(section: Section, rule: JsonObject, index: number): string {
  // Only HTTP rules and matches have names; Istio quotes them, else uses the index.
  if (section === 'http' && typeof rule.name === 'string' && rule.name) return `"${rule.name}"`;
  return `#${index}`;
}

function matchName(section: Section, match: JsonObject, index: number): string {
  if (section === 'http' && typeof match.name === 'string' && match.name) return `"${match.name}"`;
  return `#${index}`;
}

function matchKey(section: Section, match: JsonObject): string {
  if (section !== 'http' || match.name === undefined) return canonical(match);
  const { name: _ignored, ...rest } = match;
  return canonical(rest);
}

interface PrefixMatch {
  readonly rule: string;
  readonly match: string;
  readonly path: PathSegment[];
  readonly prefix: string;
  readonly port: unknown;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

/** `assignExactOrPrefix`: regex matches (and anything else) become the empty string. */
function exactOrPrefix(value: unknown): string {
  const m = obj(value);
  if (!m) return '';
  if (typeof m.exact === 'string' && m.exact) return `exact:${m.exact}`;
  if (typeof m.prefix === 'string' && m.prefix) return `prefix:${m.prefix}`;
  return '';
}

function stringMatchMap(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const map = obj(value);
  if (map) for (const key of Object.keys(map)) out.set(key, exactOrPrefix(map[key]));
  return out;
}

function prefixMatch(rule: string, match: JsonObject, name: string, path: PathSegment[]): PrefixMatch | undefined {
  const prefix = obj(match.uri)?.prefix;
  if (typeof prefix !== 'string' || prefix === '') return undefined;
  return {
    rule,
    match: name,
    path,
    prefix,
    port: match.port ?? 0,
    // Without a method condition Istio assumes GET.
    method: exactOrPrefix(match.method) || 'exact:GET',
    authority: exactOrPrefix(match.authority),
    headers: stringMatchMap(match.headers),
    queryParams: stringMatchMap(match.queryParams),
    withoutHeaders: stringMatchMap(match.withoutHeaders),
  };
}

function mapCovered(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined) return false;
    if (value !== other && !value.startsWith(other)) return false;
  }
  return true;
}

/** `coveredValidation`: the earlier prefix match `a` catches every request the later `b` would. */
function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix)) return false;
  if (a.port !== b.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return mapCovered(a.headers, b.headers) && mapCovered(a.queryParams, b.queryParams) && mapCovered(a.withoutHeaders, b.withoutHeaders);
}

function analyzeSection(spec: JsonObject, section: Section, out: ReachabilityFinding[]): void {
  const label = SECTION_LABEL[section];
  const rules = list(spec[section]);
  const encountered = new Map<string, number>();
  const prefixes: PrefixMatch[] = [];
  let catchAll = -1;
  rules.forEach((item, r) => {
    const rule = obj(item);
    if (!rule) return;
    const name = ruleName(section, rule, r);
    const rulePath: PathSegment[] = ['spec', section, r];
    const matches = list(rule.match);
    if (matches.length === 0) {
      if (catchAll >= 0) {
        out.push({ kind: 'unreachable', path: rulePath, message: `${label} rule ${name} is never used: only the last rule can have no match, and rule ${ruleName(section, obj(rules[catchAll]) ?? {}, catchAll)} already catches all ${section === 'http' ? 'requests' : 'connections'}` });
      }
      catchAll = r;
      return;
    }
    if (catchAll >= 0) {
      out.push({ kind: 'unreachable', path: rulePath, message: `${label} rule ${name} is never used: rule ${ruleName(section, obj(rules[catchAll]) ?? {}, catchAll)} before it has no match and catches all ${section === 'http' ? 'requests' : 'connections'}` });
      return;
    }
    let duplicates = 0;
    matches.forEach((m, j) => {
      const match = obj(m) ?? {};
      const key = matchKey(section, match);
      const earlier = encountered.get(key);
      const mName = matchName(section, match, j);
      if (earlier !== undefined) {
        duplicates++;
        out.push({ kind: 'ineffective', path: [...rulePath, 'match', j], message: `match ${mName} of ${label} rule ${name} is never used: rule ${ruleName(section, obj(rules[earlier]) ?? {}, earlier)} has the same match` });
        return;
      }
      encountered.set(key, r);
      if (section === 'http') {
        const p = prefixMatch(name, match, mName, [...rulePath, 'match', j]);
        if (p) prefixes.push(p);
      }
    });
    if (duplicates === matches.length) {
      out.push({ kind: 'unreachable', path: rulePath, message: `${label} rule ${name} is never used: all its matches are used by earlier rules` });
    }
  });
  for (let i = 0; i < prefixes.length; i++) {
    for (let j = i + 1; j < prefixes.length; j++) {
      const a = prefixes[i];
      const b = prefixes[j];
      if (a.prefix === b.prefix || !covers(a, b)) continue;
      out.push({
        kind: 'ineffective',
        path: b.path,
        message: `match ${b.match} (prefix '${b.prefix}') of ${label} rule ${b.rule} is never used: match ${a.match} with prefix '${a.prefix}' in rule ${a.rule} already catches its requests`,
      });
    }
  }
}

/** Reachability findings for all HTTP, TCP and TLS rules of a VirtualService spec. */
export function reachabilityFindings(spec: JsonObject): ReachabilityFinding[] {
  const out: ReachabilityFinding[] = [];
  analyzeSection(spec, 'http', out);
  analyzeSection(spec, 'tcp', out);
  analyzeSection(spec, 'tls', out);
  return out;
}
