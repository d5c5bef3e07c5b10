// The fast path (fast-parse.ts) against the yaml package, which is the authority: wherever the fast
// path answers, the data, start and end must be exactly the yaml package's, and the yaml package
// must find no error or warning. Checked on every YAML file of the repository, on generated meshes,
// on hand-written edge cases, and on thousands of deterministic mutations of them.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSimpleDocument, scalarAtOffset } from '../../server/src/core/yaml/fast-parse';
import { pathAtOffset } from '../../server/src/core/yaml/path';
import { splitDocuments } from '../../server/src/core/yaml/split';
// @ts-expect-error: a plain ES module without types
import { generateMesh, prng } from '../../bench/generate-mesh.mjs';

const ROOT = path.resolve(__dirname, '../..');

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(file, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(file);
  }
  return out;
}

/** The yaml package's reading of a chunk, as the fast path would have to give it. */
function reference(text: string): { value: unknown; start: number; end: number } | 'not simple' {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  if (!Array.isArray(docs) || docs.length !== 1) return 'not simple';
  const [doc] = docs;
  if (doc.errors.length || doc.warnings.length) return 'not simple';
  const range = doc.range ?? [0, 0, 0];
  return { value: doc.toJS({ maxAliasCount: 1000 }), start: range[0], end: range[2] };
}

/** Checks one chunk; returns whether the fast path answered. */
function agrees(text: string): boolean {
  const fast = parseSimpleDocument(text);
  if (!fast) return false;
  const expected = reference(text);
  if (expected === 'not simple') throw new Error(`the fast path accepted a chunk the yaml package rejects or splits:\n${text}`);
  try {
    expect(fast.value).toStrictEqual(expected.value);
    expect([fast.start, fast.end]).toEqual([expected.start, expected.end]);
  } catch (error) {
    throw new Error(`the fast path disagrees with the yaml package on:\n${JSON.stringify(text)}\n${(error as Error).message}`);
  }
  return true;
}

/**
 * Checks scalarAtOffset at the given offsets of a chunk (all of them by default) against
 * pathAtOffset on the yaml package's Document; returns how many it answered.
 */
function offsetsAgree(text: string, offsets?: readonly number[]): number {
  const doc = parseDocument(text, { prettyErrors: false });
  let answered = 0;
  for (const offset of offsets ?? Array.from({ length: text.length + 1 }, (_, i) => i)) {
    const fast = scalarAtOffset(text, offset);
    if (!fast) continue;
    answered++;
    const expected = pathAtOffset(doc, offset);
    try {
      expect(fast).toStrictEqual(expected);
    } catch (error) {
      throw new Error(`the scalar at ${offset} disagrees with the yaml package's in:\n${JSON.stringify(text)}\n${(error as Error).message}`);
    }
  }
  return answered;
}

/** Offsets inside a scalar of the chunk per the yaml package (where the fast path should answer), not at a line's start. */
function scalarOffsets(text: string): number[] {
  const doc = parseDocument(text, { prettyErrors: false });
  const out: number[] = [];
  for (let offset = 1; offset <= text.length; offset++) {
    if (text[offset - 1] === '\n') continue;
    const info = pathAtOffset(doc, offset);
    if (info.scalar && info.scalar.end > info.scalar.start) out.push(offset);
  }
  return out;
}

function chunksOf(text: string): string[] {
  return splitDocuments(text).map((c) => c.text);
}

// FAST_PARSE_FUZZ_ROUNDS and FAST_PARSE_FUZZ_SEED run a longer or different search locally.
const FUZZ_ROUNDS = Number(process.env.FAST_PARSE_FUZZ_ROUNDS ?? 20_000);
const FUZZ_SEED = Number(process.env.FAST_PARSE_FUZZ_SEED ?? 20261122);
/** Generous: about 0.2 ms a round here, so only a much slower machine gets near it. */
const FUZZ_TIMEOUT_MS = Math.max(30_000, FUZZ_ROUNDS * 2);

const repositoryChunks = [...yamlFiles(path.join(ROOT, 'test')), ...yamlFiles(path.join(ROOT, 'samples'))].flatMap((f) => chunksOf(fs.readFileSync(f, 'utf8')));

