// Istio's host-name rules (pkg/config/host and the analyzers' util package), as facts:
// short names expand in the referrer's namespace, wildcards match by suffix, gateway server hosts
// may carry a `namespace/` visibility prefix.

export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * `reviews` in `default` → `reviews.default.svc.cluster.local`; names with a dot or a wildcard stay as
 * written (istiod too: `reviews.prod` is a literal host, not the Service in `prod`).
 */
export function toFqdn(namespace: string, host: string): string {
  if (!host || host.includes('.') || host.startsWith('*')) return host;
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** `a.b.svc.cluster.local` → `{ namespace: 'b', name: 'a' }`; the name part is greedy as istioctl's regex. */
export function serviceOfFqdn(fqdn: string): { namespace: string; name: string } | undefined {
  const match = /^(.+)\.([^.]*)\.svc\.cluster\.local$/.exec(fqdn);
  return match ? { name: match[1], namespace: match[2] } : undefined;
}

/** Wildcard-aware, symmetric host match (`*.foo.com` matches `a.foo.com` and `*.b.foo.com`, not `foo.com`). */
export function hostsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const aWild = a.startsWith('*');
  const bWild = b.startsWith('*');
  if (aWild && bWild) {
    const sa = a.slice(1);
    const sb = b.slice(1);
    return sa.length >= sb.length ? sa.endsWith(sb) : sb.endsWith(sa);
  }
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return false;
}

/** One-directional: every host `a` names is also named by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  if (a === b || b === '*') return true;
  if (!b.startsWith('*')) return false;
  const suffix = b.slice(1);
  return a.startsWith('*') ? a.slice(1).endsWith(suffix) : a.endsWith(suffix);
}

/** A Gateway server host split into its visibility namespace (`*` when unrestricted) and DNS part. */
export interface ServerHost {
  readonly namespace: string;
  readonly host: string;
  /** As written, for messages. */
  readonly raw: string;
}

/** `./h` → the gateway's namespace; `*\/h` and `h` → any namespace. */
export function parseServerHost(raw: string, gatewayNamespace: string): ServerHost {
  const slash = raw.indexOf('/');
  if (slash < 0) return { namespace: '*', host: raw, raw };
  const ns = raw.slice(0, slash);
  return { namespace: ns === '.' ? gatewayNamespace : ns, host: raw.slice(slash + 1), raw };
}

/** Server hosts a VirtualService in `namespace` may bind to. */
export function hostsVisibleTo(hosts: readonly ServerHost[], namespace: string): ServerHost[] {
  return hosts.filter((h) => h.namespace === '*' || h.namespace === namespace);
}
