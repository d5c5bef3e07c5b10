// Starts and stops a hermetic code-server + headless Chromium pair; shared by the in-editor shim and the UI tests.
// Every run gets its own HOME, TMPDIR, XDG dirs, user data and extensions dirs under one temp folder, removed at the end,
// because code-server, Chromium and the extension host otherwise leave config, crash-report and socket files behind.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const CODE_SERVER_ENTRY = process.env.CODE_SERVER_ENTRY || require.resolve('code-server/out/node/entry.js', { paths: [__dirname] });
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags that run Debian's Chromium headless as root and keep it off the network.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Settings that keep the workbench quiet and offline: no welcome page, update checks, telemetry, trust prompts or AI panels.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  // Fewer moving parts in screenshots: no animations, a steady cursor.
  'workbench.reduceMotion': 'on',
  'editor.cursorBlinking': 'solid',
};

/** Creates the per-run folder tree; `remove()` deletes it. */
function createRunDir(prefix) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const run = {
    root,
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
  for (const d of [run.home, run.tmp, path.join(run.userData, 'User'), run.extensions]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(run.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return run;
}

/** The environment for code-server and Chromium: everything that names a writable place points into the run folder. */
function hostEnv(run, extra = {}) {
  return {
    ...process.env,
    HOME: run.home,
    TMPDIR: run.tmp,
    XDG_CONFIG_HOME: path.join(run.home, '.config'),
    XDG_DATA_HOME: path.join(run.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(run.home, '.cache'),
    XDG_RUNTIME_DIR: run.tmp,
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function codeServerArgs(run) {
  return [CODE_SERVER_ENTRY, '--user-data-dir', run.userData, '--extensions-dir', run.extensions];
}

/** Installs a .vsix into the run's extensions dir (code-server's CLI mode; exits by itself). */
function installExtension(run, vsix) {
  return execFileSync(process.execPath, [...codeServerArgs(run), '--install-extension', vsix, '--force'],
    { env: hostEnv(run), encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = /** @type {net.AddressInfo} */ (s.address()); s.close(() => resolve(port)); });
  });
}

/**
 * Starts code-server on 127.0.0.1 with a free port in its own process group, so that `stop()` also ends the
 * extension host and the language server it spawns. Resolves once the HTTP server listens.
 */
async function startCodeServer(run, { env = {}, startTimeoutMs = 60000 } = {}) {
  const port = await freePort();
  const args = [...codeServerArgs(run), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--disable-proxy',
    '--ignore-last-opened'];
  const child = spawn(process.execPath, args, { env: hostEnv(run, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return killGroup(child.pid, 'SIGKILL');
    killGroup(child.pid, 'SIGTERM');
    const timer = new Promise((resolve) => setTimeout(resolve, 5000, 'timeout'));
    await Promise.race([exited, timer]);
    // Children (extension host, language server) may outlive the leader; nothing of the group survives a test run.
    killGroup(child.pid, 'SIGKILL');
  };

  try {
    await new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`code-server did not listen within ${startTimeoutMs} ms`)), startTimeoutMs);
      const poll = setInterval(() => {
        if (output.includes('HTTP server listening')) { clearInterval(poll); clearTimeout(deadline); resolve(); }
      }, 50);
      exited.then(({ code, signal }) => {
        clearInterval(poll); clearTimeout(deadline);
        reject(new Error(`code-server exited early (${code ?? signal})`));
      });
    });
  } catch (e) {
    await stop();
    e.message += `\n--- code-server output ---\n${output}`;
    throw e;
  }
  return { port, url: `http://127.0.0.1:${port}`, pid: child.pid, output: () => output, stop };
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* the group is already gone */ }
}

/** Launches headless Chromium; playwright gives it a fresh profile and kills it if this process exits. */
async function launchChromium(run, { chromium }) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: hostEnv(run),
    // The callers handle signals themselves so they can stop code-server and remove the run folder too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** The tails of the server-side logs (code-server, remote agent, extension host), for failure reports. */
function serverLogs(run, maxLines = 80) {
  const out = [];
  const walk = (dir) => {
    let entries = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) {
        const lines = fs.readFileSync(p, 'utf8').trimEnd().split('\n');
        if (lines.length && lines[0]) out.push(`--- ${path.relative(run.root, p)} ---\n${lines.slice(-maxLines).join('\n')}`);
      }
    }
  };
  // code-server's own coder-logs repeat its stdout, which the callers print already.
  walk(path.join(run.userData, 'logs'));
  return out.join('\n');
}

/**
 * On SIGINT/SIGTERM/SIGHUP: calls `onSignal(exitCode)` (128 + signal number), waits for the promise it returns,
 * then exits with that code. Returns a function that unregisters the handlers.
 */
function onSignals(onSignal) {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  const handlers = Object.entries(codes).map(([signal, code]) => {
    const handler = () => { Promise.resolve(onSignal(code)).finally(() => process.exit(code)); };
    process.once(signal, handler);
    return { signal, handler };
  });
  return () => handlers.forEach(({ signal, handler }) => process.removeListener(signal, handler));
}

module.exports = { CHROMIUM_FLAGS, createRunDir, hostEnv, installExtension, startCodeServer, launchChromium, serverLogs, onSignals };
