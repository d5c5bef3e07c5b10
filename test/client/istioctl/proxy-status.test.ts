// parseProxyStatus on istioctl 1.31.1's JSON and its three table layouts, all printed for the same
// 9 proxies (test/fixtures/istioctl-output/README.md), so the parses must agree.
import { describe, expect, test } from 'vitest';
import { humanDuration } from '../../../client/src/istioctl/output/human-duration';
import { parseProxyStatus, shortTypeName, summarizeProxyStatus } from '../../../client/src/istioctl/output/proxy-status';
import type { ProxyStatusRow } from '../../../client/src/istioctl/types';
import { recording } from './recordings';

const json = recording('proxy-status-json').stdout;
/** The moment the fixtures were printed: details-v1's CDS was sent 14m3s before. */
const printedAt = (() => {
  const m = /"id": "details-v1[^]*?"lastUpdated": "([^"]+)"/.exec(json);
  return new Date(Date.parse(m![1]) + (14 * 60 + 3) * 1000);
})();
const fromJson = parseProxyStatus(json, printedAt)!;
const withoutTimes = (rows: readonly ProxyStatusRow[]) => rows.map((r) => ({ ...r, types: r.types.map(({ lastUpdated: _, ...t }) => t) }));
const summary = (rows: readonly ProxyStatusRow[]) => rows.map((r) => `${r.name} ${r.istiod} ${r.version} ${r.types.map((t) => `${t.type}=${t.text}`).join(',')}`);

describe('-o json', () => {
  test('one row per proxy, from both istiods, sorted by name', () => {
    expect(fromJson.map((r) => r.name)).toEqual([
      'details-v1-6b8f9c7d5-q2w3e.bookinfo',
      'istio-ingressgateway-5c8d7f9b6-h7j8k.istio-system',
      'productpage-v1-7c9d8f6b5-z9x8c.bookinfo',
      'ratings-v1-5f7d9c8b6-m3n4p.bookinfo',
      'ratings-v2-8d6c7b9f5-r6t7y.bookinfo',
      'reviews-v1-6c8d7f5b9-a1s2d.bookinfo',
      'reviews-v2-5b7c9f8d6-x4k2p.bookinfo',
      'reviews-v3-7d9f8c6b5-k5l6m.bookinfo',
      'ztunnel-8x7kq.istio-system',
    ]);
    expect(new Set(fromJson.map((r) => r.istiod))).toEqual(new Set(['istiod-7d4b9c8f6-2xkqp', 'istiod-7d4b9c8f6-9wzmt']));
  });

  test('a row: pod, namespace, cluster, version; CDS LDS EDS RDS first; states with their age', () => {
    const reviews = fromJson.find((r) => r.pod === 'reviews-v2-5b7c9f8d6-x4k2p')!;
    expect(reviews).toMatchObject({ name: 'reviews-v2-5b7c9f8d6-x4k2p.bookinfo', namespace: 'bookinfo', cluster: 'Kubernetes', istiod: 'istiod-7d4b9c8f6-2xkqp', version: '1.29.3' });
    expect(reviews.types.map((t) => t.type)).toEqual(['CDS', 'LDS', 'EDS', 'RDS', 'ECDS']);
    expect(reviews.types[0]).toEqual({ type: 'CDS', state: 'SYNCED', text: 'SYNCED (90s)', lastUpdated: expect.stringMatching(/^2\d{3}-.*Z$/) });
    expect(summary(fromJson.filter((r) => /ratings-v1|reviews-v3|ztunnel|reviews-v1/.test(r.name)))).toEqual([
      'ratings-v1-5f7d9c8b6-m3n4p.bookinfo istiod-7d4b9c8f6-2xkqp 1.29.3 CDS=SYNCED (3m12s),LDS=SYNCED (3m12s),EDS=STALE (47s),RDS=SYNCED (3m12s)',
      'reviews-v1-6c8d7f5b9-a1s2d.bookinfo istiod-7d4b9c8f6-9wzmt 1.28.2 CDS=SYNCED (9m58s),LDS=SYNCED (9m58s),EDS=SYNCED (9m58s),RDS=SYNCED (9m58s)',
      'reviews-v3-7d9f8c6b5-k5l6m.bookinfo istiod-7d4b9c8f6-9wzmt 1.29.3 CDS=SYNCED (6m2s),LDS=SYNCED (6m2s),EDS=SYNCED (6m2s),RDS=NOT SENT',
      'ztunnel-8x7kq.istio-system istiod-7d4b9c8f6-2xkqp 1.29.3 WADS=SYNCED (21m),WDS=SYNCED (21m)',
    ]);
  });

  test('--namespace keeps the proxies of that namespace', () => {
    const rows = parseProxyStatus(recording('proxy-status-namespace-json').stdout, printedAt)!;
    expect(rows.map((r) => r.name)).toEqual(fromJson.filter((r) => r.namespace === 'bookinfo').map((r) => r.name));
    expect(rows).toHaveLength(7);
  });

  test('an istiod without proxies prints an empty object: no rows (not "unreadable")', () => {
    expect(parseProxyStatus(recording('proxy-status-no-proxies-json').stdout)).toEqual([]);
  });

  test('log lines only (an API server without Istio), or nothing: undefined', () => {
    expect(recording('proxy-status-no-istio').stdout).toMatch(/\terror\t/);
    expect(parseProxyStatus(recording('proxy-status-no-istio').stdout)).toBeUndefined();
    expect(parseProxyStatus('')).toBeUndefined();
  });

  test('ERROR, an unset status (UNKNOWN: shown as IGNORED), no control plane id, an unknown type, log lines around', () => {
    const text = [
      '2026-11-21T23:50:07.493175Z\twarn\tsomething',
      JSON.stringify({
        resources: [
          {
            '@type': 'type.googleapis.com/envoy.service.status.v3.ClientConfig',
            node: { id: 'a.ns', metadata: { CLUSTER_ID: 'c1', ISTIO_VERSION: '1.31.0' } },
            genericXdsConfigs: [
              { typeUrl: 'type.googleapis.com/envoy.config.listener.v3.Listener', configStatus: 'ERROR', lastUpdated: '2026-11-21T23:49:07Z', errorState: { details: 'bad' } },
              { typeUrl: 'type.googleapis.com/example.v1.Custom' },
              { typeUrl: 'type.googleapis.com/envoy.config.cluster.v3.Cluster', configStatus: 'SYNCED' },
            ],
          },
        ],
        typeUrl: 'istio.io/debug/syncz',
      }, null, 4),
      '',
    ].join('\n');
    expect(parseProxyStatus(text, new Date('2026-11-21T23:50:07Z'))).toEqual([
      {
        name: 'a.ns',
        pod: 'a',
        namespace: 'ns',
        cluster: 'c1',
        istiod: 'MISSING',
        version: '1.31.0',
        types: [
          { type: 'CDS', state: 'SYNCED', text: 'SYNCED' },
          { type: 'LDS', state: 'ERROR', text: 'ERROR (60s)', lastUpdated: '2026-11-21T23:49:07Z' },
          { type: 'Custom', state: 'IGNORED', text: 'IGNORED' },
        ],
      },
    ]);
  });
});

describe('tables', () => {
  test('the verbose table gives the same rows as the JSON (IGNORED cells are types the proxy did not subscribe to)', () => {
    const rows = parseProxyStatus(recording('proxy-status-verbose-table').stdout)!;
    expect(rows).toEqual(withoutTimes(fromJson));
  });

  test('the default 1.24+ table: the subscribed types, states unknown', () => {
    const rows = parseProxyStatus(recording('proxy-status-table').stdout)!;
    expect(rows.map((r) => r.name)).toEqual(fromJson.map((r) => r.name));
    expect(rows.map(({ types: _, ...r }) => r)).toEqual(fromJson.map(({ types: _, ...r }) => r));
    expect(rows.map((r) => r.types.map((t) => t.type))).toEqual(fromJson.map((r) => r.types.map((t) => t.type)));
    expect(new Set(rows.flatMap((r) => r.types.map((t) => `${t.state}/${t.text}`)))).toEqual(new Set(['UNKNOWN/UNKNOWN']));
  });

  test('the 1.20-1.23 table: states without ages, empty cells for types not subscribed', () => {
    const rows = parseProxyStatus(recording('proxy-status-table-1.23').stdout)!;
    const states = (r: ProxyStatusRow) => r.types.map((t) => `${t.type}=${t.text}`).join(',');
    expect(Object.fromEntries(rows.map((r) => [r.pod, states(r)]))).toEqual({
      'details-v1-6b8f9c7d5-q2w3e': 'CDS=SYNCED,LDS=SYNCED,EDS=SYNCED,RDS=SYNCED',
      'istio-ingressgateway-5c8d7f9b6-h7j8k': 'CDS=SYNCED,LDS=SYNCED,EDS=SYNCED,RDS=SYNCED',
      'productpage-v1-7c9d8f6b5-z9x8c': 'CDS=SYNCED,LDS=SYNCED,EDS=SYNCED,RDS=SYNCED',
      'ratings-v1-5f7d9c8b6-m3n4p': 'CDS=SYNCED,LDS=SYNCED,EDS=STALE,RDS=SYNCED',
      'ratings-v2-8d6c7b9f5-r6t7y': 'CDS=SYNCED,LDS=SYNCED,EDS=SYNCED,RDS=SYNCED',
      'reviews-v1-6c8d7f5b9-a1s2d': 'CDS=SYNCED,LDS=SYNCED,EDS=SYNCED,RDS=SYNCED',
      'reviews-v2-5b7c9f8d6-x4k2p': 'CDS=SYNCED,LDS=SYNCED,EDS=SYNCED,RDS=SYNCED,ECDS=SYNCED',
      'reviews-v3-7d9f8c6b5-k5l6m': 'CDS=SYNCED,LDS=SYNCED,EDS=SYNCED,RDS=NOT SENT',
      'ztunnel-8x7kq': '',
    });
    expect(rows.find((r) => r.pod.startsWith('reviews-v1'))?.version).toBe('1.28.2');
  });
});

describe('summary', () => {
  test('1 of 9 proxies stale: over 5%, a warning', () => {
    expect(summarizeProxyStatus(fromJson)).toEqual({ total: 9, stale: 1, staleFraction: 1 / 9, warn: true, notSent: 1, errors: 0 });
    expect(summarizeProxyStatus([])).toEqual({ total: 0, stale: 0, staleFraction: 0, warn: false, notSent: 0, errors: 0 });
  });

  test('1 stale of 20 is 5%, not over it', () => {
    const rows = Array.from({ length: 20 }, (_, i): ProxyStatusRow => ({ name: `p${i}.ns`, pod: `p${i}`, namespace: 'ns', cluster: 'c', istiod: 'i', version: '1', types: [{ type: 'EDS', state: i === 0 ? 'STALE' : 'SYNCED', text: '' }] }));
    expect(summarizeProxyStatus(rows).warn).toBe(false);
  });
});

describe('names and ages', () => {
  test('short type names', () => {
    expect(shortTypeName('type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig')).toBe('ECDS');
    expect(shortTypeName('type.googleapis.com/istio.workload.Address')).toBe('WDS');
    expect(shortTypeName('type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret')).toBe('SDS');
    expect(shortTypeName('type.googleapis.com/example.v1.Custom')).toBe('Custom');
  });

  test("Kubernetes' HumanDuration", () => {
    const s = 1000;
    const cases: [number, string][] = [
      [-3 * s, '<invalid>'],
      [-1500, '0s'],
      [0, '0s'],
      [119 * s, '119s'],
      [120 * s, '2m'],
      [123 * s, '2m3s'],
      [603 * s, '10m'],
      [3 * 3600 * s, '3h'],
      [(3 * 3600 + 120) * s, '3h2m'],
      [9 * 3600 * s, '9h'],
      [50 * 3600 * s, '2d2h'],
      [24 * 10 * 3600 * s, '10d'],
      [(3 * 365 + 4) * 24 * 3600 * s, '3y4d'],
      [9 * 365 * 24 * 3600 * s, '9y'],
    ];
    for (const [ms, text] of cases) expect([ms, humanDuration(ms)]).toEqual([ms, text]);
  });
});
