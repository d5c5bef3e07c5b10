// Runs the real `istioctl analyze` and our CLI on the same files and pairs their messages: every
// message istioctl gives must also come from us, with the same code and resource, and on the same
// line where istioctl points at a field.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runIstioctl } from './istioctl';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

/** One message of `istioctl analyze -o json`. */
export interface IstioctlMessage {
  readonly code: string;
  readonly level: string;
  readonly message: string;
  /** `Kind ns/name` (or `Kind name`). */
  readonly origin: string;
  /** `file:line`, 1-based, when istioctl knows where the object came from. */
  readonly reference?: string;
}

/** The parts of our `--format json` findings the comparison reads. */
export interface OurFinding {
  readonly file: string;
  readonly range: { readonly start: { readonly line: number } };
  readonly code: string;
  readonly istioCode?: string;
  readonly message: string;
  readonly resource?: string;
}

export interface Pairing {
  readonly message: IstioctlMessage;
  /** The file (absolute) and 1-based line istioctl names, if any (corrected for its empty-document shift). */
  readonly where?: { readonly file: string; readonly line: number };
  /** Our finding with the same code and resource (and line, when istioctl's line is not the object's first line). */
  readonly ours?: OurFinding;
  /** Set when ours is on another line for a documented reason (the id of that difference). */
  readonly lineDifference?: string;
  /** When unpaired: our findings with the same code and resource on other lines (for the report). */
  readonly elsewhere: readonly OurFinding[];
}

export interface Comparison {
  readonly istioctl: readonly IstioctlMessage[];
  readonly ours: readonly OurFinding[];
  readonly pairs: readonly Pairing[];
  /** istioctl's stderr: files it could not parse, and the like. */
  readonly istioctlStderr: string;
}

