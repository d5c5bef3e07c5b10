// Folding and selection range fixtures (test/fixtures/features/folding, .../selection), compared
// with their `.folding.txt` and `.selection.txt` snapshots.
import path from 'node:path';
import { describe, test } from 'vitest';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { checkFolding, checkSelection } from '../harness/features';

describe('folding range fixtures', () => {
  for (const file of fixtureFiles('features/folding')) {
    test(path.relative(FIXTURES, file), () => checkFolding(file));
  }
});

describe('selection range fixtures', () => {
  for (const file of fixtureFiles('features/selection')) {
    test(path.relative(FIXTURES, file), () => checkSelection(file));
  }
});
