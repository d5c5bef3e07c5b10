// check* helpers for the editor features (completion, hover, symbols, folding, selection, navigation): run a
// fixture with a `$0` cursor through the core and compare a plain-text rendering of the result with
// the snapshot file next to the fixture (`<fixture>.<feature>.txt|md`; `vitest -u` rewrites them).
import fs from 'node:fs';
import { expect } from 'vitest';
import { Workspace } from '../../server/src/core/analysis';
import { expandSnippet } from '../../server/src/core/features/skeletons';
import type { CompletionItem, DocumentSymbol, Location, Position, Range, TextEdit, WorkspaceEdit } from '../../server/src/core/types';
import { applyEdits, loadFixture } from './check';
import { type Fixture, fixtureUri } from './fixture';

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

// Navigation: definition, references, highlights, rename, code lenses and code actions. Expected
// places are labelled caret markers (`#   ^^^^ def`, `#   ^^^ ref`) under the line they mark.

function labelled(fixture: Fixture, label: string): Location[] {
  return fixture.labels.filter((l) => l.label === label).map((l) => ({ uri: fixtureUri(l.file), range: { start: { line: l.line, character: l.start }, end: { line: l.line, character: l.end } } }));
}

function renderLocations(locations: readonly Location[]): string[] {
  return locations.map((l) => `${l.uri.replace(fixtureUri(''), '')} ${range(l.range)}`).sort();
}

/** `$0` on a reference; the `def` ranges are exactly where definition goes (none: nowhere). */
export function checkDefinition(file: string): void {
  const { workspace, uri, position } = cursorOf(file);
  const { fixture } = loadFixture(file);
  expect(renderLocations(workspace.snapshot().definition(uri, position))).toEqual(renderLocations(labelled(fixture, 'def')));
}

/** `$0` on a definition or a reference; `ref` ranges are the references, `def` the declarations. */
export function checkReferences(file: string): void {
  const { workspace, uri, position } = cursorOf(file);
  const { fixture } = loadFixture(file);
  const snapshot = workspace.snapshot();
  expect(renderLocations(snapshot.references(uri, position, false)), 'without the declaration').toEqual(renderLocations(labelled(fixture, 'ref')));
  expect(renderLocations(snapshot.references(uri, position, true)), 'with the declaration').toEqual(renderLocations([...labelled(fixture, 'ref'), ...labelled(fixture, 'def')]));
}

/** Highlights are the `def` (write) and `ref` (read) ranges of the cursor's own file. */
export function checkHighlights(file: string): void {
  const { workspace, uri, position } = cursorOf(file);
  const { fixture } = loadFixture(file);
  const highlights = workspace.snapshot().documentHighlights(uri, position);
  const render = (kind: string, ls: readonly Location[]) => ls.filter((l) => l.uri === uri).map((l) => `${kind} ${range(l.range)}`);
  const actual = highlights.map((h) => `${h.kind} ${range(h.range)}`).sort();
  expect(actual).toEqual([...render('write', labelled(fixture, 'def')), ...render('read', labelled(fixture, 'ref'))].sort());
}

/** Applies a workspace edit to the fixture's files and compares them with `<name>.fixed.yaml`. */
function expectEdited(file: string, fixture: Fixture, edit: WorkspaceEdit): void {
  const files = fixture.files.map((f) => ({ ...f, text: applyEdits(f.text, edit.changes[f.uri] ?? []) }));
  const rendered = files.length === 1 ? files[0].text : files.map((f) => `#- ${f.path}\n${f.text}`).join('\n---\n');
  const fixedFile = file.replace(/\.yaml$/, '.fixed.yaml');
  if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(fixedFile, rendered);
  expect(rendered).toBe(fs.readFileSync(fixedFile, 'utf8'));
  const after = new Workspace();
  for (const f of files) after.setFile(f.uri, f.text);
  for (const f of files) expect(after.snapshot().diagnostics(f.uri).filter((d) => d.code === 'IY001'), `${f.path} parses after the edit`).toEqual([]);
}

/**
 * `$0` on the name to rename and `# rename: <new name>`; the result is `<name>.fixed.yaml`, or, with
 * `# rename-error: <text>`, a rejection whose message contains the text.
 */
export function checkRename(file: string): void {
  const { workspace, uri, text, position } = cursorOf(file);
  const { fixture } = loadFixture(file);
  const newName = /^#\s*rename:\s*(\S+)\s*$/m.exec(fixture.files.map((f) => f.text).join('\n'))?.[1];
  if (!newName) throw new Error(`${file}: the fixture needs a "# rename: <new name>" line`);
  const expectedError = /^#\s*rename-error:\s*(.+?)\s*$/m.exec(text)?.[1];
  const snapshot = workspace.snapshot();
  const prepared = snapshot.prepareRename(uri, position);
  const result = snapshot.rename(uri, position, newName);
  if (expectedError) {
    const rejection = result && 'error' in result ? result : prepared && 'error' in prepared ? prepared : undefined;
    expect(rejection?.error ?? '(renamed)').toContain(expectedError);
    return;
  }
  expect(prepared && 'range' in prepared, 'prepareRename offers a range').toBe(true);
  if (prepared && 'range' in prepared) {
    const { start, end } = prepared.range;
    const inLine = start.line === position.line && start.character <= position.character && position.character <= end.character;
    expect(inLine, 'the rename range contains the cursor').toBe(true);
    expect(text.split('\n')[start.line].slice(start.character, end.character)).toBe(prepared.placeholder);
  }
  expect(result && 'changes' in result, `rename failed: ${JSON.stringify(result)}`).toBe(true);
  expectEdited(file, fixture, result as WorkspaceEdit);
}

