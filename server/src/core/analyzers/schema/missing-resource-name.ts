// An Istio resource without metadata.name.
import { isObject } from '../../model/resource';
import { defineAnalyzer } from '../framework';

export const missingResourceName = defineAnalyzer(
  {
    code: 'IY009',
    name: 'missing-resource-name',
    severity: 'error',
    category: 'schema',
    inputs: ['*'],
    summary: 'The resource has no metadata.name.',
    istioctl: 'IST0106',
    docs: `## Why
Every Kubernetes object needs a name; the API server rejects one without it, and other resources cannot refer to it.

## Example
\`\`\`yaml
kind: Gateway
metadata:
  namespace: istio-system
\`\`\`

## Fix
Add \`metadata.name\`.`,
  },
  (ctx) => {
    const { resource } = ctx;
    if (!resource.istioKind) return;
    const metadata = resource.value.metadata;
    if (!isObject(metadata)) return; // the schema reports a missing or malformed metadata
    if (typeof metadata.name === 'string' && metadata.name !== '') return;
    if (typeof metadata.generateName === 'string' && metadata.generateName !== '') return;
    ctx.report({ path: ['metadata'], target: 'key', message: `${resource.kind} has no metadata.name` });
  },
);
