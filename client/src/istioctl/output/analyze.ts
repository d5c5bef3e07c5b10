// `istioctl analyze -o json`: a JSON array of messages on stdout (after any log lines), and on
// stderr the files it skipped, the files it could not parse and a success line.
import type { AnalyzeFileError, AnalyzeMessage, AnalyzeOutput } from '../types';
import { GO_QUOTED, unquoteGo } from './go-quote';
import { isRecord, jsonValuesIn, str } from './json-values';

const PARSING_CONTENT = new RegExp(`errors parsing content "${GO_QUOTED}": (.*)$`);

export function parseAnalyzeOutput(stdout: string, stderr: string): AnalyzeOutput | undefined {
  const found = jsonValuesIn(stdout, '[').find((v) => Array.isArray(v.value) && v.value.every(isRecord));
  if (!found) return undefined;
  const messages = (found.value as Record<string, unknown>[]).map(toMessage);
  const outside = stdout.slice(0, found.start) + '\n' + stdout.slice(found.end);
  return {
    messages,
    notes: [...noteLines(outside), ...noteLines(stderr)],
    fileErrors: fileErrors(`${outside}\n${stderr}`),
  };
}

function toMessage(raw: Record<string, unknown>): AnalyzeMessage {
  const origin = str(raw.origin) ?? '';
  const resource = parseOrigin(origin);
  const reference = str(raw.reference) ? parseReference(str(raw.reference)!) : undefined;
  const documentationUrl = str(raw.documentationUrl);
  const cluster = str(raw.cluster);
  return {
    code: str(raw.code) ?? '',
    level: raw.level === 'Error' || raw.level === 'Warning' ? raw.level : 'Info',
    message: str(raw.message) ?? '',
    ...(documentationUrl ? { documentationUrl } : {}),
    origin,
    ...(resource ? { resource } : {}),
    ...(reference ?? {}),
    ...(cluster ? { cluster } : {}),
  };
}

/**
 * `Kind ns/name` for namespaced objects, `Kind name` for cluster-scoped ones (istioctl's
 * FriendlyName). The kind is the bare kind, also for the Gateway API's Gateway.
 */
export function parseOrigin(origin: string): AnalyzeMessage['resource'] | undefined {
  const m = /^(\S+) (?:([^\s/]+)\/)?([^\s/]+)$/.exec(origin.trim());
  if (!m) return undefined;
  return { kind: m[1], ...(m[2] ? { namespace: m[2] } : {}), name: m[3] };
}

/** `file:line`, split at the last colon so Windows drive letters survive; a JSON file's reference has no line. */
export function parseReference(reference: string): { file: string; line?: number } {
  const m = /^(.*):(\d+)$/.exec(reference);
  return m && m[1] ? { file: m[1], line: Number(m[2]) } : { file: reference };
}

/** Lines worth showing: log lines and messages about skipped or broken files, not the success line and its file list. */
function noteLines(text: string): string[] {
  const notes: string[] = [];
  let inSuccessList = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^\u2714 No validation issues found/.test(line)) {
      inSuccessList = true;
      continue;
    }
    if (inSuccessList && /^- /.test(line)) continue;
    inSuccessList = false;
    notes.push(line);
  }
  return notes;
}

/**
 * The documents istioctl dropped: `error processing FILE[N]: reason` in its error list (stderr) and in
 * its warn log line (stdout, ending in ` - skipping`); a file whose content could not even be split
 * into documents has only `errors parsing content "FILE": reason`.
 */
function fileErrors(text: string): AnalyzeFileError[] {
  const errors: AnalyzeFileError[] = [];
  const seen = new Set<string>();
  const add = (error: AnalyzeFileError) => {
    const key = `${error.file}\u0000${error.document ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(error);
  };
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    const m = /error processing (.+?)\[(\d+)\]: (.*?)(?: - skipping)?$/.exec(line);
    if (m) add({ file: m[1], document: Number(m[2]), message: m[3] });
  }
  for (const line of lines) {
    const m = PARSING_CONTENT.exec(line);
    const file = m && unquoteGo(m[1]);
    if (m && file && !errors.some((e) => e.file === file) && !/^\d+ errors? occurred:$/.test(m[2])) add({ file, message: m[2] });
  }
  return errors;
}
