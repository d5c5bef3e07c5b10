// parseVersion and versionVerdict on istioctl 1.31.1's version JSON.
import { describe, expect, test } from 'vitest';
import { parseVersion, versionVerdict } from '../../../client/src/istioctl/output/version';
import type { VersionInfo } from '../../../client/src/istioctl/types';
import { recording } from './recordings';

describe('parseVersion', () => {
  test('client only (--remote=false, recorded)', () => {
    expect(parseVersion(recording('version-client').stdout)).toEqual({ client: '1.31.1', controlPlane: [], dataPlane: [] });
  });

  test('with two istiods and the proxies, counted by version', () => {
    expect(parseVersion(recording('version-remote').stdout)).toEqual({
      client: '1.31.1',
      controlPlane: [
        { component: 'pilot', revision: 'default', version: '1.29.3' },
        { component: 'pilot', revision: 'default', version: '1.29.3' },
      ],
      dataPlane: [
        { version: '1.28.2', count: 1 },
        { version: '1.29.3', count: 8 },
      ],
    });
  });

  test('no JSON: undefined', () => {
    expect(parseVersion('')).toBeUndefined();
    expect(parseVersion('client version: 1.31.1\n')).toBeUndefined();
    expect(parseVersion('{"other": 1}')).toBeUndefined();
  });
});

describe('versionVerdict', () => {
  const info = (client: string | undefined, cp: string[], dp: [string, number][] = []): VersionInfo => ({
    ...(client ? { client } : {}),
    controlPlane: cp.map((version) => ({ component: 'pilot', version })),
    dataPlane: dp.map(([version, count]) => ({ version, count })),
  });

  test('the recorded mesh: another minor release, and a proxy on yet another version', () => {
    const verdict = versionVerdict(parseVersion(recording('version-remote').stdout)!);
    expect(verdict).toEqual({
      ok: false,
      message: 'istioctl 1.31.1 and the control plane 1.29.3 differ: use istioctl 1.29.x with this cluster (set istioYaml.istioctl.path), or the results may be wrong. 1 of 9 proxies run another version than the control plane (1 on 1.28.2).',
    });
  });

  test('no control plane: not ok, and says to check the kube context', () => {
    const verdict = versionVerdict(parseVersion(recording('version-no-control-plane').stdout)!);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/^istioctl 1\.31\.1 got no answer from the control plane.*Check the kube context/);
  });

  test('same version; a patch difference is fine and said', () => {
    expect(versionVerdict(info('1.31.1', ['1.31.1'], [['1.31.1', 4]]))).toEqual({ ok: true, message: 'istioctl 1.31.1 matches the control plane 1.31.1.' });
    expect(versionVerdict(info('1.31.1', ['1.31.0']))).toEqual({ ok: true, message: 'istioctl 1.31.1 and the control plane 1.31.0 are the same minor release (only the patch differs).' });
  });

  test('a canary control plane on another minor: named among the versions', () => {
    const verdict = versionVerdict(info('1.31.1', ['1.31.1', '1.32.0']));
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/^istioctl 1\.31\.1 and the control plane \(1\.31\.1, 1\.32\.0\) differ: use istioctl 1\.32\.x/);
  });

  test('no client version', () => {
    expect(versionVerdict(info(undefined, ['1.31.1'])).ok).toBe(false);
  });
});
