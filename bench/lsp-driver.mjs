// A minimal LSP client for the benchmark: spawns the built server (dist/server.js) over stdio,
// answers the requests it makes of the client, and records when notifications arrive, so the
// measurements can wait for "these files were republished" or "the diagnostics pass ended".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER = path.join(ROOT, 'dist/server.js');

export const uriOf = (file) => pathToFileURL(file).href;

export class TimeoutError extends Error {}

export class LspServer {
  /** @param {{settings?: object, stderr?: (text: string) => void}} options */
  constructor(options = {}) {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: build it first (node esbuild.mjs)`);
    this.spawnedAt = performance.now();
    // BENCH_SERVER_NODE_ARGS passes options to the server's node (`--cpu-prof --cpu-prof-dir=DIR` to profile it).
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.process = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr.on('data', (d) => options.stderr?.(String(d)));
    this.exited = false;
    this.process.on('exit', () => (this.exited = true));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    /** uri → last publishDiagnostics params, with `at` (performance.now() on arrival). */
    this.published = new Map();
    /** Every istioYaml/analysisIdle, with `at`. */
    this.idles = [];
    this.indexed = undefined;
    this.logs = [];
    this.listeners = new Set();
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.set(p.uri, { ...p, at: performance.now() });
      this.notify();
    });
    this.connection.onNotification('istioYaml/analysisIdle', (p) => {
      this.idles.push({ ...p, at: performance.now() });
      this.notify();
    });
    this.connection.onNotification('istioYaml/indexed', (p) => {
      this.indexed = { ...p, at: performance.now() };
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (p) => this.logs.push(p.message));
    this.connection.onRequest('workspace/configuration', (p) => (p.items ?? []).map(() => options.settings ?? {}));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
    this.version = new Map();
  }

  notify() {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when `predicate()` holds (checked now and after every notification); rejects after `timeoutMs`. */
  until(predicate, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value;
        try {
          value = predicate();
        } catch (error) {
          this.listeners.delete(check);
          clearTimeout(timer);
          reject(error);
          return;
        }
        if (value) {
          this.listeners.delete(check);
          clearTimeout(timer);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new TimeoutError(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** Waits for an analysisIdle that arrived after `since` (a performance.now() value). */
  idleAfter(since, timeoutMs) {
    return this.until(() => this.idles.find((i) => i.at > since), timeoutMs, 'the end of the diagnostics pass (istioYaml/analysisIdle)');
  }

  async initialize(folder) {
    const uri = uriOf(folder);
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    this.initializedAt = performance.now();
    await this.connection.sendNotification('initialized', {});
  }

  open(uri, text) {
    this.version.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Incremental change: replaces `range` with `text`. Returns the new document version. */
  change(uri, range, text) {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** Peak and current resident set size of the server process, in MB (Linux /proc). */
  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    } catch {
      return { peakRssMb: NaN, rssMb: NaN };
    }
  }

  async shutdown() {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // already gone
      }
    }
    this.connection.dispose();
    await new Promise((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 3000);
      this.process.on('exit', () => (clearTimeout(timer), resolve()));
    });
  }
}
