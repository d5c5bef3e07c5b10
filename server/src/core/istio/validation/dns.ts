// Host name rules of Istio's validators: DNS-1123 labels (upper case allowed), FQDNs, wildcard domains,
// partial wildcards, and the wildcard-aware host comparisons used for overlap checks.

const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
// `*`, or a DNS-1123 label optionally prefixed with `*` or `*-` (e.g. `*foo`, `*-foo`).
const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const ALL_DIGITS = /^[+-]?\d+$/;

/** `labels.IsDNS1123Label`: at most 63 characters of letters, digits and inner dashes. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** `labels.IsWildcardDNS1123Label`: a label that may start with `*`. */
export function isWildcardDns1123Label(value: string): boolean {
  return value.length <= 63 && WILDCARD_LABEL.test(value);
}

function preconditions(name: string): string | undefined {
  if (name.length > 255) return `domain name '${name}' is too long (at most 255 characters)`;
  if (name.length === 0) return 'an empty domain name is not allowed';
  return undefined;
}

function checkLabels(domain: string, whole: string): string | undefined {
  const parts = domain.split('.');
  const top = parts[parts.length - 1];
  // Go's strconv.Atoi accepts an optional sign, so `-1` counts as all-numeric too.
  if (ALL_DIGITS.test(top)) return `domain name '${whole}' is invalid: the top-level domain '${top}' cannot be all digits`;
  for (let i = 0; i < parts.length; i++) {
    // A trailing dot (`istio.io.`) leaves an empty last label, which is allowed.
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isDns1123Label(parts[i])) return `domain name '${whole}' is invalid: label '${parts[i]}' is not a valid DNS label`;
  }
  return undefined;
}

/** `agent.ValidateFQDN`: a problem description, or undefined when valid. */
export function fqdnProblem(fqdn: string): string | undefined {
  return preconditions(fqdn) ?? checkLabels(fqdn, fqdn);
}

/** `agent.ValidateWildcardDomain`: only the first label may carry a wildcard. */
export function wildcardDomainProblem(domain: string): string | undefined {
  const pre = preconditions(domain);
  if (pre) return pre;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!isWildcardDns1123Label(first)) return `domain name '${domain}' is invalid: label '${first}' is not a valid DNS label`;
  return dot < 0 ? undefined : checkLabels(domain.slice(dot + 1), domain);
}

/** `agent.ValidatePartialWildCard`: a host with `*` must be `*` or start with `*.`. */
export function isPartialWildcard(host: string): boolean {
  return host.includes('*') && host.length !== 1 && !host.startsWith('*.');
}

/**
 * `ValidateWildcardDomainForVirtualServiceBoundToGateway`: like a wildcard domain, but with TLS SNI
 * matches the AUTO_PASSTHROUGH form `outbound_.<port>_._.<host>` is accepted too.
 */
export function gatewayVirtualHostProblem(sni: boolean, domain: string): string | undefined {
  const pre = preconditions(domain);
  if (pre) return pre;
  if (sni && domain.startsWith('outbound_')) {
    const parts = domain.split('_');
    const format = `should follow the 'outbound_.<PORT>_._.<HOSTNAME>' format`;
    if (parts.length < 4) return `domain name '${domain}' is invalid; it ${format}`;
    const port = trimDots(parts[1]);
    const host = trimDots(parts[3]);
    if (!/[0-9]/.test(port)) return `domain name '${domain}' is invalid: '${port}' is not a port; it ${format}`;
    if (!/[a-zA-Z]/.test(host)) return `domain name '${domain}' is invalid: '${host}' is not a host name; it ${format}`;
    return undefined;
  }
  return wildcardDomainProblem(domain);
}

function trimDots(value: string): string {
  return value.replace(/^\.+|\.+$/g, '');
}

function isWildcarded(host: string): boolean {
  return host.length > 0 && host[0] === '*';
}

/** `host.Name.Matches`: the two hosts share at least one name (wildcard-aware, symmetric). */
export function hostsOverlap(a: string, b: string): boolean {
  const aw = isWildcarded(a);
  const bw = isWildcarded(b);
  if (aw && bw) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}

/** `host.Name.SubsetOf`: every name matched by `a` is matched by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  if (isWildcarded(a)) return isWildcarded(b) && a.slice(1).endsWith(b.slice(1));
  if (isWildcarded(b)) return a.endsWith(b.slice(1));
  return a === b;
}
