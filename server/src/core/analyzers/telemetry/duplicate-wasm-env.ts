// A Wasm VM environment variable is defined twice.
import { list, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer } from '../framework';

export const duplicateWasmEnv = defineAnalyzer(
  {
    code: 'IY603',
    name: 'duplicate-wasm-env',
    severity: 'error',
    category: 'admission',
    inputs: ['TrafficExtension', 'WasmPlugin'],
    summary: 'A Wasm plugin defines the same VM environment variable twice.',
    istioctl: 'IST0106',
    docs: `## Why
\`vmConfig.env\` sets environment variables of the Wasm VM; each name may appear once.
(The CRD itself checks the URL scheme, \`sha256\`, name lengths, ports and \`value\` with \`valueFrom: HOST\`.)

## Example
\`\`\`yaml
vmConfig:
  env:
  - name: LOG_LEVEL
    value: debug
  - name: LOG_LEVEL       # defined twice
    value: info
\`\`\`

## Fix
Keep one entry per variable.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const base: PathSegment[] = ctx.resource.kind === 'TrafficExtension' ? ['spec', 'wasm', 'vmConfig', 'env'] : ['spec', 'vmConfig', 'env'];
    const vmConfig = ctx.resource.kind === 'TrafficExtension' ? obj(obj(spec.wasm)?.vmConfig) : obj(spec.vmConfig);
    const names = new Set<string>();
    list(vmConfig?.env).forEach((item, i) => {
      const name = obj(item)?.name;
      if (typeof name !== 'string' || name === '') return;
      if (names.has(name)) ctx.report({ path: [...base, i, 'name'], message: `environment variable '${name}' is defined twice` });
      names.add(name);
    });
  },
);
