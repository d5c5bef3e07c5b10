// Generated files are committed; these tests fail when they are stale.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const run = (script: string) => {
  try {
    execFileSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
};

describe('generated files', () => {
  test('schemas/ matches the vendored CRDs (npm run update:schemas)', () => {
    expect(run('scripts/update-schemas.mjs')).toBe('');
  });
  test('docs/analyzers.md matches the analyzers (npm run gen:docs)', () => {
    expect(run('scripts/gen-docs.mjs')).toBe('');
  });
});
