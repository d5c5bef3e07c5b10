// AuthorizationPolicy rules istiod rejects: CUSTOM and DENY without rules, provider misuse, empty
// sources and operations, invalid values, unknown condition keys and malformed path templates.
import { conditionProblem, ipsProblem, pathTemplateProblem, portsProblem, serviceAccountsProblem } from '../../istio/validation/authorization';
import { list, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

const SOURCE_FIELDS = ['principals', 'requestPrincipals', 'namespaces', 'ipBlocks', 'remoteIpBlocks', 'serviceAccounts', 'notPrincipals', 'notRequestPrincipals', 'notNamespaces', 'notIpBlocks', 'notRemoteIpBlocks', 'notServiceAccounts'];
const OPERATION_FIELDS = ['ports', 'methods', 'paths', 'hosts', 'notPorts', 'notMethods', 'notPaths', 'notHosts'];
const CUSTOM_UNSUPPORTED_SOURCE = ['namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals'];

function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === 'string');
}

function checkSource(ctx: ResourceContext, source: Record<string, unknown>, path: PathSegment[], custom: boolean): void {
  if (!SOURCE_FIELDS.some((f) => list(source[f]).length > 0)) {
    ctx.report({ path, target: 'key', message: "'source' sets nothing; add principals, namespaces, ipBlocks or another field, or remove it" });
  }
  for (const field of SOURCE_FIELDS) {
    const values = strings(source[field]);
    if (values.length === 0) continue;
    const at = [...path, field];
    if (custom && CUSTOM_UNSUPPORTED_SOURCE.includes(field)) ctx.report({ path: at, target: 'key', message: `source.${field} is not supported with action CUSTOM` });
    let problem: string | undefined;
    if (field.toLowerCase().endsWith('ipblocks')) problem = ipsProblem(values);
    else if (field === 'serviceAccounts' || field === 'notServiceAccounts') problem = serviceAccountsProblem(values);
    if (!problem && values.includes('')) problem = `empty values are not allowed in ${field}`;
    if (problem) ctx.report({ path: at, target: 'key', message: problem });
  }
}

function checkOperation(ctx: ResourceContext, operation: Record<string, unknown>, path: PathSegment[]): void {
  if (!OPERATION_FIELDS.some((f) => list(operation[f]).length > 0)) {
    ctx.report({ path, target: 'key', message: "'operation' sets nothing; add ports, methods, paths or hosts, or remove it" });
  }
  for (const field of OPERATION_FIELDS) {
    const values = strings(operation[field]);
    if (values.length === 0) continue;
    let problem: string | undefined;
    if (field === 'ports' || field === 'notPorts') problem = portsProblem(values);
    if (!problem && values.includes('')) problem = `empty values are not allowed in ${field}`;
    if (!problem && (field === 'paths' || field === 'notPaths')) {
      for (const p of values) {
        problem = pathTemplateProblem(p);
        if (problem) break;
      }
    }
    if (problem) ctx.report({ path: [...path, field], target: 'key', message: problem });
  }
}

