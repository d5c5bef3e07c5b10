// One test per analyzer fixture file: diagnostics must match the markers; fix fixtures must match *.fixed.yaml.
import path from 'node:path';
import { describe, test } from 'vitest';
import { checkDiagnostics, checkFix, FIXTURES, fixtureFiles } from '../harness/check';

const files = fixtureFiles('analyzers', (f) => !f.endsWith('.fixed.yaml'));

describe('analyzer fixtures', () => {
  for (const file of files) {
    const name = path.relative(FIXTURES, file);
    test(name, () => checkDiagnostics(file));
    if (path.basename(file).startsWith('fix')) test(`${name} (fix)`, () => checkFix(file));
  }
});
