// Fields Istio keeps only for compatibility, each with the field that replaces it.
import { isObject } from '../../model/resource';
import { defineAnalyzer } from '../framework';
import type { PathSegment } from '../../yaml/path';

interface DeprecatedField {
  readonly kinds: readonly string[];
  /** Matches the field path with list indexes written as `[]`. */
  readonly pattern: RegExp;
  readonly replacement: string;
}

const DEPRECATED: readonly DeprecatedField[] = [
  { kinds: ['VirtualService'], pattern: /^spec\.http\[\]\.(mirrorPercent|mirror_percent)$/, replacement: "use 'mirrorPercentage' (a percentage with a 'value')" },
  { kinds: ['VirtualService'], pattern: /^spec\.http\[\]\.fault\.delay\.percent$/, replacement: "use 'percentage' (a percentage with a 'value')" },
  { kinds: ['DestinationRule'], pattern: /\.outlierDetection\.consecutiveErrors$/, replacement: "use 'consecutive5xxErrors' or 'consecutiveGatewayErrors'" },
  { kinds: ['DestinationRule'], pattern: /\.loadBalancer\.consistentHash\.minimumRingSize$/, replacement: "use 'ringHash.minimumRingSize'" },
  { kinds: ['DestinationRule'], pattern: /\.loadBalancer\.warmupDurationSecs$/, replacement: "use 'warmup.duration'" },
  { kinds: ['Sidecar'], pattern: /^spec\.outboundTrafficPolicy\.egressProxy$/, replacement: 'route egress traffic with a ServiceEntry and an egress gateway instead' },
  { kinds: ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin'], pattern: /^spec\.targetRef$/, replacement: "use 'targetRefs' (a list)" },
  { kinds: ['RequestAuthentication'], pattern: /^spec\.jwtRules\[\]\.jwks_uri$/, replacement: "use 'jwksUri'" },
];

export const deprecatedField = defineAnalyzer(
  {
    code: 'IY007',
    name: 'deprecated-field',
    severity: 'information',
    category: 'deprecation',
    inputs: ['VirtualService', 'DestinationRule', 'Sidecar', 'AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin'],
    summary: 'A field that Istio keeps only for compatibility; its replacement is named.',
    istioctl: 'IST0002',
    docs: `## Why
Deprecated fields still work today but may stop working in a later Istio release, and some (\`targetRef\`) have more capable replacements.

## Example
\`\`\`yaml
http:
- mirror: { host: reviews }
  mirrorPercent: 10      # use mirrorPercentage: { value: 10 }
\`\`\`

## Fix
Move the setting to the replacement named in the message.`,
  },
  (ctx) => {
    const rules = DEPRECATED.filter((d) => d.kinds.includes(ctx.resource.kind));
    if (!rules.length) return;
    const visit = (value: unknown, path: PathSegment[], pattern: string): void => {
      if (Array.isArray(value)) {
        value.forEach((item, i) => visit(item, [...path, i], `${pattern}[]`));
      } else if (isObject(value)) {
        for (const [key, child] of Object.entries(value)) {
          const childPattern = pattern ? `${pattern}.${key}` : key;
          const rule = rules.find((r) => r.pattern.test(childPattern));
          if (rule) ctx.report({ path: [...path, key], target: 'key', message: `'${key}' is deprecated; ${rule.replacement}`, tags: ['deprecated'] });
          visit(child, [...path, key], childPattern);
        }
      }
    };
    visit(ctx.resource.value.spec, ['spec'], 'spec');
  },
);
