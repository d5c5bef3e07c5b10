// The one way tests find the real istioctl: $ISTIOCTL (set by `npm test` after `scripts/istioctl.sh`),
// else `scripts/istioctl.sh` itself, which builds it once for the pinned release and then only prints
// the cached binary's path. Tests never use a stand-in for what the real tool can do offline.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/istioctl.sh');
let cached: string | undefined;

export function istioctlPath(): string {
  if (cached) return cached;
  const fromEnv = process.env.ISTIOCTL;
  if (fromEnv && fs.existsSync(fromEnv)) return (cached = fromEnv);
  const printed = execFileSync('bash', [SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop() ?? '';
  if (!fs.existsSync(printed)) throw new Error(`scripts/istioctl.sh printed '${printed}', which does not exist`);
  return (cached = printed);
}

export interface IstioctlRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs istioctl (asynchronously, so tests can run several at once); never throws on a non-zero exit. */
export function runIstioctl(args: readonly string[], cwd?: string): Promise<IstioctlRun> {
  // No kubeconfig: every test here is offline, and a developer's own cluster must never be contacted.
  const env = { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' };
  return new Promise((resolve) => {
    execFile(istioctlPath(), [...args], { cwd, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout: stdout ?? '', stderr: stderr ?? '' });
    });
  });
}

/** Runs `work` over `items`, `limit` at a time, keeping the order of results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
