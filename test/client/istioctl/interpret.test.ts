// The one rule of interpret.ts, on recorded runs: failed to run / timed out / cancelled → failure;
// parsable → ok whatever the exit code; else a non-zero exit is classified and exit 0 is 'unparsable'.
import { describe, expect, test } from 'vitest';
import { interpretAnalyze, interpretDescribe, interpretProxyConfig, interpretProxyStatus, interpretValidate, interpretVersion } from '../../../client/src/istioctl/interpret';
import type { RunResult } from '../../../client/src/istioctl/types';
import { recording } from './recordings';

const ctx = { timeoutMs: 60_000 };
const cluster = { timeoutMs: 60_000, target: { context: 'dev' } };

describe('interpret', () => {
  test('analyze: messages are an answer, also with exit 79; the log format is not', () => {
    const ok = interpretAnalyze(recording('analyze-messages'), ctx);
    expect(ok.ok && ok.value.messages).toHaveLength(4);
    const r = recording('analyze-messages');
    const with79 = interpretAnalyze({ ...r, exitCode: 79 }, ctx);
    expect(with79.ok).toBe(true);
    const log = interpretAnalyze(recording('analyze-messages-log-format'), ctx);
    expect(!log.ok && log.failure).toMatchObject({ kind: 'exit', message: expect.stringContaining('istioctl analyze exited with code 79: Analyzers found issues') });
    const refused = interpretAnalyze(recording('analyze-cluster-refused'), cluster);
    expect(!refused.ok && refused.failure.kind).toBe('no-cluster');
  });

  test('validate: errors are an answer', () => {
    const out = interpretValidate(recording('validate-errors'), ctx);
    expect(out.ok && out.value.valid).toBe(false);
    expect(out.ok && out.value.errors).toHaveLength(2);
  });

  test('version: the client alone is an answer; a hang is a timeout', () => {
    const client = interpretVersion(recording('version-client'), ctx);
    expect(client.ok && client.value.client).toBe('1.31.1');
    const hang = interpretVersion(recording('version-dead-cluster'), cluster);
    expect(!hang.ok && hang.failure.kind).toBe('timeout');
  });

  test('proxy-status, proxy-config, describe', () => {
    const ps = interpretProxyStatus(recording('proxy-status-json'), cluster);
    expect(ps.ok && ps.value).toHaveLength(9);
    const pc = interpretProxyConfig(recording('proxy-config-bootstrap'), cluster);
    expect(pc.ok && pc.value.startsWith('{\n  "bootstrap": {')).toBe(true);
    const refused = interpretProxyConfig(recording('proxy-config-refused'), cluster);
    expect(!refused.ok && refused.failure.kind).toBe('no-cluster');
    const described = interpretDescribe(recording('describe-pod-reviews-v2'), cluster);
    expect(described.ok && described.value.text).toBe(recording('describe-pod-reviews-v2').stdout);
    expect(described.ok && described.value.resources.map((r) => r.kind)).toContain('AuthorizationPolicy');
    const missing = interpretDescribe(recording('describe-not-found'), cluster);
    expect(!missing.ok && missing.failure).toMatchObject({ kind: 'exit', detail: 'Error: pods "productpage-v9-0000000000-xxxxx" not found' });
  });

  test('exit 0 with output that is not the expected format: unparsable, with the raw output as detail', () => {
    const odd: RunResult = { ...recording('version-client'), command: ['istioctl', 'proxy-status', '-o', 'json'], stdout: 'NAME   WHAT\n', stderr: 'note\n' };
    const out = interpretProxyStatus(odd, cluster);
    expect(!out.ok && out.failure).toEqual({
      kind: 'unparsable',
      message: expect.stringMatching(/^The output of istioctl proxy-status could not be read \(expected proxy-status JSON or table\)\./),
      detail: 'NAME   WHAT\nnote',
    });
    const describe = interpretDescribe({ ...odd, stdout: '' }, { ...cluster, what: 'describe' });
    expect(!describe.ok && describe.failure.message).toMatch(/^The output of istioctl describe could not be read/);
  });

  test('a run that could not start is a failure before any parsing', () => {
    const out = interpretVersion({ command: ['/x/istioctl'], exitCode: null, stdout: '{"clientVersion": {"version": "1"}}', stderr: '', timedOut: false, cancelled: false, spawnError: { code: 'ENOENT', message: 'x' }, durationMs: 0 }, ctx);
    expect(!out.ok && out.failure.kind).toBe('missing');
  });
});
