#!/usr/bin/env node
// Packages the extension into dist/istio-yaml.vsix (after a production build), prints the packaged
// files, and fails when the .vsix exceeds its size budget.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const BUDGET_BYTES = 3 * 1024 * 1024;
const out = 'dist/istio-yaml.vsix';

execFileSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', out], { stdio: 'inherit' });
console.log(execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' }));
const size = fs.statSync(out).size;
console.log(`${out}: ${(size / 1024).toFixed(0)} KB (budget ${BUDGET_BYTES / 1024} KB)`);
if (size > BUDGET_BYTES) {
  console.error(`the .vsix is over its ${BUDGET_BYTES / 1024 / 1024} MB budget`);
  process.exit(1);
}
