// A Telemetry access-logging entry without providers while the mesh has no default access-log
// provider: the entry turns on nothing.
import { isObject } from '../../model/resource';
import type { FieldPath } from '../../yaml/path';
import { defineWorkspaceAnalyzer, type FindingFix, type WorkspaceContext } from '../framework';

/** Inserts `providers: [{name: …}]` as the first key of the access-logging entry at `path`. */
function addProviderFix(ctx: WorkspaceContext, path: FieldPath, provider: string): FindingFix | undefined {
  const [start] = ctx.rangeOf(path);
  const text = ctx.text;
  const field = `providers: [{name: ${provider}}]`;
  let edit;
  if (text[start] === '{') {
    const empty = /^\s*\}/.test(text.slice(start + 1));
    edit = { start: start + 1, end: start + 1, newText: empty ? field : `${field}, ` };
  } else {
    const column = start - (text.lastIndexOf('\n', start - 1) + 1);
    edit = { start, end: start, newText: `${field}\n${' '.repeat(column)}` };
  }
  return { title: `Log with provider '${provider}'`, edits: [edit], preferred: true };
}

export const accessLoggingWithoutProvider = defineWorkspaceAnalyzer(
  {
    code: 'IY933',
    name: 'access-logging-without-provider',
    severity: 'warning',
    category: 'workspace',
    inputs: ['Telemetry'],
    summary: 'A Telemetry access-logging entry names no provider while MeshConfig sets no default access-log provider.',
    istioctl: 'IST0157',
    fix: 'safe',
    docs: `## Why
An \`accessLogging\` entry without \`providers\` uses the mesh's default access-log providers
(\`defaultProviders.accessLogging\` in MeshConfig). When the mesh defines none, the entry enables no
logging at all, and a \`filter\` or \`match\` on it does nothing. Entries with \`disabled: true\` are fine:
they turn logging off. MeshConfig is read from the \`istio\` ConfigMap in \`istio-system\` when the
workspace has it; Istio's defaults (no default providers) apply otherwise.

## Example
\`\`\`yaml
kind: Telemetry
metadata: {name: mesh-default, namespace: istio-system}
spec:
  accessLogging:
  - filter:
      expression: response.code >= 400    # logs nothing: no provider
\`\`\`

## Fix
Name a provider: the mesh's Envoy file access-log provider (\`envoy\` by default).`,
  },
  (ctx) => {
    const mesh = ctx.index.mesh;
    if (mesh.defaultAccessLogProviders.length) return;
    const spec = isObject(ctx.resource.value.spec) ? ctx.resource.value.spec : {};
    const entries = Array.isArray(spec.accessLogging) ? spec.accessLogging : [];
    const provider = mesh.extensionProviders.find((p) => p.type === 'envoyFileAccessLog')?.name ?? 'envoy';
    entries.forEach((entry, i) => {
      const e = isObject(entry) ? entry : {};
      if (e.disabled === true || (Array.isArray(e.providers) && e.providers.length)) return;
      const path: FieldPath = ['spec', 'accessLogging', i];
      const fix = isObject(entry) ? addProviderFix(ctx, path, provider) : undefined;
      ctx.report({
        path,
        message: `this access logging entry names no provider and MeshConfig sets no defaultProviders.accessLogging, so it logs nothing; name a provider such as '${provider}'`,
        fixes: fix && [fix],
      });
    });
  },
);
