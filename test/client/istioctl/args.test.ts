// The argument arrays, and that the real istioctl 1.31.1 reads them as meant (offline: files only,
// or a kubeconfig whose server refuses connections, so every run ends within a second).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeClusterArgs, analyzeFilesArgs, csvField, describePodArgs, kubeArgs, proxyConfigArgs, proxyStatusArgs, validateArgs, versionArgs } from '../../../client/src/istioctl/args';
import { parseAnalyzeOutput } from '../../../client/src/istioctl/output/analyze';
import { parseValidate } from '../../../client/src/istioctl/output/validate';
import { parseVersion } from '../../../client/src/istioctl/output/version';
import { runIstioctl } from '../../../client/src/istioctl/run';
import { PROXY_CONFIG_SECTIONS } from '../../../client/src/istioctl/types';
import { istioctlPath } from '../../istioctl/istioctl';
import { input } from './recordings';

describe('argument arrays', () => {
  test('kubeArgs: long flags, only what is set', () => {
    expect(kubeArgs({})).toEqual([]);
    expect(kubeArgs({ kubeconfig: '/k', context: 'dev' })).toEqual(['--kubeconfig', '/k', '--context', 'dev']);
    expect(kubeArgs({ context: 'dev' })).toEqual(['--context', 'dev']);
    expect(kubeArgs({ kubeconfig: '', context: '' })).toEqual([]);
  });

  test('analyze files: offline, every namespace, JSON, files after --', () => {
    expect(analyzeFilesArgs(['/w/a.yaml', '-b.yaml', '-'])).toEqual(['analyze', '--use-kube=false', '--all-namespaces', '-o', 'json', '--', '/w/a.yaml', '-b.yaml', './-']);
    expect(analyzeFilesArgs([])).toEqual(['analyze', '--use-kube=false', '--all-namespaces', '-o', 'json']);
  });

  test('analyze the cluster: a namespace or all, with workspace files', () => {
    expect(analyzeClusterArgs({ context: 'dev' }, { namespace: 'bookinfo' })).toEqual(['analyze', '-o', 'json', '--context', 'dev', '--namespace', 'bookinfo']);
    expect(analyzeClusterArgs({}, { allNamespaces: true }, ['/w/a.yaml'])).toEqual(['analyze', '-o', 'json', '--all-namespaces', '--', '/w/a.yaml']);
  });

  test('proxy-status, proxy-config, describe, version', () => {
    expect(proxyStatusArgs({})).toEqual(['proxy-status', '-o', 'json']);
    expect(proxyStatusArgs({ kubeconfig: '/k' }, 'bookinfo')).toEqual(['proxy-status', '-o', 'json', '--kubeconfig', '/k', '--namespace', 'bookinfo']);
    expect(PROXY_CONFIG_SECTIONS.map((s) => proxyConfigArgs({}, s, 'p', 'ns')[1])).toEqual(['cluster', 'listener', 'route', 'endpoint', 'secret', 'bootstrap']);
    expect(proxyConfigArgs({ context: 'c' }, 'routes', 'reviews-v2-1', 'bookinfo')).toEqual(['proxy-config', 'route', 'reviews-v2-1.bookinfo', '-o', 'json', '--context', 'c']);
    expect(describePodArgs({}, 'reviews-v2-1', 'bookinfo')).toEqual(['x', 'describe', 'pod', 'reviews-v2-1.bookinfo', '--namespace', 'bookinfo']);
    expect(versionArgs({ context: 'c' }, false)).toEqual(['version', '-o', 'json', '--remote=false']);
    expect(versionArgs({ context: 'c' }, true)).toEqual(['version', '-o', 'json', '--context', 'c']);
  });

  test('validate: -f per file, CSV-quoted when the path has a comma or quote', () => {
    expect(validateArgs(['/w/a.yaml', '/w/b,c.yaml', '/w/d"e.yaml', '-'])).toEqual(['validate', '-f', '/w/a.yaml', '-f', '"/w/b,c.yaml"', '-f', '"/w/d""e.yaml"', '-f', './-']);
    expect(csvField('plain')).toBe('plain');
  });
});

