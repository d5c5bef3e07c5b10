// check* helpers: run a fixture through the language core and compare with its markers.
// Tests call these with fixture paths, never the core's API directly.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ALL_ANALYZERS, Workspace } from '../../server/src/core/analysis';
import { type CoreSettings, DEFAULT_SETTINGS, type Diagnostic, type TextEdit } from '../../server/src/core/types';
import { type Fixture, type Marker, parseFixture } from './fixture';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

export interface LoadedFixture {
  readonly fixture: Fixture;
  readonly workspace: Workspace;
  /** Codes whose diagnostics the fixture asserts. */
  readonly codes: ReadonlySet<string>;
}

/** The analyzer owning a fixture folder named `<CODE>-<name>`, if any. */
function ownerCode(file: string): string | undefined {
  const folder = path.basename(path.dirname(file));
  return /^(IY\d{3})-/.exec(folder)?.[1];
}

export function loadFixture(file: string): LoadedFixture {
  const source = fs.readFileSync(file, 'utf8');
  const fixture = parseFixture(source, path.basename(file));
  const workspace = new Workspace();
  const settings: CoreSettings = { ...DEFAULT_SETTINGS, ...(fixture.settings as Partial<CoreSettings> | undefined) };
  workspace.configure(settings);
  for (const f of fixture.files) workspace.setFile(f.uri, f.text);
  let codes: Set<string>;
  if (fixture.analyzers === 'all' || (!fixture.analyzers && !ownerCode(file))) codes = new Set(ALL_ANALYZERS.map((a) => a.code));
  else codes = new Set(fixture.analyzers ?? [ownerCode(file)!]);
  return { fixture, workspace, codes };
}

function render(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity}[${d.code}] "${d.message}"`;
}

function matches(marker: Marker, d: Diagnostic): boolean {
  if (marker.code !== d.code || marker.severity !== d.severity || marker.line !== d.range.start.line) return false;
  if (marker.substring !== undefined && !d.message.includes(marker.substring)) return false;
  if (marker.columns) {
    return d.range.start.line === d.range.end.line && d.range.start.character === marker.columns.start && d.range.end.character === marker.columns.end;
  }
  return true;
}

/** Every marker matches exactly one diagnostic, and every diagnostic exactly one marker. */
export function checkDiagnostics(file: string): void {
  const { fixture, workspace, codes } = loadFixture(file);
  const snapshot = workspace.snapshot();
  const problems: string[] = [];
  for (const f of fixture.files) {
    const actual = snapshot.diagnostics(f.uri).filter((d) => codes.has(d.code));
    const expected = fixture.markers.filter((m) => m.file === f.path);
    const unmatched = [...actual];
    for (const marker of expected) {
      const index = unmatched.findIndex((d) => matches(marker, d));
      if (index >= 0) unmatched.splice(index, 1);
      else problems.push(`${f.path}:${marker.line}: expected ${marker.severity}[${marker.code}]${marker.substring ? ` "${marker.substring}"` : ''}${marker.columns ? ` at columns ${marker.columns.start}-${marker.columns.end}` : ''}, not reported`);
    }
    for (const d of unmatched) problems.push(`${f.path}: unexpected ${render(d)}`);
    if (fixture.clean && actual.length) problems.push(`${f.path}: marked "# expect: clean" but has ${actual.length} diagnostics`);
    if (!fixture.clean && !fixture.markers.length) problems.push(`${f.path}: a fixture needs markers or "# expect: clean"`);
  }
  if (problems.length) {
    const actualAll = fixture.files.flatMap((f) => snapshot.diagnostics(f.uri).filter((d) => codes.has(d.code)).map((d) => `  ${f.path} ${render(d)}`));
    expect.fail(`${problems.join('\n')}\n\nactual diagnostics:\n${actualAll.join('\n') || '  (none)'}`);
  }
}

/**
 * Applies one fix of every asserted diagnostic (the preferred one, or the first whose title contains
 * the text of a `# fix: <title>` line) and compares every file with `<name>.fixed.yaml`. Fixes may edit
 * other files of a multi-file fixture; the fixed fixture then lists every file with its `#- path` header.
 */
export function checkFix(file: string): void {
  const { fixture, workspace, codes } = loadFixture(file);
  const snapshot = workspace.snapshot();
  const wanted = fixture.files.map((f) => /^#\s*fix:\s*(.+?)\s*$/m.exec(f.text)?.[1]).find((t) => t);
  const edits = new Map<string, TextEdit[]>(fixture.files.map((f) => [f.uri, []]));
  for (const f of fixture.files) {
    for (const d of snapshot.diagnostics(f.uri).filter((d) => codes.has(d.code))) {
      // Every diagnostic with an istioctl code also offers "Suppress ISTxxxx …": never the default.
      const fix = wanted ? d.fixes?.find((x) => x.title.includes(wanted)) : (d.fixes?.find((x) => x.preferred) ?? d.fixes?.find((x) => !x.title.startsWith('Suppress ')));
      for (const edit of fix?.edits ?? []) edits.get(edit.uri ?? f.uri)?.push(edit);
    }
  }
  expect([...edits.values()].flat().length, wanted ? `no fix titled "${wanted}"` : 'the fixture produced no fix').toBeGreaterThan(0);
  const fixed = fixture.files.map((f) => ({ ...f, text: applyEdits(f.text, edits.get(f.uri) ?? []) }));
  const rendered = fixed.length === 1 ? fixed[0].text : fixed.map((f) => `#- ${f.path}\n${f.text}`).join('\n---\n');
  const fixedFile = file.replace(/\.yaml$/, '.fixed.yaml');
  // UPDATE_FIXTURES=1 writes the expectation (review the diff before committing, as with snapshots).
  if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(fixedFile, rendered);
  expect(rendered).toBe(fs.readFileSync(fixedFile, 'utf8'));
  // The fixed files must not introduce parse errors.
  const after = new Workspace();
  for (const f of fixed) after.setFile(f.uri, f.text);
  for (const f of fixed) expect(after.snapshot().diagnostics(f.uri).filter((d) => d.code === 'IY001'), f.path).toEqual([]);
}

/** Applies edits (0-based positions) to a text, last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const edit of [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))) {
    out = out.slice(0, offsetOf(edit.range.start)) + edit.newText + out.slice(offsetOf(edit.range.end));
  }
  return out;
}

/** All fixture files under a folder of test/fixtures, recursively. */
export function fixtureFiles(folder: string, filter: (file: string) => boolean = () => true): string[] {
  const root = path.join(FIXTURES, folder);
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml') && filter(full)) out.push(full);
    }
  };
  walk(root);
  return out;
}
