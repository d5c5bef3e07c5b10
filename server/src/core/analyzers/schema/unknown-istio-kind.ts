// An apiVersion in an Istio group with a kind or version that Istio does not serve.
import { closestMatch } from '../../text/suggest';
import { ISTIO_KINDS } from '../../model/kinds';
import { defineAnalyzer } from '../framework';

export const unknownIstioKind = defineAnalyzer(
  {
    code: 'IY008',
    name: 'unknown-istio-kind',
    severity: 'error',
    category: 'schema',
    inputs: ['*'],
    summary: 'The apiVersion names an Istio API group, but the kind or version is not one Istio serves.',
    istioctl: 'IST0106',
    fix: 'safe',
    docs: `## Why
\`kubectl apply\` fails with "no matches for kind", and nothing is applied.

## Example
\`\`\`yaml
apiVersion: networking.istio.io/v1
kind: VirtualServce
\`\`\`

## Fix
Correct the kind or the version; the quick fix offers the closest one.`,
  },
  (ctx) => {
    const { resource } = ctx;
    if (!resource.istioGroup) return;
    if (!resource.istioKind) {
      const inGroup = ISTIO_KINDS.filter((k) => k.group === resource.group).map((k) => k.kind);
      const elsewhere = ISTIO_KINDS.find((k) => k.kind === resource.kind);
      if (elsewhere) {
        const apiVersion = `${elsewhere.group}/${elsewhere.preferredVersion}`;
        const [start, end] = ctx.rangeOf(['apiVersion'], 'value');
        ctx.report({
          path: ['apiVersion'],
          message: `${resource.kind} belongs to ${elsewhere.group}, not ${resource.group}; use apiVersion ${apiVersion}`,
          fixes: [{ title: `Use ${apiVersion}`, edits: [{ start, end, newText: apiVersion }], preferred: true }],
        });
        return;
      }
      if (!inGroup.length) {
        ctx.report({ path: ['apiVersion'], message: `${resource.group} is not an Istio API group; Istio serves ${[...new Set(ISTIO_KINDS.map((k) => k.group))].join(', ')}` });
        return;
      }
      const suggestion = closestMatch(resource.kind, inGroup);
      const [start, end] = ctx.rangeOf(['kind'], 'value');
      ctx.report({
        path: ['kind'],
        message: `${resource.group} has no kind '${resource.kind}'${suggestion ? `; did you mean '${suggestion}'?` : `; it serves ${inGroup.join(', ')}`}`,
        fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ start, end, newText: suggestion }], preferred: true }] : undefined,
      });
      return;
    }
    const kind = resource.istioKind;
    if (!kind.versions.some((v) => v.name === resource.version)) {
      const replacement = `${kind.group}/${kind.preferredVersion}`;
      const [start, end] = ctx.rangeOf(['apiVersion'], 'value');
      ctx.report({
        path: ['apiVersion'],
        message: `${kind.kind} is not served at version '${resource.version}'; served versions are ${kind.versions.map((v) => v.name).join(', ')}`,
        fixes: [{ title: `Use ${replacement}`, edits: [{ start, end, newText: replacement }], preferred: true }],
      });
    }
  },
);
