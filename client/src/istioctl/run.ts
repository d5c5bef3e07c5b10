// Runs istioctl as a child process: no shell (arguments go to the program as they are), output
// collected with a cap, a time limit and cancellation. Never rejects: a program that cannot be
// started, times out or is cancelled is a RunResult like any other, for classifyFailure to explain.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { RunResult } from './types';

export interface RunOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Called with each decoded piece of output as it arrives (for a live output channel). */
  readonly onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Per stream; the rest is dropped and `truncated` set. Default MAX_OUTPUT_BYTES. */
  readonly maxOutputBytes?: number;
}

/** istioctl's largest outputs (a proxy's full config dump) are a few megabytes; this leaves room. */
export const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/** How long a process has to exit after SIGTERM before it gets SIGKILL. */
export const KILL_GRACE_MS = 2000;
/** How long to wait for the output pipes to close after the process exited (a grandchild may hold them). */
const PIPE_CLOSE_GRACE_MS = 1000;

export function runIstioctl(executable: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const command = [executable, ...args];
  const started = Date.now();
  const cap = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;

  if (options.signal?.aborted) {
    return Promise.resolve({ command, exitCode: null, stdout: '', stderr: '', timedOut: false, cancelled: true, durationMs: 0 });
  }

  return new Promise<RunResult>((resolve) => {
    const output = { stdout: '', stderr: '' };
    const bytes = { stdout: 0, stderr: 0 };
    let truncated = false;
    let timedOut = false;
    let cancelled = false;
    let spawnError: RunResult['spawnError'];
    let exitCode: number | null = null;
    let exitSignal: string | undefined;
    let done = false;
    const timers: NodeJS.Timeout[] = [];

    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(executable, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, shell: false });
    } catch (error) {
      // spawn throws synchronously for some bad arguments (an empty path, a NUL byte).
      const e = error as NodeJS.ErrnoException;
      resolve({ command, exitCode: null, stdout: '', stderr: '', timedOut: false, cancelled: false, spawnError: { code: e.code, message: e.message }, durationMs: Date.now() - started });
      return;
    }

    const finish = () => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      options.signal?.removeEventListener('abort', onAbort);
      for (const [stream, decoder] of decoders) collect(stream, decoder.end());
      resolve({
        command,
        exitCode,
        stdout: output.stdout,
        stderr: output.stderr,
        timedOut,
        cancelled,
        ...(spawnError ? { spawnError } : {}),
        ...(exitSignal ? { signal: exitSignal } : {}),
        ...(truncated ? { truncated } : {}),
        durationMs: Date.now() - started,
      });
    };

    const collect = (stream: 'stdout' | 'stderr', text: string) => {
      if (!text) return;
      const size = Buffer.byteLength(text);
      if (bytes[stream] + size > cap) {
        truncated = true;
        const room = Math.max(0, cap - bytes[stream]);
        text = Buffer.from(text).subarray(0, room).toString('utf8');
        bytes[stream] = cap;
      } else {
        bytes[stream] += size;
      }
      if (!text) return;
      output[stream] += text;
      options.onOutput?.(text, stream);
    };

    // A decoder per stream, so a multi-byte character split across chunks is not mangled.
    const decoders: ['stdout' | 'stderr', StringDecoder][] = [
      ['stdout', new StringDecoder('utf8')],
      ['stderr', new StringDecoder('utf8')],
    ];
    child.stdout?.on('data', (chunk: Buffer) => collect('stdout', decoders[0][1].write(chunk)));
    child.stderr?.on('data', (chunk: Buffer) => collect('stderr', decoders[1][1].write(chunk)));

    const stop = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      timers.push(
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }, KILL_GRACE_MS),
      );
    };
    const onAbort = () => {
      if (done || timedOut) return;
      cancelled = true;
      stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    timers.push(
      setTimeout(() => {
        if (done || cancelled) return;
        timedOut = true;
        stop();
      }, options.timeoutMs),
    );

    child.on('error', (error: NodeJS.ErrnoException) => {
      // Either the program could not be started (no pid), or a kill failed (ignored: 'close' follows).
      if (child.pid === undefined) {
        spawnError = { code: error.code, message: error.message };
        finish();
      }
    });
    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal ?? undefined;
      timers.push(
        setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish();
        }, PIPE_CLOSE_GRACE_MS),
      );
    });
    child.on('close', (code, signal) => {
      exitCode = code;
      exitSignal = signal ?? undefined;
      finish();
    });
  });
}

const SAFE_WORD = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/** The command as a POSIX shell would need it typed, for the output channel only (it is never run through a shell). */
export function formatCommandLine(command: readonly string[]): string {
  return command.map((word) => (SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
