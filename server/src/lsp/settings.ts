// Validates the client's `istioYaml` settings into the core's CoreSettings; bad values fall back to defaults.
import type { CoreSettings, Severity } from '../core/analysis';
import { DEFAULT_SETTINGS } from '../core/types';

const SEVERITIES = new Set<Severity>(['error', 'warning', 'information', 'hint']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ServerSettings {
  readonly core: CoreSettings;
  readonly exclude: readonly string[];
}

export function readSettings(raw: unknown): ServerSettings {
  const s = isRecord(raw) ? raw : {};
  const validation = isRecord(s.validation) ? s.validation : {};
  const analyzers = isRecord(s.analyzers) ? s.analyzers : {};
  const references = isRecord(s.references) ? s.references : {};
  const severity: Record<string, Severity> = {};
  if (isRecord(analyzers.severity)) {
    for (const [key, value] of Object.entries(analyzers.severity)) if (SEVERITIES.has(value as Severity)) severity[key] = value as Severity;
  }
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    core: {
      defaultNamespace: typeof s.defaultNamespace === 'string' && s.defaultNamespace.trim() ? s.defaultNamespace.trim() : DEFAULT_SETTINGS.defaultNamespace,
      schemaValidation: typeof validation.schema === 'boolean' ? validation.schema : true,
      admissionValidation: typeof validation.admission === 'boolean' ? validation.admission : true,
      disabled: strings(analyzers.disabled),
      severity,
      unresolvedInIncompleteWorkspace: references.incompleteWorkspace === 'information' ? 'information' : 'off',
    },
    exclude: strings(s.exclude),
  };
}