describe('the real istioctl reads the arguments as meant', () => {
  let dir: string;
  let deadKubeconfig: string;
  const env = () => ({ ...process.env, KUBECONFIG: '/nonexistent/kubeconfig', HOME: dir });
  const run = (args: string[]) => runIstioctl(istioctlPath(), args, { timeoutMs: 60_000, cwd: dir, env: env() });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istioctl-args-'));
    fs.writeFileSync(path.join(dir, '-routes.yaml'), input('routes-missing-gateway.yaml'));
    fs.writeFileSync(path.join(dir, 'a,b.yaml'), input('validate-warnings.yaml'));
    fs.writeFileSync(path.join(dir, 'q"uote.yaml'), input('gateway.yaml'));
    deadKubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(
      deadKubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- name: dead\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: dead\n  context:\n    cluster: dead\n    user: dead\ncurrent-context: dead\nusers:\n- name: dead\n  user:\n    token: x\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a file named like a flag is analyzed, in a namespace other than default', async () => {
    const result = await run(analyzeFilesArgs(['-routes.yaml']));
    const output = parseAnalyzeOutput(result.stdout, result.stderr);
    expect(result.exitCode).toBe(0);
    expect(output?.messages.map((m) => `${m.code} ${m.origin} ${m.file}:${m.line}`)).toContain('IST0101 VirtualService bookinfo/reviews -routes.yaml:12');
  });

  test('validate reads paths with a comma, a quote and a leading dash', async () => {
    fs.copyFileSync(path.join(dir, 'q"uote.yaml'), path.join(dir, '-dash.yaml'));
    const result = await run(validateArgs(['a,b.yaml', 'q"uote.yaml', '-dash.yaml']));
    const output = parseValidate(result);
    expect(output?.errors).toEqual([]);
    expect([...(output?.validFiles ?? [])].sort()).toEqual(['-dash.yaml', 'q"uote.yaml']);
    expect(output?.warningDetails.map((w) => w.file)).toEqual(['a,b.yaml']);
  });

  test('version --remote=false answers at once with the client version', async () => {
    const result = await run(versionArgs({ kubeconfig: deadKubeconfig }, false));
    expect(parseVersion(result.stdout)).toEqual({ client: '1.31.1', controlPlane: [], dataPlane: [] });
  });

  test('--kubeconfig and --context reach the cluster commands', async () => {
    const target = { kubeconfig: deadKubeconfig, context: 'dead' };
    const describe = await run(describePodArgs(target, 'reviews-v2-5b7c9f8d6-x4k2p', 'bookinfo'));
    expect(describe.stderr).toContain('"https://127.0.0.1:1/api/v1/namespaces/bookinfo/pods/reviews-v2-5b7c9f8d6-x4k2p?timeout=15s": dial tcp 127.0.0.1:1: connect: connection refused');
    const config = await run(proxyConfigArgs(target, 'clusters', 'reviews-v2-5b7c9f8d6-x4k2p', 'bookinfo'));
    expect(config.stderr).toContain('failed to execute command on reviews-v2-5b7c9f8d6-x4k2p.bookinfo sidecar');
    expect(config.stderr).toContain('https://127.0.0.1:1/api/v1/namespaces/bookinfo/pods/reviews-v2-5b7c9f8d6-x4k2p');
    const analyze = await run(analyzeClusterArgs(target, { namespace: 'bookinfo' }));
    expect(analyze.stderr).toContain('https://127.0.0.1:1/api/v1/namespaces/bookinfo?timeout=15s');
    const otherContext = await run(analyzeClusterArgs({ kubeconfig: deadKubeconfig, context: 'staging' }, { allNamespaces: true }));
    expect(otherContext.stderr).toContain('context "staging" does not exist');
  });
});
