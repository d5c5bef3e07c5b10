// Value rules of the annotations the sidecar injector validates (`inject.AnnotationValidation`):
// a pod whose annotation fails one is rejected by the injector. Each returns a problem or undefined.
// `proxy.istio.io/config` is only checked to be a YAML map here: the full ProxyConfig validation
// (field types and ranges) is not reimplemented.
import { parse } from 'yaml';
import { isCidr } from '../istio/validation/network';
import { isObject } from '../model/resource';

type Validator = (value: string) => string | undefined;

/** Go's `strconv.ParseUint(s, 10, bits)`: decimal digits only, no sign, no spaces. */
function parseUint(value: string, bits: 16 | 32): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 2 ** bits - 1 ? n : undefined;
}

const uint32: Validator = (v) => (parseUint(v, 32) === undefined ? `'${v}' is not a non-negative 32-bit integer` : undefined);

function portProblem(text: string): string | undefined {
  return parseUint(text.trim(), 16) === undefined ? `'${text}' is not a port number (0-65535)` : undefined;
}

/** A comma-separated port list; empty is allowed. */
function portList(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  for (const part of trimmed.split(',')) {
    const problem = portProblem(part);
    if (problem) return problem;
  }
  return undefined;
}

/** A comma-separated CIDR list (no spaces: each item must parse as is); empty is allowed. */
function cidrList(value: string): string | undefined {
  if (!value) return undefined;
  const bad = value.split(',').find((c) => !isCidr(c));
  return bad === undefined ? undefined : `'${bad}' is not a CIDR block`;
}

const GO_BOOLEANS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

const VALIDATORS: Readonly<Record<string, Validator>> = {
  'sidecar.istio.io/interceptionMode': (v) => (['REDIRECT', 'TPROXY', 'NONE'].includes(v) ? undefined : `'${v}' is not an interception mode: use REDIRECT, TPROXY or NONE`),
  'status.sidecar.istio.io/port': portProblem,
  'readiness.status.sidecar.istio.io/initialDelaySeconds': uint32,
  'readiness.status.sidecar.istio.io/periodSeconds': uint32,
  'readiness.status.sidecar.istio.io/failureThreshold': uint32,
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (v) => (v === '*' ? undefined : cidrList(v)),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': cidrList,
  'traffic.sidecar.istio.io/includeInboundPorts': (v) => (v === '*' ? undefined : portList(v)),
  'traffic.sidecar.istio.io/excludeInboundPorts': portList,
  'traffic.sidecar.istio.io/excludeOutboundPorts': portList,
  'prometheus.istio.io/merge-metrics': (v) => (GO_BOOLEANS.has(v) ? undefined : `'${v}' is not a boolean: use true or false`),
  'proxy.istio.io/config': (v) => {
    try {
      const parsed: unknown = parse(v, { maxAliasCount: 100 });
      return parsed === null || parsed === undefined || isObject(parsed) ? undefined : 'the value is not a YAML map of ProxyConfig fields';
    } catch (error) {
      return `the value is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
  },
};

/** Names of the annotations with a value rule. */
export const VALIDATED_ANNOTATIONS: readonly string[] = Object.keys(VALIDATORS);

/** The problem with an annotation's value, or undefined when it is valid or has no rule. */
export function annotationValueProblem(name: string, value: string): string | undefined {
  return VALIDATORS[name]?.(value);
}
