#!/usr/bin/env node
// `npm test`: every check and every test tier, in order, stopping at the first failure.
// Each step says how to reproduce it alone. The last line sums the tiers' "N passed, N failed" lines.
import { spawn } from 'node:child_process';

const STEPS = [
  { name: 'typecheck', cmd: 'npm run --silent typecheck', fix: 'run `npm run typecheck` and fix the type errors' },
  { name: 'layer boundaries', cmd: 'node scripts/check-boundaries.mjs', fix: 'see ARCHITECTURE.md, "Code Map", for which layer may import what' },
  { name: 'schemas are current', cmd: 'node scripts/update-schemas.mjs --check', fix: 'run `npm run update:schemas` and commit schemas/' },
  { name: 'analyzer docs are current', cmd: 'node scripts/gen-docs.mjs --check', fix: 'run `npm run gen:docs` and commit docs/analyzers.md' },
  { name: 'build', cmd: 'node esbuild.mjs --production', fix: 'run `npm run build`' },
  { name: 'real istioctl (build once, then reuse)', cmd: 'bash scripts/istioctl.sh', fix: 'run `bash scripts/istioctl.sh` (needs Go and the Go module proxy); the error above says what failed', exportsIstioctl: true },
  { name: 'core, server and client-unit tests', cmd: 'npx vitest run --config test/vitest.config.mts', fix: 'run `npm run test:core` (UPDATE_FIXTURES=1 is not supported; edit markers by hand)' },
  { name: 'samples', cmd: 'node scripts/check-samples.mjs', fix: 'run `npm run samples`' },
  {
    name: 'benchmark guard (200 services; fails over twice a budget)',
    cmd: 'node bench/run.mjs --guard --out bench/results/guard',
    fix: 'run `node bench/run.mjs --guard`; bench/README.md says how to profile the server',
  },
  { name: 'package (.vsix, size budget 3 MB)', cmd: 'node scripts/package.mjs', fix: 'run `node scripts/package.mjs`; check .vscodeignore' },
  { name: 'in-editor tests (code-server)', cmd: 'node test/e2e/run-in-editor.mjs', fix: 'run `npm run test:e2e` (needs `bash test/e2e-host/install.sh` once)' },
  { name: 'UI test (code-server + Chromium)', cmd: 'node test/ui/run-ui.mjs', fix: 'run `npm run test:ui` after `node scripts/package.mjs`' },
];

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code, output }));
  });
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const step of STEPS) {
  const t0 = Date.now();
  console.log(`\n=== ${step.name}: ${step.cmd}`);
  const { code, output } = await run(step);
  // Strip colour codes before reading a tier's closing line.
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const summary = [...plain.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].pop();
  if (summary) {
    passed += Number(summary[1]);
    failed += Number(summary[2]);
  }
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // Later steps (the differential test, in-editor tests) run this very binary: it is the script's last line.
  if (code === 0 && step.exportsIstioctl) process.env.ISTIOCTL = plain.trim().split('\n').pop();
  if (code !== 0) {
    console.error(`\nTo reproduce: ${step.fix}.`);
    console.log(`\n${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\nall steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
