// A DENY rule that only uses HTTP attributes also denies all TCP traffic to the selected workloads.
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const TCP_SOURCE_FIELDS = ['principals', 'notPrincipals', 'ipBlocks', 'notIpBlocks', 'namespaces', 'notNamespaces', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts'];

export const denyPolicyWithHttpOnlyRule = defineAnalyzer(
  {
    code: 'IY503',
    name: 'deny-policy-with-http-only-rule',
    severity: 'warning',
    category: 'admission',
    inputs: ['AuthorizationPolicy'],
    summary: 'A DENY rule uses only HTTP attributes, so it also denies all TCP traffic in its scope.',
    istioctl: 'IST0133',
    docs: `## Why
For TCP connections the proxy cannot evaluate HTTP attributes (methods, paths, hosts, request principals).
A DENY rule made only of such attributes is therefore applied to every TCP connection to the selected workloads, which is rarely intended.

## Example
\`\`\`yaml
spec:
  action: DENY
  rules:
  - to:
    - operation:
        methods: [DELETE]    # also denies all TCP traffic
\`\`\`

## Fix
Add the port the rule is about (\`ports: ["8080"]\`), so TCP traffic on other ports is not affected.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec || spec.action !== 'DENY') return;
    list(spec.rules).forEach((item, r) => {
      const rule = obj(item);
      if (!rule) return;
      let fromExists = false;
      let tcpInFrom = false;
      for (const f of list(rule.from)) {
        const source = obj(obj(f)?.source);
        if (!source) continue;
        fromExists = true;
        if (TCP_SOURCE_FIELDS.some((field) => list(source[field]).length > 0)) tcpInFrom = true;
      }
      let toExists = false;
      let tcpInTo = false;
      for (const t of list(rule.to)) {
        const operation = obj(obj(t)?.operation);
        if (!operation) continue;
        toExists = true;
        if (list(operation.ports).length > 0 || list(operation.notPorts).length > 0) tcpInTo = true;
      }
      if ((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo)) {
        ctx.report({ path: ['spec', 'rules', r], message: 'this DENY rule only uses HTTP attributes, so it denies all TCP traffic to the selected workloads; add the port it is about' });
      }
    });
  },
);