/** Code lenses of the fixture's first file, one per line, compared with `<name>.code-lens.txt`. */
export async function checkCodeLens(file: string): Promise<void> {
  const { fixture, workspace } = loadFixture(file);
  const lenses = workspace.snapshot().codeLenses(fixture.files[0].uri);
  const rendered = lenses.map((l) => {
    const locations = l.references?.locations.map((r) => `${r.uri.replace(fixtureUri(''), '')} ${range(r.range)}`);
    const refs = l.references ? ` → at ${l.references.position.line}:${l.references.position.character}: ${locations!.join(', ')}` : '';
    return `${range(l.range)} ${l.title}${refs}`;
  });
  await expect(`${rendered.join('\n') || '(no lenses)'}\n`).toMatchFileSnapshot(snapshotPath(file, 'code-lens.txt'));
}

/**
 * `$0` where the action is asked for and `# action: <title substring>`: applies the first refactoring
 * or quick fix at the cursor with that title and compares with `<name>.fixed.yaml`. A
 * suppression must silence its diagnostic; `# expect: no action` asserts that none is offered.
 */
export function checkCodeAction(file: string): void {
  const { workspace, uri, text, position } = cursorOf(file);
  const { fixture } = loadFixture(file);
  const wanted = /^#\s*action:\s*(.+?)\s*$/m.exec(text)?.[1];
  if (!wanted) throw new Error(`${file}: the fixture needs an "# action: <title>" line`);
  const snapshot = workspace.snapshot();
  const at: Range = { start: position, end: position };
  const refactorings = snapshot.codeActions(uri, at).map((a) => ({ title: a.title, edit: a.edit, code: undefined as string | undefined, resource: undefined as string | undefined }));
  const fixes = snapshot
    .diagnostics(uri)
    .filter((d) => d.range.start.line <= position.line && position.line <= d.range.end.line)
    .flatMap((d) => (d.fixes ?? []).map((f) => ({ title: f.title, code: d.istioCode, resource: d.resource, edit: { changes: groupEdits(uri, f.edits) } })));
  const action = [...refactorings, ...fixes].find((a) => a.title.includes(wanted));
  if (/^#\s*expect:\s*no action\s*$/m.test(text)) {
    expect(action?.title).toBeUndefined();
    return;
  }
  expect(action, `no action titled "${wanted}" among: ${[...refactorings, ...fixes].map((a) => a.title).join('; ')}`).toBeDefined();
  expectEdited(file, fixture, action!.edit);
  const after = new Workspace();
  for (const f of fixture.files) after.setFile(f.uri, applyEdits(f.text, action!.edit.changes[f.uri] ?? []));
  // An action never introduces a problem (an AUDIT twin must be a valid policy).
  const problems = (w: Workspace) => fixture.files.flatMap((f) => w.snapshot().diagnostics(f.uri).map((d) => `${d.code} ${d.message}`));
  const before = problems(workspace);
  for (const p of problems(after)) expect(before, 'a diagnostic the action introduced').toContain(p);
  if (action!.title.startsWith('Suppress') && action!.code) {
    const remaining = after.snapshot().diagnostics(uri).filter((d) => d.resource === action!.resource);
    expect(remaining.map((d) => d.istioCode), 'the suppressed code is no longer reported').not.toContain(action!.code);
  }
}

function groupEdits(uri: string, edits: readonly TextEdit[]): Record<string, TextEdit[]> {
  const out: Record<string, TextEdit[]> = {};
  for (const e of edits) (out[e.uri ?? uri] ??= []).push(e);
  return out;
}

/**
 * Navigation never throws: replays typing the cursor's file (the fixture's other files stay in the
 * workspace) asking every navigation feature after each keystroke, then probes every offset.
 */
export function navigationCrashes(file: string): string[] {
  const { fixture } = loadFixture(file);
  const target = fixture.files.find((f) => f.path === fixture.cursor?.file) ?? fixture.files[0];
  const crashes: string[] = [];
  const attempt = (what: string, run: () => unknown) => {
    try {
      run();
    } catch (error) {
      crashes.push(`${what}: ${(error as Error).stack ?? String(error)}`);
    }
  };
  const ask = (snapshot: ReturnType<Workspace['snapshot']>, position: Position, where: string) => {
    const uri = target.uri;
    attempt(`definition ${where}`, () => snapshot.definition(uri, position));
    attempt(`references ${where}`, () => snapshot.references(uri, position, true));
    attempt(`highlights ${where}`, () => snapshot.documentHighlights(uri, position));
    attempt(`prepareRename ${where}`, () => snapshot.prepareRename(uri, position));
    attempt(`rename ${where}`, () => snapshot.rename(uri, position, 'renamed'));
    attempt(`codeActions ${where}`, () => snapshot.codeActions(uri, { start: position, end: position }));
  };
  const workspace = new Workspace();
  for (const f of fixture.files) workspace.setFile(f.uri, f.text);
  for (let cut = 0; cut <= target.text.length; cut++) {
    const text = target.text.slice(0, cut);
    workspace.setFile(target.uri, text);
    const snapshot = workspace.snapshot();
    ask(snapshot, positionOf(text, cut), `after typing ${cut} characters`);
    attempt(`codeLenses after typing ${cut} characters`, () => snapshot.codeLenses(target.uri));
  }
  const snapshot = workspace.snapshot();
  for (let offset = 0; offset <= target.text.length; offset++) ask(snapshot, positionOf(target.text, offset), `at ${offset}`);
  return crashes;
}
