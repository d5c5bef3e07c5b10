// The in-editor test tier: bundles test/e2e/suite with esbuild and runs it in real VS Code (code-server 1.100.3 +
// headless Chromium, through test/e2e-host/code-server-shim.js) against a fresh copy of test/e2e/workspace.
// Builds nothing else: run `npm run build` first. Prints `N passed, N failed` as its last line.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const suiteSrc = join(root, 'test/e2e/suite');
const suiteOut = join(root, 'out/test/e2e/suite');
const shim = join(root, 'test/e2e-host/code-server-shim.js');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`run-in-editor: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!existsSync(join(root, 'dist/client.js')) || !existsSync(join(root, 'dist/server.js'))) {
  fail('dist/client.js or dist/server.js is missing; run `npm run build` first');
}
if (!existsSync(join(root, 'test/e2e-host/node_modules/code-server/out/node/entry.js'))) {
  fail('code-server is not installed; run test/e2e-host/install.sh first');
}

// One bundle per entry point; `vscode` comes from the extension host and mocha from the repository's node_modules.
rmSync(suiteOut, { recursive: true, force: true });
await build({
  entryPoints: readdirSync(suiteSrc).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(suiteSrc, f)),
  outdir: suiteOut,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});

// The istioctl tests run the real istioctl (built once by scripts/istioctl.sh, then cached); `npm test` passes its path.
const istioctl = process.env.ISTIOCTL || execFileSync('bash', [join(root, 'scripts/istioctl.sh')], { encoding: 'utf8' }).trim().split('\n').pop();

// Tests may edit and save files, so each run works on its own copy of the workspace.
const scratch = mkdtempSync(join(tmpdir(), 'istio-yaml-e2e-workspace-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
const resultsFile = join(scratch, 'results.json');

let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: shim,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(suiteOut, 'index'),
    launchArgs: [workspace],
    // Reaches the extension host through the shim and code-server; the suite's index writes its counts there.
    extensionTestsEnv: { ISTIO_YAML_E2E_RESULTS: resultsFile, ISTIOCTL: istioctl, ISTIOCTL_STUB_DIR: join(root, 'test/e2e/stub-istioctl') },
  });
} catch (error) {
  exitCode = 1;
  console.error(`run-in-editor: ${error instanceof Error ? error.message : String(error)}`);
}

let summary = '0 passed, 1 failed';
if (existsSync(resultsFile)) {
  const { passed, failed, failedTitles } = JSON.parse(readFileSync(resultsFile, 'utf8'));
  for (const title of failedTitles) console.log(`failed: ${title}`);
  summary = `${passed} passed, ${failed} failed`;
  if (failed > 0) exitCode = 1;
} else {
  console.error('run-in-editor: the suite reported no results (the editor did not start or the run timed out); counted as one failure');
  exitCode = 1;
}
rmSync(scratch, { recursive: true, force: true });
console.log(`in-editor tier finished in ${seconds()}`);
console.log(summary);
process.exit(exitCode);
