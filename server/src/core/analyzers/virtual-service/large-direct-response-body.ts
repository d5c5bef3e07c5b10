// A direct response body over 100 KB: accepted, but it weighs on every proxy's configuration.
import { bodySize, directResponses } from '../../istio/validation/direct-response';
import { specOf } from '../../istio/validation/virtual-service';
import { defineAnalyzer } from '../framework';

export const largeDirectResponseBody = defineAnalyzer(
  {
    code: 'IY118',
    name: 'large-direct-response-body',
    severity: 'warning',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'A direct response body is larger than 100 KB, which slows down configuration pushes.',
    istioctl: 'IST0133',
    docs: `## Why
Direct response bodies are part of the route configuration that istiod sends to every affected proxy on every change.
istiod warns above 100 KB (and rejects above 1 MB) because large bodies slow down the control plane.

## Example
\`\`\`yaml
directResponse:
  status: 200
  body:
    string: "...150 KB of HTML..."
\`\`\`

## Fix
Serve large content from a service and route to it.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    for (const { response, path } of directResponses(spec)) {
      const size = bodySize(response.body);
      if (size !== undefined && size > 100 * 1024 && size <= 1024 * 1024) {
        ctx.report({ path: [...path, 'body'], target: 'key', message: `the direct response body is ${Math.round(size / 1024)} KB; bodies over 100 KB slow down configuration pushes` });
      }
    }
  },
);
