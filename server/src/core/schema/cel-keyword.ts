// Placeholder for the `x-kubernetes-validations` keyword; replaced by the CEL evaluator.
import type { KeywordDefinition } from 'ajv';

export function celKeyword(): KeywordDefinition {
  return { keyword: 'x-kubernetes-validations' };
}
