// Keeps the analyzer registry and its metadata truthful (codes, names, files, docs, fixtures, fixes).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_ANALYZERS } from '../../server/src/core/analysis';
import { RETIRED_CODES } from '../../server/src/core/analyzers/retired';
import { FIXTURES } from '../harness/check';

const ANALYZERS_DIR = path.resolve(__dirname, '../../server/src/core/analyzers');
const FRAMEWORK_FILES = new Set(['framework.ts', 'registry.ts', 'retired.ts', 'run.ts', 'docs-url.ts']);

function analyzerFiles(): string[] {
  return fs
    .readdirSync(ANALYZERS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((dir) => fs.readdirSync(path.join(ANALYZERS_DIR, dir.name)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir.name, f)));
}

describe('analyzer registry', () => {
  test('codes are unique, well-formed, sorted and never retired', () => {
    const codes = ALL_ANALYZERS.map((a) => a.code);
    expect(new Set(codes).size, 'two analyzers share a code').toBe(codes.length);
    for (const code of codes) expect(code, 'codes are IY and three digits').toMatch(/^IY\d{3}$/);
    expect(codes, 'ALL_ANALYZERS must be sorted by code').toEqual([...codes].sort());
    const retired = new Set(RETIRED_CODES.map((r) => r.code));
    for (const code of codes) expect(retired.has(code), `${code} is retired and may not be reused`).toBe(false);
  });

  test('names are unique kebab-case and equal their file names; every analyzer file is registered', () => {
    const names = ALL_ANALYZERS.map((a) => a.name);
    expect(new Set(names).size, 'two analyzers share a name').toBe(names.length);
    for (const name of names) expect(name, 'names are kebab-case').toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    const files = analyzerFiles().filter((f) => !FRAMEWORK_FILES.has(path.basename(f)));
    const fileNames = files.map((f) => path.basename(f, '.ts'));
    for (const name of names) expect(fileNames, `analyzer ${name} needs a file analyzers/<group>/${name}.ts`).toContain(name);
    for (const file of fileNames) expect(names, `analyzers/**/${file}.ts is not registered in registry.ts`).toContain(file);
  });

  test('summaries are one sentence and docs have the required sections', () => {
    for (const a of ALL_ANALYZERS) {
      expect(a.summary.trim().split(/(?<=\.)\s+(?=[A-Z])/).length, `${a.code}: summary must be one sentence`).toBe(1);
      expect(a.summary, `${a.code}: summary ends with a period`).toMatch(/\.$/);
      expect(a.docs, `${a.code}: docs need "## Why"`).toContain('## Why');
      expect(a.docs, `${a.code}: docs need "## Example"`).toContain('## Example');
      if (a.fix) expect(a.docs, `${a.code}: an analyzer with fixes documents them under "## Fix"`).toContain('## Fix');
    }
  });

  test('every analyzer has fixtures with markers and a clean one; fix is declared iff a fixed fixture exists', () => {
    for (const a of ALL_ANALYZERS) {
      const dir = path.join(FIXTURES, 'analyzers', `${a.code}-${a.name}`);
      expect(fs.existsSync(dir), `missing fixture folder test/fixtures/analyzers/${a.code}-${a.name}/`).toBe(true);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.fixed.yaml'));
      const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
      expect(texts.some((t) => /#\s*expect:\s*clean/.test(t)), `${a.code}: needs a fixture marked "# expect: clean"`).toBe(true);
      expect(texts.some((t) => new RegExp(`\\[${a.code}\\]`).test(t)), `${a.code}: needs a fixture with a ${a.code} marker`).toBe(true);
      const fixed = fs.readdirSync(dir).some((f) => f.endsWith('.fixed.yaml'));
      expect(fixed, `${a.code}: meta.fix is ${a.fix ? 'set' : 'unset'} but a *.fixed.yaml fixture is ${fixed ? 'present' : 'absent'}`).toBe(!!a.fix);
    }
  });

  test('istioctl codes are well-formed', () => {
    for (const a of ALL_ANALYZERS) if (a.istioctl) expect(a.istioctl).toMatch(/^IST\d{4}$/);
  });
});
