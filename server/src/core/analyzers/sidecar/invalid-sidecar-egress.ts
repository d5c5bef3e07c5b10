// Sidecar egress listeners istiod rejects: catch-all listeners that are not last, invalid or repeated
// ports and unix sockets, targetPort, and hosts that are not `namespace/dnsName`.
import { namespacedHostProblem } from '../../istio/validation/namespaced-host';
import { isIpAddress, isValidPort, UNIX_PREFIX, unixAddressProblem } from '../../istio/validation/network';
import { sidecarPortFindings } from '../../istio/validation/sidecar-port';
import { list, num, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidSidecarEgress = defineAnalyzer(
  {
    code: 'IY453',
    name: 'invalid-sidecar-egress',
    severity: 'error',
    category: 'admission',
    inputs: ['Sidecar'],
    summary: 'A Sidecar egress listener is misplaced or has an invalid port, bind or host.',
    istioctl: 'IST0106',
    docs: `## Why
Only the last egress listener may omit \`port\` (it catches everything else), and there can be only one such listener.
Ports are unique, 1–65535 with a known protocol, or 0 with a \`unix://\` bind (and captureMode DEFAULT or NONE); \`targetPort\` is rejected.
Each host is \`<namespace>/<dnsName>\`: the namespace is \`*\`, \`.\`, \`~\` or a namespace name, and the DNS name is \`*\`, a fully qualified name or a \`*.\` wildcard (no short names, no partial wildcards).

## Example
\`\`\`yaml
egress:
- hosts: ["./*"]                           # catch-all, but not last
- port: {number: 9080, name: http, protocol: HTTP}
  hosts: [reviews, "prod/*reviews.com"]    # missing namespace; partial wildcard
\`\`\`

## Fix
Move the listener without \`port\` to the end, and write hosts as \`prod/reviews.prod.svc.cluster.local\` or \`prod/*\`.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const egress = list(spec.egress);
    const ports = new Set<number>();
    const sockets = new Set<string>();
    let catchAll = false;
    egress.forEach((item, i) => {
      const listener = obj(item);
      if (!listener) return;
      const at = ['spec', 'egress', i];
      const port = obj(listener.port);
      if (listener.port == null) {
        if (catchAll) ctx.report({ path: at, message: 'only one egress listener may omit the port' });
        else if (i === egress.length - 1) catchAll = true;
        else ctx.report({ path: at, message: 'the egress listener without a port must be the last one' });
      } else if (port) {
        for (const finding of sidecarPortFindings(port, at)) ctx.report(finding);
        const number = num(port.number) ?? 0;
        const bind = typeof listener.bind === 'string' ? listener.bind : '';
        if (number === 0) {
          if (!bind.startsWith(UNIX_PREFIX)) ctx.report({ path: [...at, 'port'], target: 'key', message: 'a listener with port 0 needs a unix:// bind address' });
          else {
            const problem = unixAddressProblem(bind.slice(UNIX_PREFIX.length));
            if (problem) ctx.report({ path: [...at, 'bind'], message: `invalid bind address: ${problem}` });
          }
          const mode = listener.captureMode;
          if (mode !== undefined && mode !== 'DEFAULT' && mode !== 'NONE') ctx.report({ path: [...at, 'captureMode'], message: 'unix socket listeners need captureMode DEFAULT or NONE' });
          if (sockets.has(bind)) ctx.report({ path: [...at, 'bind'], message: `unix socket '${bind}' is already used by another egress listener` });
          sockets.add(bind);
        } else {
          if (!isValidPort(number)) ctx.report({ path: [...at, 'port', 'number'], message: `port ${number} is not within 1–65535` });
          if (bind !== '' && !isIpAddress(bind)) ctx.report({ path: [...at, 'bind'], message: `bind '${bind}' is not an IP address` });
          if (ports.has(number)) ctx.report({ path: [...at, 'port', 'number'], message: `port ${number} is already used by another egress listener` });
          ports.add(number);
        }
      }
      if (Array.isArray(listener.hosts) && listener.hosts.length === 0) ctx.report({ path: [...at, 'hosts'], target: 'key', message: 'the egress listener needs at least one host' });
      list(listener.hosts).forEach((host, k) => {
        if (typeof host !== 'string') return;
        const problem = namespacedHostProblem(host, false);
        if (problem) ctx.report({ path: [...at, 'hosts', k], message: `invalid egress host: ${problem}` });
      });
    });
  },
);
