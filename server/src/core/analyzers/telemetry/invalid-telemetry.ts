// Telemetry settings istiod rejects beyond the schema: access-log filters that are not CEL, and custom
// tracing tags without a name. (The CRD already bounds sampling percentages and requires provider
// names, tag values and metric names.)
import { celSyntaxError } from '../../istio/validation/cel-syntax';
import { list, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidTelemetry = defineAnalyzer(
  {
    code: 'IY601',
    name: 'invalid-telemetry',
    severity: 'error',
    category: 'admission',
    inputs: ['Telemetry'],
    summary: 'A Telemetry access-log filter is not a valid CEL expression, or a custom tracing tag has no name.',
    istioctl: 'IST0106',
    docs: `## Why
Access-log \`filter.expression\` is a CEL expression over request and response attributes, such as \`response.code >= 400\`; istiod rejects expressions that do not parse.
Every custom tracing tag needs a name (the map key): it becomes the span tag.

## Example
\`\`\`yaml
accessLogging:
- filter:
    expression: "response.code >= "   # incomplete expression
tracing:
- customTags:
    "": {literal: {value: prod}}
\`\`\`

## Fix
Complete the expression, and name each tag.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    list(spec.accessLogging).forEach((item, i) => {
      const expression = obj(obj(item)?.filter)?.expression;
      if (typeof expression !== 'string') return;
      const error = celSyntaxError(expression);
      if (error) ctx.report({ path: ['spec', 'accessLogging', i, 'filter', 'expression'], message: `the filter expression is not valid CEL: ${error}` });
    });
    list(spec.tracing).forEach((item, i) => {
      const tracing = obj(item);
      if (!tracing) return;
      const tags = obj(tracing.customTags);
      if (tags && '' in tags) ctx.report({ path: ['spec', 'tracing', i, 'customTags', ''], target: 'key', message: 'a custom tag needs a name' });
    });
  },
);
