// Completion fixtures (test/fixtures/features/completion): one test per fixture, compared with its
// `.completion.txt` snapshot; plus the check that every skeleton is a valid resource.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, fixtureFiles } from '../harness/check';
import { checkCompletion, skeletonDiagnostics } from '../harness/features';

describe('completion fixtures', () => {
  for (const file of fixtureFiles('features/completion')) {
    test(path.relative(FIXTURES, file), () => checkCompletion(file));
  }
});

describe('skeletons', () => {
  const results = skeletonDiagnostics();

  test('one skeleton per Istio kind', () => {
    expect(results.map((r) => r.label)).toEqual([
      'AuthorizationPolicy', 'DestinationRule', 'EnvoyFilter', 'Gateway', 'PeerAuthentication', 'ProxyConfig',
      'RequestAuthentication', 'ServiceEntry', 'Sidecar', 'Telemetry', 'TrafficExtension', 'VirtualService',
      'WasmPlugin', 'WorkloadEntry', 'WorkloadGroup',
    ]);
  });

  for (const result of results) {
    // Istio warns on every EnvoyFilter (IY604, as istioctl's IST0133 does); that warning is the only
    // diagnostic a correct EnvoyFilter can have.
    const expected = result.label === 'EnvoyFilter' ? [expect.stringContaining('warning[IY604]')] : [];
    test(`${result.label} skeleton, with its defaults, has no diagnostics but the unavoidable`, () => {
      expect(result.problems, result.text).toEqual(expected);
    });
  }
});
