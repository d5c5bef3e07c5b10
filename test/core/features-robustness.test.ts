// The editor features never throw while a document is typed (every keystroke of each feature
// fixture, broken YAML included) nor at any offset of the finished text.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { featureCrashes } from '../harness/features';

const files = ['completion', 'hover', 'symbols', 'folding', 'selection'].flatMap((feature) => fixtureFiles(`features/${feature}`));

describe('features never throw while typing', () => {
  for (const file of files) {
    test(path.relative(FIXTURES, file), () => {
      expect(featureCrashes(file).slice(0, 3)).toEqual([]);
    });
  }
});
