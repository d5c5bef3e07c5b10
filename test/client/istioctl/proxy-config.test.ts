// prettyProxyConfig on every proxy-config section istioctl 1.31.1 prints.
import { describe, expect, test } from 'vitest';
import { prettyProxyConfig } from '../../../client/src/istioctl/output/proxy-config';
import { recording } from './recordings';

describe('prettyProxyConfig', () => {
  test.each(['cluster', 'listener', 'route', 'endpoint'])('%s: an array, re-indented by two spaces', (section) => {
    const raw = recording(`proxy-config-${section}`).stdout;
    const pretty = prettyProxyConfig(raw)!;
    expect(pretty).toBe(JSON.stringify(JSON.parse(raw), null, 2) + '\n');
    expect(pretty.split('\n')[1]).toBe('  {');
    expect(Array.isArray(JSON.parse(pretty))).toBe(true);
  });

  test.each([
    ['secret', 'dynamicActiveSecrets'],
    ['bootstrap', 'bootstrap'],
  ])('%s: an object', (section, key) => {
    const pretty = prettyProxyConfig(recording(`proxy-config-${section}`).stdout)!;
    expect(Object.keys(JSON.parse(pretty))).toContain(key);
  });

  test('the clusters of reviews-v2, by name', () => {
    const clusters = JSON.parse(prettyProxyConfig(recording('proxy-config-cluster').stdout)!) as { name: string }[];
    expect(clusters.map((c) => c.name)).toContain('outbound|9080|v2|reviews.bookinfo.svc.cluster.local');
  });

  test('after log lines; not JSON: undefined', () => {
    expect(prettyProxyConfig('2026-11-21T23:50:07Z\twarn\tx\n[\n    {"a": 1}\n]\n')).toBe('[\n  {\n    "a": 1\n  }\n]\n');
    expect(prettyProxyConfig('')).toBeUndefined();
    expect(prettyProxyConfig('Error: no such pod\n')).toBeUndefined();
    expect(prettyProxyConfig('[\n  {"cut": ')).toBeUndefined();
  });
});
