// Two servers of one Gateway use the same port name.
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const duplicateServerPortName = defineAnalyzer(
  {
    code: 'IY305',
    name: 'duplicate-server-port-name',
    severity: 'error',
    category: 'admission',
    inputs: ['Gateway'],
    summary: 'Two servers of the same Gateway use the same port name.',
    istioctl: 'IST0106',
    docs: `## Why
Istio names listener routes after the server port name, so port names must be unique within a Gateway, even when the port numbers differ.

## Example
\`\`\`yaml
servers:
- port: {number: 80, name: http, protocol: HTTP}
  hosts: ["a.example.com"]
- port: {number: 8080, name: http, protocol: HTTP}   # 'http' again
  hosts: ["b.example.com"]
\`\`\`

## Fix
Give every server port its own name, such as \`http-8080\`.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    const seen = new Map<string, number>();
    list(spec.servers).forEach((item, i) => {
      const name = obj(obj(item)?.port)?.name;
      if (typeof name !== 'string') return;
      const first = seen.get(name);
      if (first !== undefined) {
        ctx.report({ path: ['spec', 'servers', i, 'port', 'name'], message: `port name '${name}' is already used by server #${first}; port names must be unique within a Gateway` });
      } else seen.set(name, i);
    });
  },
);
