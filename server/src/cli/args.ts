// Parses the CLI's arguments. Pure: returns the options or a usage error.

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly namespace?: string;
  readonly disable: readonly string[];
  /** A MeshConfig YAML file (as `istioctl analyze --meshConfigFile` takes), read as the mesh's `istio` ConfigMap. */
  readonly meshConfig?: string;
  /** As the editor setting `istioYaml.references.incompleteWorkspace`. */
  readonly incompleteWorkspace: 'off' | 'information';
}

export type ParsedArgs = CheckOptions | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'list-analyzers' } | { readonly command: 'error'; readonly message: string };

export const USAGE = `Usage: istio-yaml check [files or directories...] [options]

Checks Istio configuration: YAML syntax, the Istio CRD schemas, CEL rules and Istio's admission rules.
With no paths, checks the current directory.

Options:
  --format text|json|sarif   output format (default: text)
  --namespace NS             namespace of resources without metadata.namespace (default: default);
                             --namespace= leaves them without one, as \`istioctl analyze -A\` does
  --disable CODE[,CODE...]   analyzer codes or names to turn off
  --incomplete-workspace off|information
                             references to a kind the files hold none of (no Services at all,
                             say): not reported (default), or reported as information
  --mesh-config FILE         MeshConfig YAML to analyse against (as istioctl's --meshConfigFile),
                             instead of an \`istio\` ConfigMap among the files or Istio's defaults
  --list-analyzers           print every analyzer and exit
  --version                  print the version and exit
  -h, --help                 print this help and exit

Exit status: 0 when no error was found, 1 when an error was found, 2 on a usage error.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv.includes('--version')) return { command: 'version' };
  if (argv.includes('--list-analyzers')) return { command: 'list-analyzers' };
  const [command, ...rest] = argv;
  if (command === undefined) return { command: 'help' };
  if (command !== 'check') return { command: 'error', message: `unknown command '${command}'` };
  const paths: string[] = [];
  let format: OutputFormat = 'text';
  let namespace: string | undefined;
  const disable: string[] = [];
  let meshConfig: string | undefined;
  let incompleteWorkspace: CheckOptions['incompleteWorkspace'] = 'off';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return { command: 'error', message: `--format must be text, json or sarif, not '${v ?? ''}'` };
      format = v;
    } else if (flag === '--namespace' || flag === '-n') {
      const v = value();
      // An explicit empty value (`--namespace=`) is meaningful: no namespace, as istioctl's -A.
      if (v === undefined || (!v && inline === undefined)) return { command: 'error', message: '--namespace needs a value' };
      namespace = v;
    } else if (flag === '--disable') {
      const v = value();
      if (!v) return { command: 'error', message: '--disable needs a value' };
      disable.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
    } else if (flag === '--incomplete-workspace') {
      const v = value();
      if (v !== 'off' && v !== 'information') return { command: 'error', message: `--incomplete-workspace must be off or information, not '${v ?? ''}'` };
      incompleteWorkspace = v;
    } else if (flag === '--mesh-config') {
      const v = value();
      if (!v) return { command: 'error', message: '--mesh-config needs a file' };
      meshConfig = v;
    } else if (flag.startsWith('-') && flag !== '-') {
      return { command: 'error', message: `unknown option '${flag}'` };
    } else {
      paths.push(arg);
    }
  }
  return { command: 'check', paths: paths.length ? paths : ['.'], format, namespace, disable, incompleteWorkspace, ...(meshConfig ? { meshConfig } : {}) };
}
