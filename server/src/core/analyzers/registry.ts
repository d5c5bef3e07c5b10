// Every analyzer, sorted by code. Settings filter this list; nothing is added conditionally.
import type { AnalyzerMeta, ResourceAnalyzer } from './framework';
import { celRuleViolation } from './schema/cel-rule-violation';
import { deprecatedApiVersion } from './deprecation/deprecated-api-version';
import { deprecatedField } from './deprecation/deprecated-field';
import { invalidFieldValue } from './schema/invalid-field-value';
import { missingRequiredField } from './schema/missing-required-field';
import { missingResourceName } from './schema/missing-resource-name';
import { unknownField } from './schema/unknown-field';
import { unknownIstioKind } from './schema/unknown-istio-kind';
import { yamlSyntaxError } from './schema/yaml-syntax-error';

/** Analyzers that run on one resource at a time. */
export const RESOURCE_ANALYZERS: readonly ResourceAnalyzer[] = [
  unknownField,
  invalidFieldValue,
  missingRequiredField,
  celRuleViolation,
  deprecatedApiVersion,
  deprecatedField,
  unknownIstioKind,
  missingResourceName,
];

/** Metadata of every analyzer, sorted by code: docs, settings and `--list-analyzers` read this. */
export const ALL_ANALYZERS: readonly AnalyzerMeta[] = [yamlSyntaxError.meta, ...RESOURCE_ANALYZERS.map((a) => a.meta)].sort((a, b) =>
  a.code.localeCompare(b.code),
);

export const SYNTAX_ANALYZER = yamlSyntaxError.meta;
