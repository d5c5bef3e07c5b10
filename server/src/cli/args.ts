// Parses the CLI's arguments. Pure: returns the options or a usage error.

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly namespace?: string;
  readonly disable: readonly string[];
}

export type ParsedArgs = CheckOptions | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'list-analyzers' } | { readonly command: 'error'; readonly message: string };

export const USAGE = `Usage: istio-yaml check [files or directories...] [options]

Checks Istio configuration: YAML syntax, the Istio CRD schemas, CEL rules and Istio's admission rules.
With no paths, checks the current directory.

Options:
  --format text|json|sarif   output format (default: text)
  --namespace NS             namespace of resources without metadata.namespace (default: default)
  --disable CODE[,CODE...]   analyzer codes or names to turn off
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
      if (!v) return { command: 'error', message: '--namespace needs a value' };
      namespace = v;
    } else if (flag === '--disable') {
      const v = value();
      if (!v) return { command: 'error', message: '--disable needs a value' };
      disable.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
    } else if (flag.startsWith('-') && flag !== '-') {
      return { command: 'error', message: `unknown option '${flag}'` };
    } else {
      paths.push(arg);
    }
  }
  return { command: 'check', paths: paths.length ? paths : ['.'], format, namespace, disable };
}
