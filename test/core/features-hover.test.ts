// Hover fixtures (test/fixtures/features/hover): one test per fixture, compared with its `.hover.md` snapshot.
import path from 'node:path';
import { describe, test } from 'vitest';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { checkHover } from '../harness/features';

describe('hover fixtures', () => {
  for (const file of fixtureFiles('features/hover')) {
    test(path.relative(FIXTURES, file), () => checkHover(file));
  }
});
