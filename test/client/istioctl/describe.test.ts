// parseDescribe on the describe output of istioctl 1.31.1 (test/fixtures/istioctl-output/).
import { describe, expect, test } from 'vitest';
import { parseDescribe } from '../../../client/src/istioctl/output/describe';
import type { DescribedResource } from '../../../client/src/istioctl/types';
import { recording } from './recordings';

/** Each resource with the text of its range, to check the ranges against the output. */
const withText = (text: string, resources: DescribedResource[]) => resources.map((r) => ({ ...r, text: text.split('\n')[r.line].slice(r.start, r.end) }));

describe('parseDescribe', () => {
  test('reviews-v2: pod, service, DestinationRule, VirtualService, RBAC policies, applied PeerAuthentications', () => {
    const text = recording('describe-pod-reviews-v2').stdout;
    expect(withText(text, parseDescribe(text))).toEqual([
      { kind: 'Pod', name: 'reviews-v2-5b7c9f8d6-x4k2p', line: 0, start: 5, end: 31, text: 'reviews-v2-5b7c9f8d6-x4k2p' },
      { kind: 'Service', name: 'reviews', line: 4, start: 9, end: 16, text: 'reviews' },
      { kind: 'DestinationRule', name: 'reviews', line: 6, start: 17, end: 24, text: 'reviews' },
      { kind: 'VirtualService', name: 'reviews', line: 10, start: 16, end: 23, text: 'reviews' },
      { kind: 'AuthorizationPolicy', name: 'reviews-viewer', namespace: 'bookinfo', line: 12, start: 35, end: 49, text: 'reviews-viewer' },
      { kind: 'AuthorizationPolicy', name: 'reviews-viewer', namespace: 'bookinfo', line: 12, start: 80, end: 94, text: 'reviews-viewer' },
      { kind: 'AuthorizationPolicy', name: 'allow-monitoring', namespace: 'istio-system', line: 12, start: 129, end: 145, text: 'allow-monitoring' },
      { kind: 'PeerAuthentication', name: 'default', namespace: 'istio-system', line: 17, start: 3, end: 23, text: 'default.istio-system' },
      { kind: 'PeerAuthentication', name: 'default', namespace: 'bookinfo', line: 17, start: 25, end: 41, text: 'default.bookinfo' },
    ]);
  });

  test('ratings-v1: the VirtualService exposed on the ingress gateway is marked', () => {
    const text = recording('describe-pod-ratings-v1').stdout;
    const resources = parseDescribe(text);
    expect(resources.map((r) => `${r.kind} ${r.name}${r.namespace ? `.${r.namespace}` : ''}${r.viaIngressGateway ? ' (ingress)' : ''}`)).toEqual([
      'Pod ratings-v1-5f7d9c8b6-m3n4p',
      'Service ratings',
      'DestinationRule ratings',
      'PeerAuthentication default.istio-system',
      'PeerAuthentication default.bookinfo',
      'VirtualService ratings (ingress)',
    ]);
  });

  test('names in other namespaces (name.ns), indented per-port sections, warnings that name resources', () => {
    const text = [
      'Pod: productpage-v1-1234.default',
      '   Pod Revision: canary',
      'Service: productpage.default',
      '9080:',
      '   DestinationRule: productpage.default for "productpage"',
      '   VirtualService: bookinfo.default',
      '      WARNING: No destinations match pod subsets (checked 1 HTTP routes)',
      '         Warning: Route to UNKNOWN subset v9; check DestinationRule productpage.default',
      '9080 RBAC policies: ns[default]-policy[deny-all]-rule[0], istio-ext-authz-ns[default]-policy[ext]-rule[0]',
      'WARNING: Proxy is stale; it references to non-existent destination rule gone.default',
      'WARNING: Proxy is stale; it references to non-existent gateway istio-system/old-gw',
      '',
    ].join('\n');
    expect(withText(text, parseDescribe(text)).map((r) => `${r.kind} ${r.namespace ?? '-'}/${r.name} @${r.line}:${r.text}`)).toEqual([
      'Pod default/productpage-v1-1234 @0:productpage-v1-1234.default',
      'Service default/productpage @2:productpage.default',
      'DestinationRule default/productpage @4:productpage.default',
      'VirtualService default/bookinfo @5:bookinfo.default',
      'DestinationRule default/productpage @7:productpage.default',
      'AuthorizationPolicy default/deny-all @8:deny-all',
      'AuthorizationPolicy default/ext @8:ext',
      'DestinationRule default/gone @9:gone.default',
      'Gateway istio-system/old-gw @10:istio-system/old-gw',
    ]);
  });

  test('text without resources', () => {
    expect(parseDescribe('')).toEqual([]);
    expect(parseDescribe('Skipping Gateway information (no ingress gateway pods)\n')).toEqual([]);
  });
});
