// Finding istioctl: the setting wins and is never replaced by PATH; PATH is searched in order;
// Windows adds PATHEXT extensions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { INSTALL_URL, isExecutableFile, locateIstioctl } from '../../../client/src/istioctl/locate';

const only = (...files: string[]) => (p: string) => files.includes(p);

describe('with a fake file system', () => {
  test('the first istioctl on PATH', () => {
    const env = { PATH: '/usr/bin::/opt/istio/bin:/usr/local/bin' };
    expect(locateIstioctl(undefined, env, 'linux', only('/opt/istio/bin/istioctl', '/usr/local/bin/istioctl'))).toEqual({ found: true, path: '/opt/istio/bin/istioctl', source: 'PATH' });
    expect(locateIstioctl('  ', env, 'linux', only('/usr/local/bin/istioctl'))).toEqual({ found: true, path: '/usr/local/bin/istioctl', source: 'PATH' });
  });

  test('an empty PATH entry (the current directory) is not searched', () => {
    const seen: string[] = [];
    locateIstioctl(undefined, { PATH: ':/a' }, 'linux', (p) => (seen.push(p), false));
    expect(seen).toEqual(['/a/istioctl']);
  });

  test('not found: says what to set and where to get it', () => {
    const located = locateIstioctl(undefined, { PATH: '/usr/bin' }, 'linux', () => false);
    expect(located.found).toBe(false);
    if (!located.found) expect(located.reason).toBe(`istioctl was not found on PATH. Set istioYaml.istioctl.path to its location, or install it: ${INSTALL_URL}`);
    expect(locateIstioctl(undefined, {}, 'linux', () => true).found).toBe(false);
  });

  test('the setting wins over PATH, with ~ expanded', () => {
    const isExec = only('/home/me/istio-1.29/bin/istioctl', '/usr/bin/istioctl');
    expect(locateIstioctl('~/istio-1.29/bin/istioctl', { HOME: '/home/me', PATH: '/usr/bin' }, 'linux', isExec)).toEqual({ found: true, path: '/home/me/istio-1.29/bin/istioctl', source: 'setting' });
  });

  test('a setting that points nowhere is reported, not replaced by PATH', () => {
    const located = locateIstioctl('/opt/istio-1.29/bin/istioctl', { PATH: '/usr/bin' }, 'linux', only('/usr/bin/istioctl'));
    expect(located).toEqual({ found: false, configured: '/opt/istio-1.29/bin/istioctl', reason: expect.stringContaining('"/opt/istio-1.29/bin/istioctl", which does not exist or is not an executable file') });
  });

  test('a relative setting is refused, and says so', () => {
    const located = locateIstioctl('bin/istioctl', { PATH: '/usr/bin' }, 'linux', () => true);
    expect(located.found).toBe(false);
    if (!located.found) expect(located.reason).toMatch(/relative path \("bin\/istioctl"\); relative paths are not allowed/);
    const tilde = locateIstioctl('~/bin/istioctl', {}, 'linux', () => true);
    expect(!tilde.found && tilde.reason).toMatch(/HOME is not set/);
  });

  test('Windows: PATHEXT, ; separated PATH, quoted entries, drive paths', () => {
    const env = { PATH: 'C:\\Windows;"C:\\Program Files\\istio\\bin"', PATHEXT: '.COM;.EXE;.BAT' };
    expect(locateIstioctl(undefined, env, 'win32', only('C:\\Program Files\\istio\\bin\\istioctl.exe'))).toEqual({ found: true, path: 'C:\\Program Files\\istio\\bin\\istioctl.exe', source: 'PATH' });
    expect(locateIstioctl('C:\\tools\\istioctl', env, 'win32', only('C:\\tools\\istioctl.exe'))).toEqual({ found: true, path: 'C:\\tools\\istioctl.exe', source: 'setting' });
    expect(locateIstioctl('~\\istioctl.exe', { USERPROFILE: 'C:\\Users\\me' }, 'win32', only('C:\\Users\\me\\istioctl.exe'))).toEqual({ found: true, path: 'C:\\Users\\me\\istioctl.exe', source: 'setting' });
    expect(locateIstioctl('tools\\istioctl.exe', env, 'win32', () => true).found).toBe(false);
  });
});

describe('with real files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istioctl-locate-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const binA = path.join(dir, 'a');
  const binB = path.join(dir, 'b');
  fs.mkdirSync(binA);
  fs.mkdirSync(binB);
  fs.writeFileSync(path.join(binA, 'istioctl'), '#!/bin/sh\n', { mode: 0o644 });
  fs.writeFileSync(path.join(binB, 'istioctl'), '#!/bin/sh\n', { mode: 0o755 });
  fs.mkdirSync(path.join(dir, 'c', 'istioctl'), { recursive: true });

  test('a file without execute permission and a directory are skipped', () => {
    expect(isExecutableFile(path.join(binA, 'istioctl'))).toBe(false);
    expect(isExecutableFile(path.join(dir, 'c', 'istioctl'))).toBe(false);
    expect(isExecutableFile(path.join(binB, 'istioctl'))).toBe(true);
    const env = { PATH: [path.join(dir, 'c'), binA, binB].join(':') };
    expect(locateIstioctl(undefined, env, process.platform)).toEqual({ found: true, path: path.join(binB, 'istioctl'), source: 'PATH' });
    expect(locateIstioctl(path.join(binA, 'istioctl'), env, process.platform).found).toBe(false);
    expect(locateIstioctl(path.join(binB, 'istioctl'), env, process.platform)).toEqual({ found: true, path: path.join(binB, 'istioctl'), source: 'setting' });
  });
});
