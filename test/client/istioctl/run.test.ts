// runIstioctl with real child processes (node -e scripts): output, exit codes, no shell, the time
// limit (SIGTERM, then SIGKILL for a process that ignores it), cancellation, programs that cannot start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { KILL_GRACE_MS, formatCommandLine, runIstioctl } from '../../../client/src/istioctl/run';

const node = process.execPath;
const script = (code: string) => ['-e', code];

describe('runIstioctl', () => {
  test('collects stdout and stderr, and the exit code', async () => {
    const result = await runIstioctl(node, script('process.stdout.write("out\\n"); process.stderr.write("err\\n"); process.exit(3)'), { timeoutMs: 10_000 });
    expect(result).toMatchObject({ command: [node, '-e', expect.any(String)], exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false, cancelled: false });
    expect(result.spawnError).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  test('arguments reach the program as they are: no shell', async () => {
    const args = ['$HOME', '; echo hi', "it's", 'a b', '*'];
    const result = await runIstioctl(node, [...script('console.log(JSON.stringify(process.argv.slice(1)))'), ...args], { timeoutMs: 10_000 });
    expect(JSON.parse(result.stdout)).toEqual(args);
  });

  test('env, cwd and onOutput', async () => {
    const dir = fs.realpathSync(os.tmpdir());
    const seen: string[] = [];
    const result = await runIstioctl(node, script('console.log(process.env.ISTIOCTL_TEST_VAR, process.cwd()); console.error("e")'), {
      timeoutMs: 10_000,
      cwd: dir,
      env: { ...process.env, ISTIOCTL_TEST_VAR: 'v1' },
      onOutput: (text, stream) => seen.push(`${stream}:${text}`),
    });
    expect(result.stdout).toBe(`v1 ${dir}\n`);
    expect(seen.sort()).toEqual(['stderr:e\n', `stdout:v1 ${dir}\n`]);
  });

  test('multi-byte characters split across chunks survive', async () => {
    const result = await runIstioctl(node, script('const b = Buffer.from("\u2714 ok"); process.stdout.write(b.subarray(0, 1)); setTimeout(() => process.stdout.write(b.subarray(1)), 50)'), { timeoutMs: 10_000 });
    expect(result.stdout).toBe('\u2714 ok');
  });

  test('output over the cap is dropped and marked', async () => {
    const result = await runIstioctl(node, script('process.stdout.write("x".repeat(5000))'), { timeoutMs: 10_000, maxOutputBytes: 1000 });
    expect(result.stdout).toHaveLength(1000);
    expect(result.truncated).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  test('the time limit stops the process with SIGTERM', async () => {
    const started = Date.now();
    const result = await runIstioctl(node, script('console.log("started"); setInterval(() => {}, 1000)'), { timeoutMs: 500 });
    expect(result).toMatchObject({ timedOut: true, cancelled: false, exitCode: null, signal: 'SIGTERM', stdout: 'started\n' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a process that ignores SIGTERM gets SIGKILL after the grace period', async () => {
    const result = await runIstioctl(node, script('process.on("SIGTERM", () => console.log("ignored")); console.log("started"); setInterval(() => {}, 1000)'), { timeoutMs: 500 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    expect(result.stdout).toContain('ignored');
    expect(result.durationMs).toBeGreaterThanOrEqual(500 + KILL_GRACE_MS - 100);
  });

  test('abort cancels a running process; an aborted signal starts nothing', async () => {
    const controller = new AbortController();
    const running = runIstioctl(node, script('setInterval(() => {}, 1000)'), { timeoutMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect(await running).toMatchObject({ cancelled: true, timedOut: false, exitCode: null, signal: 'SIGTERM' });

    const marker = path.join(os.tmpdir(), `istioctl-never-${process.pid}`);
    const never = await runIstioctl(node, script(`require("fs").writeFileSync(${JSON.stringify(marker)}, "")`), { timeoutMs: 10_000, signal: AbortSignal.abort() });
    expect(never).toMatchObject({ cancelled: true, exitCode: null, stdout: '' });
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('a program that does not exist: spawnError ENOENT, no rejection', async () => {
    const result = await runIstioctl('/nonexistent/bin/istioctl', ['version'], { timeoutMs: 10_000 });
    expect(result).toMatchObject({ exitCode: null, timedOut: false, cancelled: false, spawnError: { code: 'ENOENT' } });
    expect(result.command).toEqual(['/nonexistent/bin/istioctl', 'version']);
  });

  test('a file without execute permission: spawnError EACCES', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istioctl-run-'));
    const file = path.join(dir, 'istioctl');
    fs.writeFileSync(file, '#!/bin/sh\necho hi\n', { mode: 0o644 });
    try {
      const result = await runIstioctl(file, [], { timeoutMs: 10_000 });
      expect(result.spawnError?.code).toBe('EACCES');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formatCommandLine', () => {
  test('quotes what a POSIX shell would split or expand', () => {
    expect(formatCommandLine(['/usr/bin/istioctl', 'analyze', '--use-kube=false', '-o', 'json', '--', '/w/a b.yaml', "it's", '$HOME', ''])).toBe(
      `/usr/bin/istioctl analyze --use-kube=false -o json -- '/w/a b.yaml' 'it'\\''s' '$HOME' ''`,
    );
  });
});
