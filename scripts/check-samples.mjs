#!/usr/bin/env node
// The product's main job on the bundled samples: checks samples/bookinfo (must be clean) and shows
// what is reported for the deliberate mistakes in samples/mistakes. Run after `npm run build`.
import { spawnSync } from 'node:child_process';

const cli = (args) => spawnSync(process.execPath, ['dist/cli.js', 'check', ...args], { encoding: 'utf8' });

console.log('== samples/bookinfo (a realistic mesh: gateway, canary subsets, fault injection, mTLS, policies)');
const clean = cli(['samples/bookinfo']);
process.stdout.write(clean.stdout + clean.stderr);

console.log('\n== samples/mistakes (deliberate mistakes)');
const mistakes = cli(['samples/mistakes']);
process.stdout.write(mistakes.stdout + mistakes.stderr);

let failed = false;
if (clean.status !== 0 || !clean.stdout.includes('No problems found')) {
  console.error('\nsamples/bookinfo should have no findings at all; the check exited with', clean.status);
  failed = true;
}
if (mistakes.status !== 1) {
  console.error('\nsamples/mistakes should report errors (exit 1) but the check exited with', mistakes.status);
  failed = true;
}
process.exit(failed ? 1 : 0);
