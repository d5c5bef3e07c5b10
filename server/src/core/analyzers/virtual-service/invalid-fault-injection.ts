// Fault injection istiod rejects: no abort or delay, invalid percentages, unknown statuses, and the
// unsupported http2Error and exponentialDelay.
import { GRPC_STATUS_NAMES, percentageProblem } from '../../istio/validation/fault';
import { specOf } from '../../istio/validation/virtual-service';
import { list, num, obj } from '../../istio/validation/values';
import type { PathSegment } from '../../yaml/path';
import { defineAnalyzer, type ResourceContext } from '../framework';

function checkPercentage(ctx: ResourceContext, value: unknown, path: PathSegment[]): void {
  const v = num(obj(value)?.value);
  if (v === undefined) return;
  const problem = percentageProblem(v);
  if (problem) ctx.report({ path: [...path, 'percentage', 'value'], message: problem });
}

export const invalidFaultInjection = defineAnalyzer(
  {
    code: 'IY119',
    name: 'invalid-fault-injection',
    severity: 'error',
    category: 'admission',
    inputs: ['VirtualService'],
    summary: 'Fault injection has no abort or delay, an invalid percentage or status, or an unsupported fault type.',
    istioctl: 'IST0106',
    docs: `## Why
A \`fault\` needs an \`abort\` and/or a \`delay\`.
Percentages are 0 or between 0.0001 and 100; \`abort.httpStatus\` is between 200 and 599; \`abort.grpcStatus\` is a gRPC status name such as \`UNAVAILABLE\`.
\`abort.http2Error\` and \`delay.exponentialDelay\` exist in the API but are not implemented, so istiod rejects them.

## Example
\`\`\`yaml
fault:
  abort:
    grpcStatus: "14"            # use the name: UNAVAILABLE
    percentage: {value: 150}    # more than 100
\`\`\`

## Fix
Use \`httpStatus\` or a gRPC status name, \`fixedDelay\` for delays, and percentages within 0–100.`,
  },
  (ctx) => {
    const spec = specOf(ctx.resource);
    if (!spec) return;
    list(spec.http).forEach((item, i) => {
      const fault = obj(obj(item)?.fault);
      if (!fault) return;
      const at: PathSegment[] = ['spec', 'http', i, 'fault'];
      const abort = obj(fault.abort);
      const delay = obj(fault.delay);
      if (fault.abort == null && fault.delay == null) {
        ctx.report({ path: at, target: 'key', message: 'fault injection needs an abort and/or a delay' });
      }
      if (abort) {
        checkPercentage(ctx, abort.percentage, [...at, 'abort']);
        const status = num(abort.httpStatus);
        if (status !== undefined && (status < 200 || status > 600)) {
          ctx.report({ path: [...at, 'abort', 'httpStatus'], message: `HTTP status ${status} is not in the range 200–599` });
        }
        const grpc = abort.grpcStatus;
        if (typeof grpc === 'string' && !GRPC_STATUS_NAMES.has(grpc)) {
          ctx.report({ path: [...at, 'abort', 'grpcStatus'], message: `gRPC status '${grpc}' is not a gRPC status name (for example NOT_FOUND or UNAVAILABLE)` });
        }
        if (abort.http2Error !== undefined) {
          ctx.report({ path: [...at, 'abort', 'http2Error'], target: 'key', message: 'HTTP/2 error fault injection is not supported yet; use httpStatus or grpcStatus' });
        }
      }
      if (delay) {
        checkPercentage(ctx, delay.percentage, [...at, 'delay']);
        if (delay.exponentialDelay !== undefined) {
          ctx.report({ path: [...at, 'delay', 'exponentialDelay'], target: 'key', message: 'exponentialDelay is not supported yet; use fixedDelay' });
        }
      }
    });
  },
);
