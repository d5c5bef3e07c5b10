// `retryOn` values Envoy accepts: the retry policies of `x-envoy-retry-on` / `x-envoy-retry-grpc-on`,
// and HTTP status codes that Go's net/http knows (Istio checks with `http.StatusText`).

export const RETRY_ON_POLICIES: ReadonlySet<string> = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream',
  'retriable-status-codes', 'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);

const KNOWN_STATUS_CODES: ReadonlySet<number> = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423,
  424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/** True when one comma-separated `retryOn` item is accepted (no trimming: Istio does not trim either). */
export function isValidRetryOn(item: string): boolean {
  if (RETRY_ON_POLICIES.has(item)) return true;
  // strconv.Atoi: optional sign and decimal digits.
  if (!/^[+-]?\d+$/.test(item)) return false;
  return KNOWN_STATUS_CODES.has(Number(item));
}
