// The CLI's findings and their three renderings: text for people, JSON for scripts, SARIF for code scanning.
import type { Diagnostic } from '../core/analysis';

/** One element of `--format json`; this shape is a contract with CI pipelines. */
export interface JsonFinding {
  readonly file: string;
  readonly range: Diagnostic['range'];
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly istioCode?: string;
  readonly message: string;
  readonly resource?: string;
  readonly source: 'istio-yaml';
}

export function toJsonFinding(file: string, d: Diagnostic): JsonFinding {
  return {
    file,
    range: d.range,
    severity: d.severity,
    code: d.code,
    ...(d.istioCode ? { istioCode: d.istioCode } : {}),
    message: d.message,
    ...(d.resource ? { resource: d.resource } : {}),
    source: 'istio-yaml',
  };
}

export function formatText(findings: readonly JsonFinding[], cwd: string, relative: (from: string, to: string) => string): string {
  const lines = findings.map((f) => {
    const where = `${relative(cwd, f.file) || f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const codes = f.istioCode ? `${f.code}/${f.istioCode}` : f.code;
    return `${where}: ${f.severity} [${codes}] ${f.message}${f.resource ? ` (${f.resource})` : ''}`;
  });
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(`${findings.length ? '' : 'No problems found. '}${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`);
  return lines.join('\n');
}

const SARIF_LEVEL: Record<JsonFinding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifRule {
  readonly code: string;
  readonly name: string;
  readonly summary: string;
  readonly helpUri: string;
  readonly severity: JsonFinding['severity'];
}

export function formatSarif(findings: readonly JsonFinding[], rules: readonly SarifRule[], version: string, toUri: (file: string) => string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'istio-yaml',
            version,
            informationUri: 'https://github.com/istio-yaml/istio-yaml',
            rules: rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              helpUri: r.helpUri,
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: rules.findIndex((r) => r.code === f.code),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.resource ? `${f.message} (${f.resource})` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.file) },
                // SARIF is 1-based; its columns count UTF-16 code units by default, as LSP does.
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
          ...(f.istioCode ? { properties: { istioCode: f.istioCode } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
