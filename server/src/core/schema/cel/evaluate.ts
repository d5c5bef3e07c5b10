// Evaluates one `x-kubernetes-validations` rule against converted data, the way the API server decides
// it: false, or a run-time error on well-typed data (a bad duration, a missing field), breaks the rule.
import { EvaluationError } from '@marcbachmann/cel-js';
import { compileExpression, compileRule } from './compile';
import { CelValueError } from './environment';

/** One entry of an `x-kubernetes-validations` array. */
export interface ValidationRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly fieldPath?: string;
  readonly reason?: string;
}

/**
 * Run-time errors that the API server reports as a broken rule ("no such key", "index out of bounds",
 * an unparsable duration...). The data has already been checked against the schema, so these come from
 * values, not types. Other errors (no matching overload, a regex JS cannot read) say more about this
 * evaluator than about the data, and are not reported.
 */
const VALUE_ERRORS = new Set([
  'invalid_duration',
  'invalid_timestamp',
  'int_conversion_error',
  'uint_conversion_error',
  'index_out_of_range',
  'no_such_key',
  'numeric_overflow',
  'division_by_zero',
  'modulo_by_zero',
]);

function isValueError(error: unknown): boolean {
  return error instanceof CelValueError || (error instanceof EvaluationError && VALUE_ERRORS.has(error.code));
}

/** Returns the failure message when `self` breaks the rule, undefined when it holds or cannot be decided. */
export function evaluateRule(rule: ValidationRule, self: unknown): string | undefined {
  const compiled = compileRule(rule.rule);
  if (compiled.kind !== 'compiled') return undefined;
  let result: unknown;
  try {
    result = compiled.program({ self });
  } catch (error) {
    return isValueError(error) ? failureMessage(rule, self) : undefined;
  }
  return result === false ? failureMessage(rule, self) : undefined;
}

/** messageExpression when it yields a usable string, else message, else Kubernetes' default text. */
function failureMessage(rule: ValidationRule, self: unknown): string {
  if (typeof rule.messageExpression === 'string') {
    const compiled = compileExpression(rule.messageExpression);
    if (compiled.kind === 'compiled') {
      try {
        const text: unknown = compiled.program({ self });
        // Kubernetes falls back to `message` for blank or multi-line results.
        if (typeof text === 'string' && text.trim() !== '' && !/[\r\n]/.test(text)) return text;
      } catch {
        // A failing messageExpression falls back to `message`, as in Kubernetes.
      }
    }
  }
  if (typeof rule.message === 'string' && rule.message.trim() !== '') return rule.message;
  return `failed rule: ${rule.rule}`;
}
