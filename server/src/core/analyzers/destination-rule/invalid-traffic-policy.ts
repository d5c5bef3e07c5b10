// Traffic policies istiod rejects: empty policies, `tunnel` with `proxyProtocol`, port-level settings
// without a port, and invalid tunnel settings.
import { fqdnProblem } from '../../istio/validation/dns';
import { isIpAddress, isValidPort } from '../../istio/validation/network';
import { trafficPolicies } from '../../istio/validation/traffic-policy';
import { num, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];
const PORT_POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'];

export const invalidTrafficPolicy = defineAnalyzer(
  {
    code: 'IY203',
    name: 'invalid-traffic-policy',
    severity: 'error',
    category: 'admission',
    inputs: ['DestinationRule'],
    summary: 'A traffic policy is empty, sets both `tunnel` and `proxyProtocol`, has port-level settings without a port, or has invalid tunnel settings.',
    istioctl: 'IST0106',
    docs: `## Why
istiod rejects a \`trafficPolicy\` (top level, per subset or per port) that sets nothing, since it is almost always a mistake in indentation.
\`tunnel\` and \`proxyProtocol\` both wrap the upstream connection and cannot be combined.
Each \`portLevelSettings\` entry needs the \`port\` it applies to and at least one policy.
A \`tunnel\` uses protocol \`CONNECT\` or \`POST\` and needs a \`targetHost\` (an FQDN or IP) and a \`targetPort\` in 1–65535.

## Example
\`\`\`yaml
trafficPolicy:
  portLevelSettings:
  - loadBalancer: {simple: ROUND_ROBIN}   # which port?
subsets:
- name: v1
  labels: {version: v1}
  trafficPolicy: {}                        # empty
\`\`\`

## Fix
Add the missing settings, or remove the empty policy.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    for (const { policy, path, portLevel } of trafficPolicies(spec)) {
      const fields = portLevel ? PORT_POLICY_FIELDS : POLICY_FIELDS;
      if (portLevel && policy.port == null) ctx.report({ path, message: "a port-level traffic policy needs the 'port' it applies to" });
      if (!fields.some((f) => policy[f] !== undefined && policy[f] !== null)) {
        ctx.report({ path, target: 'key', message: `the ${portLevel ? 'port-level ' : ''}traffic policy sets nothing: add at least one of ${fields.join(', ')}` });
        continue;
      }
      if (portLevel) continue;
      const tunnel = obj(policy.tunnel);
      if (policy.tunnel != null && policy.proxyProtocol != null) {
        ctx.report({ path: [...path, 'proxyProtocol'], target: 'key', message: "'tunnel' and 'proxyProtocol' cannot both be set" });
        continue;
      }
      if (!tunnel) continue;
      const protocol = tunnel.protocol;
      if (typeof protocol === 'string' && protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
        ctx.report({ path: [...path, 'tunnel', 'protocol'], message: `tunnel protocol '${protocol}' must be CONNECT or POST` });
      }
      const host = tunnel.targetHost;
      if (typeof host === 'string' && fqdnProblem(host) && !isIpAddress(host)) {
        ctx.report({ path: [...path, 'tunnel', 'targetHost'], message: `tunnel targetHost '${host}' is not a valid FQDN or IP address` });
      }
      const port = num(tunnel.targetPort);
      if (port !== undefined && !isValidPort(port)) ctx.report({ path: [...path, 'tunnel', 'targetPort'], message: `tunnel targetPort ${port} is not within 1–65535` });
    }
  },
);
