// One benchmark case: a generated mesh on disk, measured against the built server and CLI, with
// the parse floor and Node's start-up measured in the same run (ratios are what count).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LspServer, ROOT, TimeoutError, uriOf } from './lsp-driver.mjs';
import { completionProbes, editProbes, hoverProbes } from './probes.mjs';

/** The server waits this long after the last change before a diagnostics pass (diagnostics-scheduler.ts). */
export const DEBOUNCE_MS = 50;

export function stats(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return { n: 0 };
  // Nearest-rank percentiles: with 20 samples p95 is the 19th, not an interpolation.
  const pick = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { n: sorted.length, p50: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1], min: sorted[0] };
}

const median = (values) => stats(values).p50;

function nodeRun(args, options = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 30, ...options });
  return { ms: performance.now() - started, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The parse floor, in a fresh process each time. */
export function floorOnce(dir) {
  const run = nodeRun([path.join(ROOT, 'bench/floor.mjs'), dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`floor failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

export function nodeStartup(reps) {
  return median(Array.from({ length: reps }, () => nodeRun(['-e', '0']).ms));
}

/** `istio-yaml check DIR --format json`, wall time; stdout goes to a file (as `> /dev/null` would, but kept for checking). */
function cliCheck(dir, reps) {
  const out = path.join(os.tmpdir(), `istio-yaml-bench-cli-${process.pid}.json`);
  const times = [];
  let findings = [];
  let status;
  for (let i = 0; i < reps; i++) {
    const fd = fs.openSync(out, 'w');
    const run = nodeRun([path.join(ROOT, 'dist/cli.js'), 'check', dir, '--format', 'json'], { stdio: ['ignore', fd, 'pipe'] });
    fs.closeSync(fd);
    times.push(run.ms);
    status = run.status;
    if (status !== 0 && status !== 1) throw new Error(`cli check exited ${status}: ${run.stderr}`);
  }
  findings = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return { ms: median(times), times, status, findings };
}

/** Which injected errors were reported (by file and code), and which errors/warnings nobody injected. */
export function checkFindings(findings, expectations) {
  const key = (file, code) => `${file}\0${code}`;
  const expected = new Set(expectations.map((e) => key(e.file, e.code)));
  const found = [];
  const missing = [];
  // In the single-file layout every error is in the same file: the resource tells them apart.
  for (const e of expectations) (findings.some((f) => f.file === e.file && f.code === e.code && (!f.resource || f.resource === e.resource)) ? found : missing).push(e);
  const severities = { error: 0, warning: 0, information: 0, hint: 0 };
  const unexpected = [];
  for (const f of findings) {
    severities[f.severity] = (severities[f.severity] ?? 0) + 1;
    if ((f.severity === 'error' || f.severity === 'warning') && !expected.has(key(f.file, f.code))) unexpected.push(f);
  }
  return { expected: expectations.length, found: found.length, missing, unexpected: unexpected.length, unexpectedSample: unexpected.slice(0, 5), severities };
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function countItems(result) {
  if (!result) return 0;
  return Array.isArray(result) ? result.length : (result.items?.length ?? 0);
}

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * Runs every measurement of one case.
 * @param {{dir: string, mesh: object, reps: {completion: number, hover: number, completionAfterEdit: number, edit: number, floor: number, cli: number, startup: number}, log: (s: string) => void}} c
 */
export async function measureCase({ dir, mesh, reps, log }) {
  const result = { services: mesh.stats.services, layout: mesh.stats.layout, mesh: mesh.stats, errors: [] };
  const rel = (uri) => path.relative(dir, new URL(uri).pathname);

  // Floor and start-up, half before the server session and half after, to spread the machine's noise.
  const floors = [];
  const half = Math.ceil(reps.floor / 2);
  for (let i = 0; i < half; i++) floors.push(floorOnce(dir));
  log(`floor ${floors.map((f) => Math.round(f.totalMs)).join(', ')} ms`);
  result.nodeStartupMs = nodeStartup(reps.startup);

  const cli = cliCheck(dir, reps.cli);
  result.cli = { ms: cli.ms, times: cli.times, exitCode: cli.status, check: checkFindings(cli.findings.map((f) => ({ ...f, file: path.relative(dir, f.file) })), mesh.expectations) };
  log(`cli check ${Math.round(cli.ms)} ms (exit ${cli.status})`);

  const server = new LspServer({ stderr: (t) => result.errors.length < 20 && result.errors.push(`server stderr: ${t.trim()}`) });
  const floorGuess = floors[0].totalMs;
  const initialTimeout = Math.max(120_000, 40 * floorGuess);
  const stepTimeout = Math.max(30_000, 5 * floorGuess);
  try {
    // 1. Opening the workspace: from `initialized` to the end of the first diagnostics pass.
    await server.initialize(dir);
    const initializedAt = server.initializedAt;
    const idle = await server.idleAfter(initializedAt, initialTimeout);
    await server.until(() => server.indexed, initialTimeout, 'istioYaml/indexed');
    const lastPublish = Math.max(initializedAt, ...[...server.published.values()].map((p) => p.at));
    result.initial = {
      ms: idle.at - initializedAt,
      fromSpawnMs: idle.at - server.spawnedAt,
      indexedMs: server.indexed.at - initializedAt,
      serverIndexMillis: server.indexed.millis,
      serverPassMillis: idle.millis,
      lastPublishMs: lastPublish - initializedAt,
      filesIndexed: server.indexed.files,
      resources: server.indexed.resources,
      publishedFiles: server.published.size,
    };
    const findings = [];
    for (const p of server.published.values()) for (const d of p.diagnostics) findings.push({ file: rel(p.uri), code: String(d.code), severity: SEVERITY[d.severity], resource: d.data?.resource });
    result.diagnostics = checkFindings(findings, mesh.expectations);
    log(`initial ${Math.round(result.initial.ms)} ms; injected found ${result.diagnostics.found}/${result.diagnostics.expected}, unexpected ${result.diagnostics.unexpected}`);

    // 2. Open the files where completion and hover are asked (an editor opens what the user types in).
    const serviceFiles = mesh.files.filter((f) => f.path.startsWith('services/') || mesh.files.length === 1);
    const probeCount = Math.min(20, serviceFiles.length);
    const probeFiles = Array.from({ length: probeCount }, (_, i) => serviceFiles[Math.floor(((i + 0.5) * serviceFiles.length) / probeCount)]).map((f) => ({
      uri: uriOf(path.join(dir, f.path)),
      text: f.text,
    }));
    const editFile = mesh.edit && { uri: uriOf(path.join(dir, mesh.edit.file)), text: mesh.files.find((f) => f.path === mesh.edit.file).text };
    const toOpen = [...probeFiles];
    if (editFile && !toOpen.some((f) => f.uri === editFile.uri)) toOpen.push(editFile);
    let since = performance.now();
    for (const f of toOpen) await server.open(f.uri, f.text);
    const openIdle = await server.idleAfter(since, stepTimeout);
    result.openFiles = { files: toOpen.length, passMs: openIdle.at - since };

    // 3. Completion and hover latency: a cold first request, a warm-up, then the measured positions.
    const measureRequests = async (method, probes, warmup) => {
      const first = await timed(() => server.request(method, { textDocument: { uri: probes[0].uri }, position: probes[0].position }));
      for (const p of probes.slice(0, warmup)) await server.request(method, { textDocument: { uri: p.uri }, position: p.position });
      const times = [];
      let empty = 0;
      const byKind = {};
      for (const p of probes) {
        const r = await timed(() => server.request(method, { textDocument: { uri: p.uri }, position: p.position }));
        times.push(r.ms);
        const items = method === 'textDocument/hover' ? (r.value ? 1 : 0) : countItems(r.value);
        if (!items) empty++;
        (byKind[p.kind] ??= []).push(r.ms);
      }
      return {
        coldMs: first.ms,
        ...stats(times),
        empty,
        byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { n: v.length, p95: stats(v).p95 }])),
      };
    };
    result.completion = await measureRequests('textDocument/completion', completionProbes(probeFiles, reps.completion), 20);
    result.hover = await measureRequests('textDocument/hover', hoverProbes(probeFiles, reps.hover), 20);
    log(`completion p95 ${result.completion.p95?.toFixed(1)} ms, hover p95 ${result.hover.p95?.toFixed(1)} ms`);

    // 4. Completion right after an edit: insert a line with a partial key, complete at its end;
    // then delete the line and complete again. Both requests follow their edit immediately; the
    // time runs from sending the didChange to the completion's answer. Between rounds the
    // diagnostics pass is allowed to finish, so each sample is the edit plus the completion alone.
    const edits = editProbes(probeFiles, Math.ceil(reps.completionAfterEdit / 2));
    const afterEdit = [];
    let afterEditEmpty = 0;
    for (const e of edits) {
      const lineText = '    re'; // a route-level key being typed (retries, rewrite)
      const insert = performance.now();
      server.change(e.uri, { start: { line: e.line + 1, character: 0 }, end: { line: e.line + 1, character: 0 } }, `${lineText}\n`);
      const r1 = await server.request('textDocument/completion', { textDocument: { uri: e.uri }, position: { line: e.line + 1, character: lineText.length } });
      afterEdit.push(performance.now() - insert);
      if (!countItems(r1)) afterEditEmpty++;
      const remove = performance.now();
      server.change(e.uri, { start: { line: e.line + 1, character: 0 }, end: { line: e.line + 2, character: 0 } }, '');
      const r2 = await server.request('textDocument/completion', { textDocument: { uri: e.uri }, position: { line: e.line, character: 4 } });
      afterEdit.push(performance.now() - remove);
      if (!countItems(r2)) afterEditEmpty++;
      await server.idleAfter(remove, stepTimeout);
    }
    result.completionAfterEdit = { ...stats(afterEdit), empty: afterEditEmpty };
    log(`completion after edit p95 ${result.completionAfterEdit.p95?.toFixed(1)} ms`);

    // 5. Edit → republished diagnostics of the edited file and of every file whose routes name the subset.
    if (mesh.edit) result.editRepublish = await measureEdit(server, dir, mesh.edit, editFile.uri, reps.edit, stepTimeout, log);

    // 6. Peak memory over the whole session.
    result.memory = server.memory();
    log(`peak RSS ${result.memory.peakRssMb.toFixed(0)} MB`);
  } catch (error) {
    result.errors.push(error instanceof TimeoutError ? `timeout: ${error.message}` : String(error?.stack ?? error));
    result.memory ??= server.memory();
    log(`FAILED: ${error.message}`);
  } finally {
    await server.shutdown();
  }

  for (let i = half; i < reps.floor; i++) floors.push(floorOnce(dir));
  result.floor = { ms: median(floors.map((f) => f.totalMs)), parseMs: median(floors.map((f) => f.parseMs)), runs: floors.map((f) => f.totalMs), documents: floors[0].documents, bytes: floors[0].bytes };
  log(`floor median ${Math.round(result.floor.ms)} ms`);
  return result;
}

async function measureEdit(server, dir, edit, uri, reps, timeout, log) {
  const dependents = edit.dependents.map((f) => uriOf(path.join(dir, f)));
  const count903 = (u) => (server.published.get(u)?.diagnostics ?? []).filter((d) => d.code === 'IY903').length;
  const baseline = new Map([uri, ...dependents].map((u) => [u, count903(u)]));
  const times = [];
  const passTimes = [];
  const editedOnly = [];
  let current = edit.oldText;
  for (let i = 0; i < reps; i++) {
    const renaming = current === edit.oldText;
    const next = renaming ? edit.newText : edit.oldText;
    const range = { start: edit.position, end: { line: edit.position.line, character: edit.position.character + current.length } };
    const started = performance.now();
    const version = server.change(uri, range, next);
    current = next;
    // Renamed: every dependent gains an unknown-subset error. Renamed back: they lose it again.
    const ok = (u) => (renaming ? count903(u) > baseline.get(u) : count903(u) === baseline.get(u));
    try {
      await server.until(() => {
        const p = server.published.get(uri);
        return p && p.version === version && p.at > started && ok(uri);
      }, timeout, `diagnostics of the edited file ${path.relative(dir, new URL(uri).pathname)} (version ${version})`);
      const editedAt = server.published.get(uri).at;
      await server.until(() => dependents.every((u) => server.published.get(u)?.at > started && ok(u)), timeout, `republished diagnostics of ${dependents.length} dependent files`);
      const last = Math.max(editedAt, ...dependents.map((u) => server.published.get(u).at));
      times.push(last - started);
      editedOnly.push(editedAt - started);
      const idle = await server.idleAfter(started, timeout);
      passTimes.push(idle.at - started);
    } catch (error) {
      log(`edit round ${i + 1}: ${error.message}`);
      return { error: error.message, dependents: dependents.length, ...stats(times) };
    }
  }
  // The server also added IY903 errors to the edited file itself (its own routes name the subset).
  return {
    ...stats(times),
    editedFile: stats(editedOnly),
    passEnd: stats(passTimes),
    dependents: dependents.length,
    dependentRoutes: edit.dependentRoutes.length,
    debounceMs: DEBOUNCE_MS,
  };
}
