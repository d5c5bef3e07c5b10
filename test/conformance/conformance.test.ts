// The istioctl analyzer test cases (istioctl-analyze/cases.json) run through our analyzers. One test
// computes every case; the summary line and the failing cases go to the vitest summary reporter (through
// the test's meta) and to test/.artifacts/conformance.txt.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ALL_ANALYZERS } from '../../server/src/core/analysis';
import { ANALYZER_MAP } from './analyzer-map';
import { loadCases, renderReport, runCase } from './harness';
import { KNOWN_DIFFERENCES, MIN_PASSING } from './known-differences';

const ARTIFACT = path.resolve(__dirname, '../.artifacts/conformance.txt');

test('istioctl analyze conformance', ({ task }) => {
  const cases = loadCases();
  const results = cases.map((c) => runCase(c, ANALYZER_MAP[c.analyzer] ?? []));
  const report = renderReport(results, KNOWN_DIFFERENCES);
  (task.meta as { conformance?: string }).conformance = report;
  fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
  fs.writeFileSync(ARTIFACT, report);

  expect(cases.length).toBe(104);
  const unmapped = [...new Set(cases.map((c) => c.analyzer))].filter((a) => !(a in ANALYZER_MAP));
  expect(unmapped, 'istioctl analyzers missing from ANALYZER_MAP').toEqual([]);
  const names = new Set(ALL_ANALYZERS.map((a) => a.name));
  const unknown = Object.values(ANALYZER_MAP).flat().filter((n) => !names.has(n));
  expect(unknown, 'names in ANALYZER_MAP that are no analyzer of ours').toEqual([]);
  // Every analyzer that corresponds to an istioctl message is measured (validation messages go through schema.ValidationAnalyzer.<Kind>).
  const mapped = new Set(Object.values(ANALYZER_MAP).flat());
  const VALIDATION = ['IST0106', 'IST0133', 'IST0130', 'IST0131'];
  const forgotten = ALL_ANALYZERS.filter((a) => a.istioctl && !VALIDATION.includes(a.istioctl) && !mapped.has(a.name)).map((a) => `${a.code} ${a.name}`);
  expect(forgotten, 'analyzers with an istioctl code missing from ANALYZER_MAP').toEqual([]);
  const failing = results.filter((r) => !r.pass).map((r) => r.testCase.index);
  const unexplained = failing.filter((i) => !(i in KNOWN_DIFFERENCES));
  expect(unexplained, `failing cases not in KNOWN_DIFFERENCES:\n${report}`).toEqual([]);
  const stale = Object.keys(KNOWN_DIFFERENCES).map(Number).filter((i) => !failing.includes(i));
  expect(stale, 'cases in KNOWN_DIFFERENCES that pass now: remove them (and raise MIN_PASSING)').toEqual([]);
  expect(results.length - failing.length, report).toBeGreaterThanOrEqual(MIN_PASSING);
}, 180_000);
