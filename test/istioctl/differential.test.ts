// The differential test: the real `istioctl analyze` (built by scripts/istioctl.sh) and our CLI on the
// same files, for every istioctl conformance case and every sample folder. Every message istioctl
// gives must come from us too (same code, same resource, same line where istioctl names a field's
// line), unless `differential-differences.ts` documents why not. Prints the agreement table.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CASES_DIR, loadCases } from '../conformance/harness';
import { compare, type Comparison, type IstioctlMessage, type Pairing } from './differential';
import { type Difference, type DifferenceContext, NOT_OURS, OTHER_LINE } from './differential-differences';
import { istioctlPath, mapLimited } from './istioctl';

const ROOT = path.resolve(__dirname, '../..');
const TESTDATA = path.join(CASES_DIR, 'testdata');
const SAMPLES = path.join(ROOT, 'samples');

interface Subject {
  /** `case 12 virtualServiceGateways` or `samples/bookinfo`. */
  readonly name: string;
  readonly files: readonly string[];
  readonly meshConfigFile?: string;
}

function subjects(): Subject[] {
  const cases = loadCases().map((c) => ({
    name: `case ${c.index} ${c.name}`,
    files: c.inputFiles.map((f) => path.join(TESTDATA, f)),
    ...(c.meshConfigFile ? { meshConfigFile: path.join(TESTDATA, c.meshConfigFile) } : {}),
  }));
  const samples = fs
    .readdirSync(SAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = path.join(SAMPLES, d.name);
      const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
      return { name: `samples/${d.name}`, files };
    });
  return [...samples, ...cases];
}

const results = new Map<string, Comparison>();

beforeAll(async () => {
  istioctlPath(); // build or reuse once, before running it in parallel
  const otherLine = (message: IstioctlMessage) => OTHER_LINE.find((d) => d.applies(message, { input: '', all: [] }))?.id;
  const all = subjects();
  const comparisons = await mapLimited(all, 2, (subject) => compare(subject.files, subject.meshConfigFile, otherLine));
  all.forEach((subject, i) => results.set(subject.name, comparisons[i]));
  printTable();
}, 600_000);

function relative(p: Pairing): string {
  return p.where ? `${path.relative(ROOT, p.where.file)}:${p.where.line}` : '(no file)';
}

/** The documented difference that explains an istioctl message we do not give, if any. */
function notOurs(input: string, comparison: Comparison, pair: Pairing): Difference | undefined {
  const context: DifferenceContext = { input, all: comparison.istioctl };
  return NOT_OURS.find((d) => d.applies(pair.message, context));
}

type Verdict = 'same line' | 'other line' | 'not ours' | 'unexplained';

function verdict(input: string, comparison: Comparison, pair: Pairing): Verdict {
  if (pair.ours) return pair.lineDifference ? 'other line' : 'same line';
  return notOurs(input, comparison, pair) ? 'not ours' : 'unexplained';
}

function printTable(): void {
  const verdicts: Verdict[] = ['same line', 'other line', 'not ours', 'unexplained'];
  const byCode = new Map<string, Record<Verdict, number>>();
  const totals: Record<Verdict, number> = { 'same line': 0, 'other line': 0, 'not ours': 0, unexplained: 0 };
  const rows: string[] = [];
  let messages = 0;
  for (const [input, comparison] of results) {
    for (const pair of comparison.pairs) {
      const v = verdict(input, comparison, pair);
      const row = byCode.get(pair.message.code) ?? { 'same line': 0, 'other line': 0, 'not ours': 0, unexplained: 0 };
      byCode.set(pair.message.code, row);
      row[v]++;
      totals[v]++;
      messages++;
      if (v === 'unexplained') {
        const elsewhere = pair.elsewhere.length ? ` (ours on line ${pair.elsewhere.map((f) => f.range.start.line + 1).join(', ')})` : '';
        rows.push(`  UNEXPLAINED ${input}: ${pair.message.code} ${pair.message.origin} ${relative(pair)}${elsewhere} ${pair.message.message}`);
      }
    }
  }
  const cell = (n: number, width: number) => String(n).padStart(width);
  console.log(
    [
      `differential: real istioctl ${path.basename(path.dirname(istioctlPath()))} vs our CLI on ${results.size} inputs (${results.size - loadCases().length} sample folders, ${loadCases().length} conformance cases)`,
      `  ${messages} istioctl messages: ${totals['same line']} ours on the same line, ${totals['other line']} ours on another line of the object (documented), ${totals['not ours']} not ours (documented), ${totals.unexplained} unexplained`,
      '  code      istioctl  same line  other line  not ours  unexplained',
      ...[...byCode.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, r]) => `  ${code.padEnd(8)}  ${cell(verdicts.reduce((n, v) => n + r[v], 0), 8)}  ${cell(r['same line'], 9)}  ${cell(r['other line'], 10)}  ${cell(r['not ours'], 8)}  ${cell(r.unexplained, 11)}`),
      ...rows,
    ].join('\n'),
  );
}

describe('istioctl analyze vs our CLI', () => {
  test('every istioctl message is ours too, or a documented difference', () => {
    const unexplained: string[] = [];
    for (const [input, comparison] of results) {
      for (const pair of comparison.pairs) {
        if (verdict(input, comparison, pair) === 'unexplained') unexplained.push(`${input}: ${pair.message.code} ${pair.message.origin} ${relative(pair)}: ${pair.message.message}`);
      }
    }
    expect(unexplained).toEqual([]);
  });

  test('every documented difference explains at least one message (the list stays true)', () => {
    const used = new Set<string>();
    for (const [input, comparison] of results) {
      for (const pair of comparison.pairs) {
        if (pair.lineDifference) used.add(pair.lineDifference);
        const difference = pair.ours ? undefined : notOurs(input, comparison, pair);
        if (difference) used.add(difference.id);
      }
    }
    expect([...NOT_OURS, ...OTHER_LINE].map((d) => d.id).filter((id) => !used.has(id))).toEqual([]);
  });

  test('the bundled bookinfo sample is clean for istioctl too', () => {
    expect(results.get('samples/bookinfo')?.istioctl).toEqual([]);
  });
});
