// The stand-in istioctl of the in-editor tests (test/e2e/stub-istioctl/istioctl): what it answers
// parses like the real tool's output, its errors classify like the real ones, every run is logged,
// and anything it has no recording for is refused with exit code 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { describePodArgs, proxyConfigArgs, proxyStatusArgs, versionArgs } from '../../../client/src/istioctl/args';
import { interpretDescribe, interpretProxyConfig, interpretProxyStatus, interpretVersion } from '../../../client/src/istioctl/interpret';
import { versionVerdict } from '../../../client/src/istioctl/output/version';
import { runIstioctl } from '../../../client/src/istioctl/run';
import { PROXY_CONFIG_SECTIONS } from '../../../client/src/istioctl/types';
import { recording } from './recordings';

const STUB = path.resolve(__dirname, '../../e2e/stub-istioctl/istioctl');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istioctl-stub-'));
const log = path.join(dir, 'argv.jsonl');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const target = { kubeconfig: '/home/me/.kube/config', context: 'kind-bookinfo' };
const ctx = { timeoutMs: 10_000, target };
const stub = (args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 10_000) => runIstioctl(STUB, args, { timeoutMs, env: { ...process.env, ISTIOCTL_STUB_LOG: log, ...env } });

describe('the stub istioctl', () => {
  test('is an executable node script', () => {
    expect(fs.readFileSync(STUB, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(STUB).mode & 0o111).not.toBe(0);
  });

  test('proxy-status -o json: the recorded mesh; --namespace bookinfo: its proxies', async () => {
    const all = interpretProxyStatus(await stub(proxyStatusArgs(target)), ctx);
    expect(all.ok && all.value.map((r) => r.pod)).toContain('reviews-v2-5b7c9f8d6-x4k2p');
    expect(all.ok && all.value).toHaveLength(9);
    const bookinfo = interpretProxyStatus(await stub(proxyStatusArgs(target, 'bookinfo')), ctx);
    expect(bookinfo.ok && new Set(bookinfo.value.map((r) => r.namespace))).toEqual(new Set(['bookinfo']));
    const table = await stub(['proxy-status']);
    expect(table.stdout).toBe(recording('proxy-status-table').stdout);
  });

  test('proxy-config: every section of reviews-v2, by section name and by alias', async () => {
    for (const section of PROXY_CONFIG_SECTIONS) {
      const out = interpretProxyConfig(await stub(proxyConfigArgs(target, section, 'reviews-v2-5b7c9f8d6-x4k2p', 'bookinfo')), ctx);
      expect([section, out.ok]).toEqual([section, true]);
    }
    const alias = await stub(['pc', 'ep', 'reviews-v2-5b7c9f8d6-x4k2p', '-n', 'bookinfo', '-ojson']);
    expect(alias.stdout).toBe(recording('proxy-config-endpoint').stdout);
  });

  test('proxy-config of a pod that does not exist: the real error text and exit 1', async () => {
    const result = await stub(proxyConfigArgs(target, 'clusters', 'productpage-v9-0000000000-xxxxx', 'bookinfo'));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(recording('proxy-config-not-found').stderr);
    const out = interpretProxyConfig(result, ctx);
    expect(!out.ok && out.failure.kind).toBe('exit');
  });

  test('x describe pod: reviews-v2 and ratings-v1; an unknown pod as the real tool says it', async () => {
    const reviews = interpretDescribe(await stub(describePodArgs(target, 'reviews-v2-5b7c9f8d6-x4k2p', 'bookinfo')), ctx);
    expect(reviews.ok && reviews.value.resources.map((r) => `${r.kind} ${r.name}`)).toEqual(expect.arrayContaining(['VirtualService reviews', 'DestinationRule reviews', 'PeerAuthentication default', 'AuthorizationPolicy reviews-viewer']));
    const ratings = interpretDescribe(await stub(describePodArgs(target, 'ratings-v1-5f7d9c8b6-m3n4p', 'bookinfo')), ctx);
    expect(ratings.ok && ratings.value.resources.some((r) => r.viaIngressGateway)).toBe(true);
    const missing = await stub(describePodArgs(target, 'productpage-v9-0000000000-xxxxx', 'bookinfo'));
    expect([missing.exitCode, missing.stderr]).toEqual([1, recording('describe-not-found').stderr]);
  });

  test('version: client only, and a remote control plane on 1.29.3 that istioctl 1.31.1 does not match', async () => {
    const client = interpretVersion(await stub(versionArgs(target, false)), ctx);
    expect(client.ok && client.value).toEqual({ client: '1.31.1', controlPlane: [], dataPlane: [] });
    const remote = interpretVersion(await stub(versionArgs(target, true)), ctx);
    expect(remote.ok && versionVerdict(remote.value)).toMatchObject({ ok: false, message: expect.stringContaining('istioctl 1.31.1 and the control plane 1.29.3 differ') });
  });

  test('anything else: not recorded, exit 2', async () => {
    for (const args of [['analyze', '-o', 'json', 'a.yaml'], ['proxy-status', '-o', 'json', '--namespace', 'istio-system'], ['proxy-config', 'cluster', 'details-v1-6b8f9c7d5-q2w3e.bookinfo', '-o', 'json'], ['version'], []]) {
      const result = await stub(args);
      expect([args, result.exitCode, result.stderr]).toEqual([args, 2, `istioctl stub: not recorded: ${args.join(' ')}\n`]);
    }
  });

  test('every run is logged as one JSON line with its argv', async () => {
    fs.rmSync(log, { force: true });
    await stub(['version', '-o', 'json', '--remote=false']);
    await stub(['x', 'describe', 'pod', 'a b.ns']);
    expect(fs.readFileSync(log, 'utf8')).toBe('{"argv":["version","-o","json","--remote=false"]}\n{"argv":["x","describe","pod","a b.ns"]}\n');
  });

  test('ISTIOCTL_STUB_CLUSTER=unreachable: refused connections, and proxy-status hangs until the time limit', async () => {
    const env = { ISTIOCTL_STUB_CLUSTER: 'unreachable' };
    const describe = interpretDescribe(await stub(describePodArgs(target, 'reviews-v2-5b7c9f8d6-x4k2p', 'bookinfo'), env), ctx);
    expect(!describe.ok && describe.failure.kind).toBe('no-cluster');
    const config = interpretProxyConfig(await stub(proxyConfigArgs(target, 'routes', 'reviews-v2-5b7c9f8d6-x4k2p', 'bookinfo'), env), ctx);
    expect(!config.ok && config.failure.kind).toBe('no-cluster');
    const status = interpretProxyStatus(await stub(proxyStatusArgs(target), env, 700), { ...ctx, timeoutMs: 700 });
    expect(!status.ok && status.failure.kind).toBe('timeout');
  });

  test('ISTIOCTL_STUB_DELAY_MS delays the answer (for cancellation in the editor)', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await runIstioctl(STUB, versionArgs(target, false), { timeoutMs: 10_000, signal: controller.signal, env: { ...process.env, ISTIOCTL_STUB_DELAY_MS: '5000' } });
    expect(result).toMatchObject({ cancelled: true, stdout: '' });
  });
});
