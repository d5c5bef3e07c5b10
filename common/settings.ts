// The settings shape the client exposes under `istioYaml.*` and the server reads through
// workspace/configuration. Types only.

export type SettingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface IstioYamlSettings {
  readonly defaultNamespace: string;
  readonly validation: { readonly schema: boolean; readonly admission: boolean };
  readonly analyzers: { readonly disabled: readonly string[]; readonly severity: Readonly<Record<string, SettingSeverity>> };
  readonly references: { readonly incompleteWorkspace: 'information' | 'off' };
  /** Glob patterns (relative to a workspace folder) of files the server does not index. */
  readonly exclude: readonly string[];
}

export const SETTINGS_SECTION = 'istioYaml';
