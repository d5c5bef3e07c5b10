// `istioctl x describe pod`: the text of istioctl/pkg/describe/describe.go, with every resource it
// names and where, for links. Names in describe's namespace are printed bare, others as `name.ns`
// (namespaces have no dots, so the last dot separates them); applied policies are always `name.ns`;
// RBAC policies are the names of Envoy's RBAC rules, `ns[NS]-policy[NAME]-rule[N]`.
import type { DescribedResource } from '../types';

type Kind = DescribedResource['kind'];

/** Lines that start with `Kind: name[.ns]`, possibly indented (a DestinationRule adds ` for "host"`). */
const HEADED = /^(\s*)(VirtualService|DestinationRule|Service|Pod): (\S+)/;
const APPLIED = /^Applied (\w+):\s*$/;
const RBAC = /^(?:\d+ )?RBAC policies: /;
const RBAC_RULE = /ns\[([^\]]*)\]-policy\[([^\]]*)\]-rule\[\d+\]/g;
const KINDS: readonly Kind[] = ['VirtualService', 'DestinationRule', 'Gateway', 'PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'Service', 'Pod', 'Sidecar', 'EnvoyFilter', 'Telemetry', 'WasmPlugin'];

/** Warnings that name a resource: `%s.%s` is name.ns, `%s/%s` is ns/name. */
const WARNINGS: readonly { pattern: RegExp; kind: Kind; form: 'dot' | 'slash' | 'kname' }[] = [
  { pattern: /non-existent destination rule (\S+)$/, kind: 'DestinationRule', form: 'dot' },
  { pattern: /non-existent virtual service (\S+)$/, kind: 'VirtualService', form: 'dot' },
  { pattern: /non-existent gateway (\S+)$/, kind: 'Gateway', form: 'slash' },
  { pattern: /^Ingress Gateway (\S+) be applied all workloads/, kind: 'Gateway', form: 'slash' },
  { pattern: /Route to UNKNOWN subset \S+; check DestinationRule (\S+)$/, kind: 'DestinationRule', form: 'kname' },
  { pattern: /No Kubernetes Services select pod (\S+) /, kind: 'Pod', form: 'kname' },
];

export function parseDescribe(text: string): DescribedResource[] {
  const resources: DescribedResource[] = [];
  const lines = text.split(/\r?\n/);
  let ingress = false;
  const add = (kind: Kind, printed: string, line: number, start: number, form: 'dot' | 'slash' | 'kname') => {
    const at = form === 'slash' ? printed.indexOf('/') : printed.lastIndexOf('.');
    const [name, namespace] = at <= 0 || at === printed.length - 1 ? [printed, undefined] : form === 'slash' ? [printed.slice(at + 1), printed.slice(0, at)] : [printed.slice(0, at), printed.slice(at + 1)];
    resources.push({ kind, name, ...(namespace ? { namespace } : {}), line, start, end: start + printed.length, ...(ingress ? { viaIngressGateway: true } : {}) });
  };

  lines.forEach((line, i) => {
    if (/^-{20}$/.test(line)) ingress = false;
    if (/^\s*Exposed on Ingress Gateway /.test(line)) ingress = true;

    const headed = HEADED.exec(line);
    if (headed) {
      add(headed[2] as Kind, headed[3], i, headed[1].length + headed[2].length + 2, 'kname');
      return;
    }
    if (RBAC.test(line)) {
      for (const m of line.matchAll(RBAC_RULE)) {
        const nameStart = m.index! + m[0].indexOf('-policy[') + '-policy['.length;
        resources.push({ kind: 'AuthorizationPolicy', name: m[2], namespace: m[1], line: i, start: nameStart, end: nameStart + m[2].length, ...(ingress ? { viaIngressGateway: true } : {}) });
      }
      return;
    }
    const applied = APPLIED.exec(line);
    if (applied && KINDS.includes(applied[1] as Kind) && i + 1 < lines.length) {
      // The next line: `   name.ns, name2.ns`.
      const list = lines[i + 1];
      for (const m of list.matchAll(/[^\s,]+/g)) add(applied[1] as Kind, m[0], i + 1, m.index!, 'dot');
      return;
    }
    for (const warning of WARNINGS) {
      const m = warning.pattern.exec(line);
      if (m) add(warning.kind, m[1], i, m.index! + m[0].lastIndexOf(m[1]), warning.form);
    }
  });
  return resources;
}
