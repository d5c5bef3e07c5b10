// Fault injection values: percentages Envoy can represent and the gRPC status names it knows.

/** `validatePercentage`: 0, or within [0.0001, 100]. */
export function percentageProblem(value: number): string | undefined {
  if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) return `percentage ${value} is neither 0 nor within 0.0001–100`;
  return undefined;
}

export const GRPC_STATUS_NAMES: ReadonlySet<string> = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);
