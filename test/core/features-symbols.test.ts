// Document symbol fixtures (test/fixtures/features/symbols), compared with their `.symbols.txt` outlines.
import path from 'node:path';
import { describe, test } from 'vitest';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { checkSymbols } from '../harness/features';

describe('document symbol fixtures', () => {
  for (const file of fixtureFiles('features/symbols')) {
    test(path.relative(FIXTURES, file), () => checkSymbols(file));
  }
});
