// The `istio.io/dry-run` annotation is only understood on ALLOW and DENY AuthorizationPolicies, with a
// boolean value.
import { obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

const DRY_RUN = 'istio.io/dry-run';
// strconv.ParseBool accepts exactly these spellings.
const GO_BOOLEANS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

export const invalidDryRunAnnotation = defineAnalyzer(
  {
    code: 'IY010',
    name: 'invalid-dry-run-annotation',
    severity: 'error',
    category: 'admission',
    inputs: ['*'],
    summary: 'The `istio.io/dry-run` annotation is used outside an ALLOW/DENY AuthorizationPolicy or without a boolean value.',
    istioctl: 'IST0106',
    docs: `## Why
\`istio.io/dry-run: "true"\` makes an AuthorizationPolicy log its decision instead of enforcing it.
It is only implemented for AuthorizationPolicies with action ALLOW (the default) or DENY, and istiod rejects it on any other resource or action, or with a value that is not a boolean.

## Example
\`\`\`yaml
kind: AuthorizationPolicy
metadata:
  annotations:
    istio.io/dry-run: "yes"   # not a boolean
spec:
  action: CUSTOM              # dry-run is not supported for CUSTOM
\`\`\`

## Fix
Use \`"true"\` or \`"false"\`, and only on ALLOW or DENY AuthorizationPolicies.`,
  },
  (ctx) => {
    const annotations = obj(obj(ctx.resource.value.metadata)?.annotations);
    if (!annotations || !(DRY_RUN in annotations)) return;
    const path = ['metadata', 'annotations', DRY_RUN];
    const { kind } = ctx.resource;
    if (kind !== 'AuthorizationPolicy') {
      ctx.report({ path, target: 'key', message: `${kind} does not support the annotation '${DRY_RUN}'; only AuthorizationPolicy does` });
      return;
    }
    const action = obj(ctx.resource.value.spec)?.action ?? 'ALLOW';
    if (action !== 'ALLOW' && action !== 'DENY') {
      ctx.report({ path, target: 'key', message: `'${DRY_RUN}' only supports action ALLOW or DENY, not ${String(action)}` });
      return;
    }
    const value = annotations[DRY_RUN];
    if (typeof value === 'string' && !GO_BOOLEANS.has(value)) {
      ctx.report({ path, message: `'${DRY_RUN}' must be "true" or "false", not '${value}'` });
    }
  },
);
