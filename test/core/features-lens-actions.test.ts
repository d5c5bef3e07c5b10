// Code lens fixtures (compared with their `.code-lens.txt` snapshots) and code action fixtures
// (refactorings and suppression fixes, compared with their `.fixed.yaml`).
import path from 'node:path';
import { describe, test } from 'vitest';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { checkCodeAction, checkCodeLens } from '../harness/features';

const inputs = (folder: string) => fixtureFiles(folder, (f) => !f.endsWith('.fixed.yaml'));

describe('code lens fixtures', () => {
  for (const file of inputs('features/code-lens')) test(path.relative(FIXTURES, file), () => checkCodeLens(file));
});

describe('code action fixtures', () => {
  for (const file of inputs('features/code-actions')) test(path.relative(FIXTURES, file), () => checkCodeAction(file));
});