const PIECES = [' ', '  ', '\n', ':', ': ', '#', ' #', '-', '- ', "'", '"', '\\', '|', '|-', '>', '>-', '[', ']', '{', '}', ',', '&a', '*a', '!t', '?', '~', '0', '1.5', '0x1', 'true', 'null', '---', '...', '%', '@', 'key: v', '{a: 1}', '[b, c]', ', ', ': {', '\n  ', '\n    ', '\n- ', '\n\n'];

function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const lines = text.split('\n');
  switch (Math.floor(random() * 6)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    case 1:
    case 2:
      return text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
    case 3: {
      const i = Math.floor(random() * lines.length);
      lines.splice(i, 0, lines[Math.floor(random() * lines.length)]);
      return lines.join('\n');
    }
    case 4: {
      const i = Math.floor(random() * lines.length);
      lines[i] = random() < 0.5 ? ` ${lines[i]}` : lines[i].replace(/^ /, '');
      return lines.join('\n');
    }
    default: {
      const i = Math.floor(random() * lines.length);
      lines.splice(i, 1);
      return lines.join('\n');
    }
  }
}

describe('the YAML fast path', () => {
  it('agrees with the yaml package on every YAML chunk of the repository, and answers most of them', () => {
    let answered = 0;
    for (const chunk of repositoryChunks) if (agrees(chunk)) answered++;
    expect(repositoryChunks.length).toBeGreaterThan(1000);
    // Most fixtures are ordinary manifests; the rest (broken YAML, anchors, templates) go to the yaml package.
    expect(answered / repositoryChunks.length).toBeGreaterThan(0.75);
  });

  it('answers every document of the benchmark mesh, in both layouts, exactly as the yaml package', () => {
    for (const layout of ['files', 'single']) {
      const mesh = generateMesh({ services: 60, layout, injectErrors: true }) as { files: { path: string; text: string }[] };
      const chunks = mesh.files.flatMap((f) => chunksOf(f.text));
      const missed = chunks.filter((c) => !agrees(c));
      expect(missed).toEqual([]);
    }
  });

  it.each([
    ['a: 1\n', true],
    ['# c\n\na: 1\n  # c\n', true],
    ['---\na: 1\n', true],
    ['--- # marker\na: 1\n# trailing\n\n', true],
    ['a:\n- x\n- y\nb: 2\n', true],
    ['a:\n  - x: 1\n    y: [1, "two", \'three\', 4.5, true, null]\n  -   z: {}\n', true],
    ['a: |\n  line 1\n\n  # not a comment\n  line 3\nb: >-\n  folded\n  text\n\n  para\n', true],
    ['a: "esc\\"aped \\\\ \\n"\nb: \'it\'\'s\'\nc: a#b # comment\nd: ~\ne: -1\nf: 1e3\ng: .5\nh: 007\ni: 1.0\nj: "1"\n', true],
    ['a: &x 1\nb: *x\n', false],
    ['a: !!str 1\n', false],
    ['a: b: c\n', false],
    ['a: 1\na: 2\n', false],
    ['a: multi\n  line\n', false],
    ['a: "open\n  quote"\n', false],
    ['a:\n\tb: 1\n', false],
    ['a: 1\r\nb: 2\r\n', false],
    ['1: one\n', false],
    ['true: yes\n', false],
    ['<<: {}\n', false],
    ['__proto__: 1\n', false],
    ['a: {b: 1, c: [x, {d: "e"}]}\n', true],
    ['a: {b}\n', false],
    ['a: [b: 1]\n', false],
    ['a: 1\nb:\n', true],
    ['a:\n- x\n- \n\n', true],
    ['a: 1\nb:\n# c\n', false],
    ['a: [1, [2]]\n', true],
    ['a: [1,\n  2]\n', false],
    ['a: 0x1F\n', false],
    ['a: .inf\n', false],
    ['a: 12345678901234567890\n', false],
    ['- a\n- b\n', true],
    ['- - a\n', false],
    ['just a scalar\n', false],
    ['  a: 1\n', false],
    ['a: |+\n  x\n', false],
    ['a: |2\n  x\n', false],
    ['a: |\n  no newline at the end', false],
    ['---\n', false],
    ['# only a comment\n', false],
    ['%YAML 1.2\n---\na: 1\n', false],
    ['a: 1\n...\n', false],
    ['a: 1\n b: 2\n', false],
    ['a:\n    b: 1\n  c: 2\n', false],
  ])('%j: answered %s, and as the yaml package reads it', (text, answered) => {
    expect(agrees(text)).toBe(answered);
  });

  it('never disagrees with the yaml package on mutated documents', () => {
    const random = prng(FUZZ_SEED);
    const seeds = repositoryChunks.filter((c) => parseSimpleDocument(c) && c.length < 4000);
    let answered = 0;
    const rounds = FUZZ_ROUNDS;
    for (let i = 0; i < rounds; i++) {
      let text = seeds[Math.floor(random() * seeds.length)];
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) text = mutate(text, random);
      if (agrees(text)) answered++;
    }
    // Many mutants stay ordinary YAML: the comparison is not vacuous.
    expect(answered).toBeGreaterThan(rounds / 5);
  }, FUZZ_TIMEOUT_MS);

  it('finds the scalar under an offset as the yaml Document does, at every offset of the edge cases', () => {
    const cases = [
      'a: 1\n',
      '---\na:\n  b:\n    c: 1\nd: 2',
      'a  : x\nb: "q" # c\nc: [ 1 , {k: v, l: \'m\'} ]  \nd:\n  - e\n  - f: |-\n      x\n\n      y\n\n  -   g\n',
      'a:\n  b:\n  # c\nd: 2\ne:   # z\nf: x',
      'a: |\n  line 1\n\n  # not a comment\n  line 3\nb: >-\n  folded\n  text\n\n  para\nc: 3\n',
      'a:\n- x\n- \n- [1, [2, {}], []]\n-\n  - y\nb:\n',
      'a: "esc\\"aped \\\\ \\n"\nb: \'it\'\'s\'\nc: a#b # comment\nd: ~\ne: -1\nf: 1e3\ng: .5\nh: 007\n',
      '- a\n- b: c\n  d:\n  - e\n',
    ];
    for (const text of cases) {
      expect(parseSimpleDocument(text), text).toBeDefined();
      expect(offsetsAgree(text), text).toBeGreaterThan(0);
    }
  });

  it('answers the offsets inside scalars of the benchmark mesh, and agrees with the yaml Document there and elsewhere', () => {
    const mesh = generateMesh({ services: 20, layout: 'single', injectErrors: true }) as { files: { text: string }[] };
    const chunks = chunksOf(mesh.files[0].text);
    let inside = 0;
    let answered = 0;
    for (const chunk of chunks.slice(0, 40)) {
      const offsets = scalarOffsets(chunk);
      inside += offsets.length;
      answered += offsetsAgree(chunk, offsets);
      offsetsAgree(chunk);
    }
    expect(inside).toBeGreaterThan(5000);
    expect(answered).toBe(inside);
  });

  it('finds the scalar under an offset as the yaml Document does, in repository chunks and their mutants', () => {
    const random = prng(FUZZ_SEED + 1);
    const sample = (text: string) => Array.from({ length: 24 }, () => Math.floor(random() * (text.length + 1)));
    let answered = 0;
    for (const chunk of repositoryChunks) if (parseSimpleDocument(chunk)) answered += offsetsAgree(chunk, sample(chunk));
    const seeds = repositoryChunks.filter((c) => parseSimpleDocument(c) && c.length < 4000);
    const rounds = FUZZ_ROUNDS / 4;
    for (let i = 0; i < rounds; i++) {
      let text = seeds[Math.floor(random() * seeds.length)];
      for (let e = 1 + Math.floor(random() * 3); e > 0; e--) text = mutate(text, random);
      if (parseSimpleDocument(text)) answered += offsetsAgree(text, sample(text));
    }
    expect(answered).toBeGreaterThan(10_000);
  }, FUZZ_TIMEOUT_MS);

  it('gives up on deep nesting instead of recursing without bound', () => {
    let text = '';
    for (let i = 0; i < 500; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    text += `${'  '.repeat(500)}leaf: 1\n`;
    expect(parseSimpleDocument(text)).toBeUndefined();
  });
});
