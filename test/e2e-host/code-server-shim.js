#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) and @vscode/test-cli:
// runs the extension tests in code-server's Node extension host, with headless Chromium as the workbench,
// and exits with the tests' exit code (124 on timeout).
'use strict';
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');
const { createRunDir, startCodeServer, launchChromium, serverLogs, onSignals } = require('./code-server-host');

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 240000);

/**
 * Reads the desktop-style arguments test-electron passes. `--user-data-dir`/`--extensions-dir` are accepted but not
 * used: test-electron always adds them (defaulting to a shared ./.vscode-test), and a test run must not inherit state.
 * Electron-only flags (--no-sandbox, --disable-updates, --skip-welcome, ...) have no code-server equivalent.
 */
function parseArgs(argv) {
  const o = { devPaths: [], testsPath: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) { o.folder = path.resolve(a); continue; }
    const value = m[2] ?? (['extensionDevelopmentPath', 'extensionTestsPath'].includes(m[1]) ? argv[++i] : undefined);
    if (m[1] === 'extensionDevelopmentPath') o.devPaths.push(path.resolve(value));
    else if (m[1] === 'extensionTestsPath') o.testsPath = path.resolve(value);
  }
  if (!o.testsPath) throw new Error('code-server-shim: --extensionTestsPath= is required');
  return o;
}

/** The workbench URL: code-server takes the development and tests paths as a `payload` query parameter. */
function workbenchUrl(server, o) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${encodeURI(p)}`;
  const payload = [
    ...o.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(o.testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const target = o.folder ? `folder=${encodeURIComponent(o.folder)}` : 'ew=true';
  return `${server.url}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const run = createRunDir('istio-yaml-e2e');
  let server;
  let browser;
  let interrupted; // the exit code for a signal, which wins over the tests' result
  const pageErrors = [];
  let cleaning;
  // One shared promise: the signal path and the normal path both wait for the same, complete cleanup.
  const cleanup = () => (cleaning ??= (async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    run.remove();
  })());
  const unregister = onSignals((code) => { interrupted = code; return cleanup(); });
  const report = (why) => {
    if (interrupted !== undefined) return;
    console.error(`code-server-shim: ${why}`);
    console.error(`--- code-server output ---\n${server ? server.output() : ''}`);
    console.error(serverLogs(run));
    if (pageErrors.length) console.error(`--- workbench page errors ---\n${pageErrors.join('\n')}`);
  };
  let code = 1;
  try {
    server = await startCodeServer(run);
    browser = await launchChromium(run, { chromium });
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    let finish;
    const finished = new Promise((resolve) => { finish = resolve; });
    // The workbench calls these when it runs extension tests: console output, then the exit code.
    await page.exposeFunction('codeAutomationLog', (_type, args) => console.log(util.format(...args)));
    await page.exposeFunction('codeAutomationExit', (c) => finish(Number(c)));
    page.on('crash', () => finish('the workbench page crashed'));
    await page.goto(workbenchUrl(server, o));
    const timer = setTimeout(() => finish(`no test result after ${TIMEOUT_MS} ms`), TIMEOUT_MS);
    const result = await finished;
    clearTimeout(timer);
    code = typeof result === 'number' ? result : 124;
    if (typeof result !== 'number') report(result);
    else if (code !== 0) report(`the tests exited with code ${code}`);
    else if (process.env.VERBOSE) console.log(server.output());
  } catch (e) {
    report(e && e.stack ? e.stack : String(e));
  } finally {
    await cleanup();
    unregister();
  }
  return interrupted ?? code;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
