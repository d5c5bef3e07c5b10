// The `x-kubernetes-validations` keyword: evaluates the CRD's CEL rules during ajv validation and
// reports each broken rule with its own message, at the field carrying it (or at its fieldPath).
import type { AnySchemaObject, ErrorObject, FuncKeywordDefinition, KeywordDefinition, ValidateFunction } from 'ajv';
import type { JsonSchema } from '../model/kinds';
import { compileRule } from './cel/compile';
import { BLOCKED_BY_SCHEMA, celConverter } from './cel/convert';
import { evaluateRule, type ValidationRule } from './cel/evaluate';
import { fieldPathPointer } from './cel/field-path';

type DataValidateFunction = ReturnType<NonNullable<FuncKeywordDefinition['compile']>>;
type DataValidationCxt = Parameters<ValidateFunction>[1];

export const CEL_KEYWORD = 'x-kubernetes-validations';

function isRule(entry: unknown): entry is ValidationRule {
  return typeof entry === 'object' && entry !== null && typeof (entry as { rule?: unknown }).rule === 'string';
}

/** Builds the data validator of one schema node: conversion plan and rules are prepared here, once. */
function compileRules(schema: unknown, parentSchema: AnySchemaObject): DataValidateFunction {
  const rules = (Array.isArray(schema) ? schema : []).filter(isRule);
  // Compile now so that the first keystroke does not pay for it; transition and invalid rules are
  // dropped here (compileRule caches by text, so evaluateRule finds these again for free).
  const active = rules.filter((r) => compileRule(r.rule).kind === 'compiled');
  const pointers = active.map((r) => fieldPathPointer(r.fieldPath));
  const convert = celConverter(parentSchema as JsonSchema);

  const validate: DataValidateFunction = (data: unknown, cxt?: DataValidationCxt) => {
    validate.errors = undefined;
    if (!active.length || data === null || data === undefined) return true;
    let self: unknown;
    try {
      self = convert(data);
    } catch {
      return true; // conversion never throws on YAML data; this only guards the editor
    }
    // Data of the wrong type (or missing a required field...) is reported by the schema's own keywords;
    // the API server does not evaluate rules over such data, and neither do we.
    if (self === BLOCKED_BY_SCHEMA) return true;
    const errors: Partial<ErrorObject>[] = [];
    for (let i = 0; i < active.length; i++) {
      const rule = active[i];
      const message = evaluateRule(rule, self);
      if (message === undefined) continue;
      const error: Partial<ErrorObject> = {
        keyword: CEL_KEYWORD,
        message,
        params: rule.reason ? { rule: rule.rule, reason: rule.reason } : { rule: rule.rule },
      };
      // Without an instancePath ajv fills in the node's own; with a fieldPath we extend it.
      if (pointers[i]) error.instancePath = `${cxt?.instancePath ?? ''}${pointers[i]}`;
      errors.push(error);
    }
    if (!errors.length) return true;
    validate.errors = errors;
    return false;
  };
  return validate;
}

export function celKeyword(): KeywordDefinition {
  return { keyword: CEL_KEYWORD, schemaType: 'array', compile: compileRules };
}
