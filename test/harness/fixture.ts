// Reads fixture files: splits `#- path` multi-file fixtures, finds `$0`, and parses the expectation
// markers written in YAML comments (see CONTRIBUTING.md, "Fixture markers").
import type { Severity } from '../../server/src/core/types';

export interface FixtureFile {
  readonly path: string;
  readonly uri: string;
  /** Text with `$0` removed; comments (markers included) stay, they are valid YAML. */
  readonly text: string;
}

export interface Marker {
  readonly file: string;
  readonly line: number;
  readonly severity: Severity;
  readonly code: string;
  readonly substring?: string;
  /** Exact columns for caret markers. */
  readonly columns?: { readonly start: number; readonly end: number };
}

/** A caret marker with a label instead of a diagnostic (`#   ^^^^ def`): a range for feature checks. */
export interface LabelledRange {
  readonly file: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface Fixture {
  readonly files: readonly FixtureFile[];
  readonly cursor?: { readonly file: string; readonly offset: number };
  readonly markers: readonly Marker[];
  readonly labels: readonly LabelledRange[];
  readonly clean: boolean;
  readonly analyzers?: readonly string[] | 'all';
  readonly settings?: Record<string, unknown>;
}

const HEADER = /^#- (\S+)\s*$/;
const TRAILING = /#\s*(error|warning|information|hint)\[(IY\d{3})\](?:\s+"([^"]*)")?/g;
const CARET = /^(\s*)#(\s*)(\^+)\s+(error|warning|information|hint)\[(IY\d{3})\](?:\s+"([^"]*)")?\s*$/;
const LABELLED_CARET = /^\s*#\s*(\^+)\s+([A-Za-z][\w-]*)\s*$/;

export function fixtureUri(path: string): string {
  return `file:///fixture/${path}`;
}

export function parseFixture(source: string, defaultPath: string): Fixture {
  const parts: { path: string; lines: string[] }[] = [];
  let current: { path: string; lines: string[] } | undefined;
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = HEADER.exec(lines[i]);
    if (header) {
      // A `---` right before a header separates files in the fixture; it is not part of either file.
      if (current && current.lines.length && /^---\s*$/.test(current.lines[current.lines.length - 1])) current.lines.pop();
      current = { path: header[1], lines: [] };
      parts.push(current);
      continue;
    }
    if (!current) {
      current = { path: defaultPath, lines: [] };
      parts.push(current);
    }
    current.lines.push(lines[i]);
  }
  const files: FixtureFile[] = [];
  const markers: Marker[] = [];
  const labels: LabelledRange[] = [];
  let cursor: Fixture['cursor'];
  let clean = false;
  let analyzers: Fixture['analyzers'];
  let settings: Fixture['settings'];
  for (const part of parts) {
    let text = part.lines.join('\n');
    const at = text.indexOf('$0');
    if (at >= 0) {
      text = text.slice(0, at) + text.slice(at + 2);
      cursor = { file: part.path, offset: at };
    }
    const fileLines = text.split('\n');
    let lastContentLine = -1;
    fileLines.forEach((line, index) => {
      if (/^#\s*expect:\s*clean\s*$/.test(line)) clean = true;
      const analyzersLine = /^#\s*analyzers:\s*(.+)$/.exec(line);
      if (analyzersLine) analyzers = analyzersLine[1].trim() === 'all' ? 'all' : analyzersLine[1].split(',').map((s) => s.trim());
      const settingsLine = /^#\s*settings:\s*(\{.*\})\s*$/.exec(line);
      if (settingsLine) settings = JSON.parse(settingsLine[1]);
      const caret = CARET.exec(line);
      if (caret) {
        const start = line.indexOf('^');
        markers.push({
          file: part.path,
          line: lastContentLine,
          severity: caret[4] as Severity,
          code: caret[5],
          substring: caret[6],
          columns: { start, end: start + caret[3].length },
        });
        return;
      }
      const labelled = LABELLED_CARET.exec(line);
      if (labelled) {
        const start = line.indexOf('^');
        labels.push({ file: part.path, line: lastContentLine, start, end: start + labelled[1].length, label: labelled[2] });
        return;
      }
      for (const m of line.matchAll(TRAILING)) {
        markers.push({ file: part.path, line: index, severity: m[1] as Severity, code: m[2], substring: m[3] });
      }
      lastContentLine = index;
    });
    files.push({ path: part.path, uri: fixtureUri(part.path), text });
  }
  return { files, cursor, markers, labels, clean, analyzers, settings };
}
