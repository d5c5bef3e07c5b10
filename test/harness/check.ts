// check* helpers: run a fixture through the language core and compare with its markers.
// Tests call these with fixture paths, never the core's API directly.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ALL_ANALYZERS, Workspace } from '../../server/src/core/analysis';
import { type CoreSettings, DEFAULT_SETTINGS, type Diagnostic } from '../../server/src/core/types';
import { type Fixture, fixtureUri, type Marker, parseFixture } from './fixture';

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

/** Applies the preferred fix of every asserted diagnostic and compares with `<name>.fixed.yaml`. */
export function checkFix(file: string): void {
  const { fixture, workspace, codes } = loadFixture(file);
  const snapshot = workspace.snapshot();
  const [only] = fixture.files;
  const diagnostics = snapshot.diagnostics(only.uri).filter((d) => codes.has(d.code));
  const edits = diagnostics.flatMap((d) => (d.fixes?.find((f) => f.preferred) ?? d.fixes?.[0])?.edits ?? []);
  expect(edits.length, 'the fixture produced no fix').toBeGreaterThan(0);
  const lines = only.text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let text = only.text;
  for (const edit of [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))) {
    text = text.slice(0, offsetOf(edit.range.start)) + edit.newText + text.slice(offsetOf(edit.range.end));
  }
  const fixedFile = file.replace(/\.yaml$/, '.fixed.yaml');
  expect(text).toBe(fs.readFileSync(fixedFile, 'utf8'));
  // The fixed text must not introduce new parse errors.
  const after = new Workspace();
  after.setFile(fixtureUri('fixed.yaml'), text);
  expect(after.snapshot().diagnostics(fixtureUri('fixed.yaml')).filter((d) => d.code === 'IY001')).toEqual([]);
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
