// Typed access to the extension's settings, in the shape the server expects.
import * as vscode from 'vscode';
import { type IstioYamlSettings, SETTINGS_SECTION } from '../../common/settings';

export function readSettings(): IstioYamlSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    defaultNamespace: c.get('defaultNamespace', 'default'),
    validation: { schema: c.get('validation.schema', true), admission: c.get('validation.admission', true) },
    analyzers: { disabled: c.get('analyzers.disabled', []), severity: c.get('analyzers.severity', {}) },
    references: { incompleteWorkspace: c.get('references.incompleteWorkspace', 'off') },
    exclude: c.get('exclude', []),
  };
}
