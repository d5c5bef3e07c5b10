// The recorded istioctl 1.31.1 outputs of test/fixtures/istioctl-output/, as RunResults.
import fs from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../../client/src/istioctl/types';

export const RECORDED = path.resolve(__dirname, '../../fixtures/istioctl-output');

interface IndexEntry {
  readonly source: 'recorded' | 'generated';
  readonly command: string[];
  readonly exitCode: number | null;
  readonly timedOut?: boolean;
  readonly kubeconfig?: string;
}

export const INDEX: Readonly<Record<string, IndexEntry>> = JSON.parse(fs.readFileSync(path.join(RECORDED, 'index.json'), 'utf8'));

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

export function recording(name: string): RunResult {
  const entry = INDEX[name];
  if (!entry) throw new Error(`no recording ${name} in test/fixtures/istioctl-output/index.json`);
  return {
    command: entry.command,
    exitCode: entry.exitCode,
    stdout: read(path.join(RECORDED, `${name}.out`)),
    stderr: read(path.join(RECORDED, `${name}.err`)),
    timedOut: entry.timedOut ?? false,
    cancelled: false,
    durationMs: 1,
  };
}

export const input = (file: string) => fs.readFileSync(path.join(RECORDED, 'inputs', file), 'utf8');