export async function analyzeWithIstioctl(files: readonly string[], meshConfigFile?: string): Promise<{ messages: IstioctlMessage[]; stderr: string }> {
  const args = ['analyze', '--use-kube=false', '--all-namespaces', '-o', 'json'];
  if (meshConfigFile) args.push('--meshConfigFile', meshConfigFile);
  const run = await runIstioctl([...args, ...files]);
  // istioctl prints the JSON array on stdout, after its log lines about files it skipped (also on stdout).
  const lines = run.stdout.split('\n');
  const start = lines.findIndex((line) => line === '[' || line === '[]');
  if (start < 0) throw new Error(`istioctl analyze printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const end = lines.findIndex((line, i) => i >= start && (line === ']' || line === '[]'));
  const skipped = lines.slice(0, start).join('\n');
  return { messages: JSON.parse(lines.slice(start, end + 1).join('\n')) as IstioctlMessage[], stderr: `${skipped}\n${run.stderr}`.trim() };
}

/** Our CLI's `--format json` findings for the files (exit 0 or 1; anything else is a failure). */
export function checkWithOurCli(files: readonly string[], extraArgs: readonly string[] = []): Promise<OurFinding[]> {
  const args = [CLI, 'check', '--format', 'json', ...extraArgs, ...files];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? error.code : 0;
      if (status !== 0 && status !== 1) reject(new Error(`our CLI failed (exit ${String(status)}) on ${files.join(' ')}: ${stderr}`));
      else resolve(JSON.parse(stdout) as OurFinding[]);
    });
  });
}

/**
 * As istioctl -A: objects without a namespace keep none. istioctl reports references to kinds the
 * files hold none of; our default is silence there (an incomplete workspace), `information` says it.
 */
const AS_ISTIOCTL_ANALYZE = ['--namespace=', '--incomplete-workspace', 'information'];

/** `file:line` → absolute file and 1-based line. istioctl prints the path as it was given. */
function parseReference(reference: string | undefined): Pairing['where'] {
  const match = reference ? /^(.*):(\d+)$/.exec(reference) : null;
  return match ? { file: path.resolve(match[1]), line: Number(match[2]) } : undefined;
}

interface FileLines {
  /** 1-based lines where istioctl points when a message is about a whole object: a document's `---`, its first line, its `metadata.name`. */
  readonly objectLines: ReadonlySet<number>;
  /** 1-based line ranges [first, last] of documents that follow an empty one, as istioctl numbers them (one ahead). */
  readonly shifted: readonly (readonly [number, number])[];
}

function fileLines(file: string): FileLines {
  const objectLines = new Set<number>([1]);
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\r?\n/) : [];
  const separators: number[] = [];
  lines.forEach((line, i) => {
    if (/^---\s*$/.test(line)) {
      separators.push(i + 1);
      objectLines.add(i + 1).add(i + 2);
    }
    if (/^metadata:\s*(#.*)?$/.test(line)) {
      // The first `name:` among metadata's own fields (its first indentation level).
      const indent = /^(\s+)\S/.exec(lines[i + 1] ?? '')?.[1];
      for (let j = i + 1; indent && j < lines.length && lines[j].startsWith(indent); j++) {
        if (lines[j].startsWith(`${indent}name:`)) objectLines.add(j + 1);
      }
    }
  });
  // A `---` on the first line, or right after another `---`, ends an empty document; istioctl numbers
  // the lines of the next document one too high.
  const shifted = separators.flatMap((s, k): [number, number][] => {
    if (s !== 1 && separators[k - 1] !== s - 1) return [];
    const next = separators[k + 1] ?? lines.length + 1;
    return [[s + 2, next]];
  });
  return { objectLines, shifted };
}

/** Undoes istioctl's numbering after an empty document, so a line it prints is compared with the line it means. */
function correctedLine(line: number, lines: FileLines): number {
  return lines.shifted.some(([first, last]) => line >= first && line <= last) ? line - 1 : line;
}

/** How close a line of ours is to istioctl's, for picking among several findings. */
const distance = (f: OurFinding, line: number) => Math.abs(f.range.start.line + 1 - line);

export async function compare(files: readonly string[], meshConfigFile: string | undefined, otherLine: (message: IstioctlMessage) => string | undefined): Promise<Comparison> {
  const [{ messages, stderr }, ours] = await Promise.all([
    analyzeWithIstioctl(files, meshConfigFile),
    checkWithOurCli(files, [...AS_ISTIOCTL_ANALYZE, ...(meshConfigFile ? ['--mesh-config', meshConfigFile] : [])]),
  ]);
  const cache = new Map<string, FileLines>();
  const linesOf = (file: string) => cache.get(file) ?? cache.set(file, fileLines(file)).get(file)!;
  const used = new Set<OurFinding>();
  const pairs = messages.map((message): Pairing => {
    const printed = parseReference(message.reference);
    const where = printed && { file: printed.file, line: correctedLine(printed.line, linesOf(printed.file)) };
    const candidates = ours.filter((f) => (f.istioCode ?? f.code) === message.code && f.resource === message.origin);
    const fresh = (f: OurFinding) => !used.has(f);
    let pick: OurFinding | undefined;
    let lineDifference: string | undefined;
    if (where) {
      const inFile = candidates.filter((f) => path.resolve(f.file) === where.file);
      const onLine = inFile.filter((f) => f.range.start.line + 1 === where.line);
      pick = onLine.find(fresh) ?? onLine[0];
      // About the whole object (its first line or its name): any line of ours on that object will do.
      if (!pick && linesOf(where.file).objectLines.has(where.line)) pick = inFile.find(fresh) ?? inFile[0];
      if (!pick && inFile.length && (lineDifference = otherLine(message))) {
        pick = [...inFile].sort((a, b) => distance(a, where.line) - distance(b, where.line))[0];
      }
    } else {
      pick = candidates.find(fresh) ?? candidates[0];
    }
    if (pick) used.add(pick);
    return { message, where, ours: pick, ...(lineDifference && pick ? { lineDifference } : {}), elsewhere: pick ? [] : candidates };
  });
  return { istioctl: messages, ours, pairs, istioctlStderr: stderr };
}