export const invalidAuthorizationPolicy = defineAnalyzer(
  {
    code: 'IY502',
    name: 'invalid-authorization-policy',
    severity: 'error',
    category: 'admission',
    inputs: ['AuthorizationPolicy'],
    summary: 'An AuthorizationPolicy has no rules where it needs them, misuses provider, or has empty or invalid sources, operations or conditions.',
    istioctl: 'IST0106',
    docs: `## Why
istiod rejects AuthorizationPolicies that cannot mean what they say:
- \`DENY\` and \`CUSTOM\` policies without \`rules\` never trigger (use \`rules: [{}]\` to match every request); \`CUSTOM\` needs \`provider.name\`, and \`provider\` is only for \`CUSTOM\`;
- \`CUSTOM\` does not support namespace, principal or service account sources, nor \`source.*\` and \`request.auth.*\` conditions;
- each \`from\` entry needs a non-empty \`source\` and each \`to\` entry a non-empty \`operation\`; lists may not contain empty strings; IP blocks are IPs or CIDRs and ports are numbers up to 65535;
- \`paths\` may use \`{*}\` and \`{**}\` only as whole segments, with \`{**}\` last;
- \`when\` conditions need a known key (such as \`request.headers[x-id]\`, \`source.ip\`, \`request.auth.claims[group]\`, \`destination.port\`) and \`values\` or \`notValues\`.

## Example
\`\`\`yaml
spec:
  action: DENY          # no rules: never triggers
---
spec:
  rules:
  - to:
    - operation:
        paths: ["/api/{**}/items"]   # {**} must be last
    when:
    - key: destination.labels[app]   # use the selector instead
      values: [reviews]
\`\`\`

## Fix
Correct the field named in the message.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const action = typeof spec.action === 'string' ? spec.action : 'ALLOW';
    const custom = action === 'CUSTOM';
    const hasRules = list(spec.rules).length > 0;
    if ((custom || action === 'DENY') && !hasRules) {
      ctx.report({ path: ['spec', 'action'], message: `a ${action} policy without rules never triggers; add 'rules: [{}]' to apply it to every request` });
    }
    if (custom && hasRules) {
      const name = obj(spec.provider)?.name;
      if (typeof name !== 'string' || name === '') ctx.report({ path: spec.provider == null ? ['spec', 'action'] : ['spec', 'provider'], target: spec.provider == null ? 'value' : 'key', message: 'a CUSTOM policy needs provider.name, the name of an extension provider in the mesh config' });
    }
    if (spec.provider != null && !custom) ctx.report({ path: ['spec', 'provider'], target: 'key', message: `provider is only used with action CUSTOM, not ${action}` });
    list(spec.rules).forEach((item, r) => {
      const rule = obj(item);
      if (!rule) return;
      const at: PathSegment[] = ['spec', 'rules', r];
      if (Array.isArray(rule.from) && rule.from.length === 0) ctx.report({ path: [...at, 'from'], target: 'key', message: "'from' must not be an empty list" });
      list(rule.from).forEach((f, i) => {
        const from = obj(f);
        if (!from) return;
        const source = obj(from.source);
        if (!source) ctx.report({ path: [...at, 'from', i], message: "each 'from' entry needs a 'source'" });
        else checkSource(ctx, source, [...at, 'from', i, 'source'], custom);
      });
      if (Array.isArray(rule.to) && rule.to.length === 0) ctx.report({ path: [...at, 'to'], target: 'key', message: "'to' must not be an empty list" });
      list(rule.to).forEach((t, i) => {
        const to = obj(t);
        if (!to) return;
        const operation = obj(to.operation);
        if (!operation) ctx.report({ path: [...at, 'to', i], message: "each 'to' entry needs an 'operation'" });
        else checkOperation(ctx, operation, [...at, 'to', i, 'operation']);
      });
      list(rule.when).forEach((w, i) => {
        const when = obj(w);
        if (!when || typeof when.key !== 'string') return;
        const key = when.key;
        const path = [...at, 'when', i, 'key'];
        if (key === '') {
          ctx.report({ path, message: 'the condition key must not be empty' });
          return;
        }
        if (custom && (key === 'source.namespace' || key === 'source.serviceAccount' || key === 'source.principal' || key.startsWith('request.auth.'))) {
          ctx.report({ path, message: `condition key '${key}' is not supported with action CUSTOM` });
        }
        const values = strings(when.values);
        const notValues = strings(when.notValues);
        if (list(when.values).length === 0 && list(when.notValues).length === 0) {
          ctx.report({ path, message: `the condition on '${key}' needs values or notValues` });
          return;
        }
        const problem = (values.length ? conditionProblem(key, values) : undefined) ?? (notValues.length ? conditionProblem(key, notValues) : undefined);
        if (problem) ctx.report({ path, message: problem });
      });
    });
  },
);
