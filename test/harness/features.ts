// check* helpers for the editor features (completion, hover, symbols, folding, selection): run a
// fixture with a `$0` cursor through the core and compare a plain-text rendering of the result with
// the snapshot file next to the fixture (`<fixture>.<feature>.txt|md`; `vitest -u` rewrites them).
import { expect } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { expandSnippet } from '../../server/src/core/features/skeletons';
import type { CompletionItem, DocumentSymbol, Position, Range } from '../../server/src/core/types';
import { loadFixture } from './check';
import { fixtureUri } from './fixture';

interface Cursor {
  readonly workspace: Workspace;
  readonly uri: string;
  readonly text: string;
  readonly position: Position;
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function cursorOf(file: string): Cursor {
  const { fixture, workspace } = loadFixture(file);
  const cursor = fixture.cursor;
  if (!cursor) throw new Error(`${file}: the fixture needs a $0 cursor`);
  const target = fixture.files.find((f) => f.path === cursor.file)!;
  return { workspace, uri: target.uri, text: target.text, position: positionOf(target.text, cursor.offset) };
}

function snapshotPath(file: string, suffix: string): string {
  return file.replace(/\.yaml$/, `.${suffix}`);
}

function range(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Fixtures with a `# show: insertText` line also render each item's insert text. */
function renderCompletion(items: readonly CompletionItem[], showInsert: boolean): string {
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
  const lines = sorted.map((i) => [i.label, i.kind, i.detail ?? '', ...(showInsert ? [JSON.stringify(i.insertText)] : [])].join(' | '));
  return `${lines.join('\n') || '(no items)'}\n`;
}

export async function checkCompletion(file: string): Promise<void> {
  const { workspace, uri, text, position } = cursorOf(file);
  const items = workspace.snapshot().completion(uri, position);
  for (const item of items) {
    // Every item replaces a range on the cursor's line that contains the cursor.
    const r = item.range;
    if (r) expect(r.start.line === position.line && r.end.line === position.line && r.start.character <= position.character && position.character <= r.end.character, `range of ${item.label}`).toBe(true);
  }
  await expect(renderCompletion(items, /^# show: insertText\s*$/m.test(text))).toMatchFileSnapshot(snapshotPath(file, 'completion.txt'));
}

export async function checkHover(file: string): Promise<void> {
  const { workspace, uri, position } = cursorOf(file);
  const hover = workspace.snapshot().hover(uri, position);
  const rendered = hover ? `<!-- range ${range(hover.range)} -->\n${hover.contents}\n` : '(no hover)\n';
  await expect(rendered).toMatchFileSnapshot(snapshotPath(file, 'hover.md'));
}

function renderSymbols(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} (${s.kind})${s.detail ? ` ${s.detail}` : ''} [${range(s.range)}] sel [${range(s.selectionRange)}]`,
    ...renderSymbols(s.children, depth + 1),
  ]);
}

function within(inner: Range, outer: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Symbols of the fixture's first file as an indented outline. */
export async function checkSymbols(file: string): Promise<void> {
  const { fixture, workspace } = loadFixture(file);
  const symbols = workspace.snapshot().symbols(fixture.files[0].uri);
  const check = (list: readonly DocumentSymbol[], parent?: DocumentSymbol): void => {
    for (const s of list) {
      expect(within(s.selectionRange, s.range), `selection range of ${s.name} lies in its range`).toBe(true);
      if (parent) expect(within(s.range, parent.range), `${s.name} lies in ${parent.name}`).toBe(true);
      check(s.children, s);
    }
  };
  check(symbols);
  await expect(`${renderSymbols(symbols).join('\n') || '(no symbols)'}\n`).toMatchFileSnapshot(snapshotPath(file, 'symbols.txt'));
}

/** Folding ranges of the fixture's first file, each with the text of its first line. */
export async function checkFolding(file: string): Promise<void> {
  const { fixture, workspace } = loadFixture(file);
  const [first] = fixture.files;
  const lines = first.text.split('\n');
  const ranges = workspace.snapshot().foldingRanges(first.uri);
  const rendered = ranges.map((r) => `${r.startLine}-${r.endLine} ${lines[r.startLine].trim()}`);
  await expect(`${rendered.join('\n') || '(no ranges)'}\n`).toMatchFileSnapshot(snapshotPath(file, 'folding.txt'));
}

/** The selection ranges at the cursor, innermost first, each with the text it selects. */
export async function checkSelection(file: string): Promise<void> {
  const { workspace, uri, text, position } = cursorOf(file);
  const [selection] = workspace.snapshot().selectionRanges(uri, [position]);
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const rendered: string[] = [];
  for (let s: typeof selection | undefined = selection; s; s = s.parent) {
    if (s.parent) expect(within(s.range, s.parent.range), 'each selection range lies in its parent').toBe(true);
    const selected = text.slice(offset(s.range.start), offset(s.range.end));
    const shown = selected.length > 60 ? `${selected.slice(0, 57)}...` : selected;
    rendered.push(`${range(s.range)} ${JSON.stringify(shown)}`);
  }
  await expect(`${rendered.join('\n')}\n`).toMatchFileSnapshot(snapshotPath(file, 'selection.txt'));
}

export interface SkeletonResult {
  readonly label: string;
  readonly text: string;
  readonly problems: readonly string[];
}

/** Each skeleton offered in an empty document, expanded with its defaults, and the diagnostics it gets. */
export function skeletonDiagnostics(): SkeletonResult[] {
  const uri = fixtureUri('new.yaml');
  const workspace = new Workspace();
  workspace.setFile(uri, '');
  const skeletons = workspace.snapshot().completion(uri, { line: 0, character: 0 }).filter((i) => i.kind === 'snippet');
  return skeletons.map((item) => {
    const text = expandSnippet(item.insertText);
    const check = new Workspace();
    check.setFile(uri, text);
    const problems = check.snapshot().diagnostics(uri).map((d) => `${range(d.range)} ${d.severity}[${d.code}] ${d.message}`);
    return { label: item.label, text, problems };
  });
}

/**
 * Replays typing the fixture's first file character by character, asking every feature at the
 * cursor after each keystroke, then probes every offset of the whole text; returns what threw.
 */
export function featureCrashes(file: string): string[] {
  const { fixture } = loadFixture(file);
  const full = fixture.files[0].text;
  const uri = fixtureUri('typing.yaml');
  const crashes: string[] = [];
  const attempt = (what: string, run: () => unknown) => {
    try {
      run();
    } catch (error) {
      crashes.push(`${what}: ${(error as Error).stack ?? String(error)}`);
    }
  };
  const workspace = new Workspace();
  for (let cut = 0; cut <= full.length; cut++) {
    const text = full.slice(0, cut);
    workspace.setFile(uri, text);
    const snapshot = workspace.snapshot();
    const position = positionOf(text, cut);
    const where = `after typing ${cut} characters`;
    attempt(`completion ${where}`, () => snapshot.completion(uri, position));
    attempt(`hover ${where}`, () => snapshot.hover(uri, position));
    attempt(`selection ${where}`, () => snapshot.selectionRanges(uri, [position]));
    attempt(`symbols ${where}`, () => snapshot.symbols(uri));
    attempt(`folding ${where}`, () => snapshot.foldingRanges(uri));
  }
  const snapshot = workspace.snapshot();
  for (let offset = 0; offset <= full.length; offset++) {
    const position = positionOf(full, offset);
    attempt(`completion at ${offset}`, () => snapshot.completion(uri, position));
    attempt(`hover at ${offset}`, () => snapshot.hover(uri, position));
    attempt(`selection at ${offset}`, () => snapshot.selectionRanges(uri, [position]));
  }
  return crashes;
}
