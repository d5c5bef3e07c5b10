// An Istio apiVersion such as networking.istio.io/v1alpha3 where a v1 exists.
import { defineAnalyzer } from '../framework';

export const deprecatedApiVersion = defineAnalyzer(
  {
    code: 'IY006',
    name: 'deprecated-api-version',
    severity: 'information',
    category: 'deprecation',
    inputs: ['*'],
    summary: 'An older Istio API version (v1alpha3, v1beta1, v1alpha1) is used where a v1 exists.',
    fix: 'safe',
    docs: `## Why
Istio serves \`v1\` of its stable kinds and keeps the older versions only for compatibility; the schemas are identical, so moving to \`v1\` changes nothing but the version string and protects the manifest from the older versions' eventual removal.

## Example
\`\`\`yaml
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
\`\`\`

## Fix
Write \`apiVersion: networking.istio.io/v1\`; the quick fix does it.`,
  },
  (ctx) => {
    const { resource } = ctx;
    const kind = resource.istioKind;
    if (!kind || kind.preferredVersion === resource.version) return;
    if (!kind.versions.some((v) => v.name === 'v1') || !kind.versions.some((v) => v.name === resource.version)) return;
    const replacement = `${kind.group}/${kind.preferredVersion}`;
    const [start, end] = ctx.rangeOf(['apiVersion'], 'value');
    ctx.report({
      path: ['apiVersion'],
      message: `${resource.apiVersion} is an older version of ${kind.kind}; use ${replacement}`,
      tags: ['deprecated'],
      fixes: [{ title: `Use ${replacement}`, edits: [{ start, end, newText: replacement }], preferred: true }],
    });
  },
);
