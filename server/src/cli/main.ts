// `istio-yaml check`: the same language core as the editor, for CI pipelines.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_ANALYZERS, docsUrl, Workspace } from '../core/analysis';
import { DEFAULT_SETTINGS } from '../core/types';
import { parseArgs, USAGE, type CheckOptions } from './args';
import { collectFiles } from './files';
import { MESH_CONFIG_RESOURCE, wrapMeshConfig, type WrappedMeshConfig } from './mesh-config';
import { formatSarif, formatText, type JsonFinding, toJsonFinding } from './report';

const VERSION = '0.1.0';

function check(options: CheckOptions): number {
  const { files, missing } = collectFiles(options.paths);
  for (const m of missing) process.stderr.write(`istio-yaml: no such file or directory: ${m}\n`);
  if (missing.length && !files.length) return 2;
  const workspace = new Workspace({ now: Date.now });
  workspace.configure({ ...DEFAULT_SETTINGS, defaultNamespace: options.namespace ?? DEFAULT_SETTINGS.defaultNamespace, disabled: options.disable, unresolvedInIncompleteWorkspace: options.incompleteWorkspace });
  const uris = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      // Editors drop a byte-order mark before computing columns; do the same so positions agree.
      text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      process.stderr.write(`istio-yaml: cannot read ${file}: ${(error as Error).message}\n`);
      continue;
    }
    const uri = pathToFileURL(file).toString();
    uris.set(uri, file);
    workspace.setFile(uri, text);
  }
  const mesh = options.meshConfig ? readMeshConfig(workspace, options.meshConfig) : undefined;
  if (options.meshConfig && !mesh) return 2;
  const snapshot = workspace.snapshot();
  const findings: JsonFinding[] = [];
  for (const [uri, file] of uris) for (const d of snapshot.diagnostics(uri)) findings.push(toJsonFinding(file, d));
  if (mesh) {
    for (const d of snapshot.diagnostics(MESH_URI)) {
      const range = { start: mesh.wrapped.toFile(d.range.start.line, d.range.start.character), end: mesh.wrapped.toFile(d.range.end.line, d.range.end.character) };
      findings.push(toJsonFinding(mesh.file, { ...d, range, resource: MESH_CONFIG_RESOURCE }));
    }
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else if (options.format === 'sarif') {
    const rules = ALL_ANALYZERS.map((a) => ({ code: a.code, name: a.name, summary: a.summary, helpUri: docsUrl(a), severity: a.severity }));
    process.stdout.write(`${formatSarif(findings, rules, VERSION, (f) => pathToFileURL(f).toString())}\n`);
  } else {
    process.stdout.write(`${formatText(findings, process.cwd(), path.relative)}\n`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

const MESH_URI = 'istio-yaml-cli:/mesh-config/istio-configmap.yaml';

/** Adds the `--mesh-config` file to the workspace as the mesh's `istio` ConfigMap. */
function readMeshConfig(workspace: Workspace, file: string): { file: string; wrapped: WrappedMeshConfig } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`istio-yaml: cannot read the mesh config ${file}: ${(error as Error).message}\n`);
    return undefined;
  }
  const wrapped = wrapMeshConfig(text);
  workspace.setFile(MESH_URI, wrapped.text);
  return { file: path.resolve(file), wrapped };
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return argv.length ? 0 : 2;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'list-analyzers':
      for (const a of ALL_ANALYZERS) process.stdout.write(`${a.code}  ${a.name.padEnd(36)} ${a.severity.padEnd(11)} ${a.istioctl ?? '       '}  ${a.summary}\n`);
      return 0;
    case 'error':
      process.stderr.write(`istio-yaml: ${args.message}\n\n${USAGE}\n`);
      return 2;
    case 'check':
      return check(args);
  }
}

process.exitCode = main(process.argv.slice(2));
