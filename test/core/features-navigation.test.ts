// Navigation fixtures (test/fixtures/features/definition, references, highlights, rename): `$0` is the
// cursor, labelled carets (`def`, `ref`) mark the expected places; renames compare with `.fixed.yaml`.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { checkDefinition, checkHighlights, checkReferences, checkRename, navigationCrashes } from '../harness/features';

const inputs = (folder: string) => fixtureFiles(folder, (f) => !f.endsWith('.fixed.yaml'));

describe('definition fixtures', () => {
  for (const file of inputs('features/definition')) test(path.relative(FIXTURES, file), () => checkDefinition(file));
});

describe('references fixtures', () => {
  for (const file of inputs('features/references')) test(path.relative(FIXTURES, file), () => checkReferences(file));
});

describe('document highlight fixtures', () => {
  for (const file of inputs('features/highlights')) test(path.relative(FIXTURES, file), () => checkHighlights(file));
});

describe('rename fixtures', () => {
  for (const file of inputs('features/rename')) test(path.relative(FIXTURES, file), () => checkRename(file));
});

describe('navigation never throws while typing', () => {
  for (const file of ['references/gateway.yaml', 'references/workload-labels.yaml', 'rename/subset.yaml', 'definition/list-item.yaml', 'code-actions/audit-twin.yaml'].map((f) => path.join(FIXTURES, 'features', f))) {
    test(path.relative(FIXTURES, file), () => expect(navigationCrashes(file).slice(0, 3)).toEqual([]));
  }
});
