// Which kubeconfigs are read and which contexts they offer (kubectl's loading rules).
import { describe, expect, test } from 'vitest';
import { kubeconfigPaths, mergeKubeconfigs, parseKubeconfig } from '../../../client/src/istioctl/kubeconfig';

const DEV = `apiVersion: v1
kind: Config
clusters:
- name: kind-dev
  cluster:
    server: https://127.0.0.1:6443
contexts:
- name: kind-dev
  context:
    cluster: kind-dev
    user: kind-dev
    namespace: bookinfo
- name: staging
  context:
    cluster: gke-staging
    user: me
current-context: kind-dev
users:
- name: kind-dev
  user:
    token: not-a-token
`;

describe('kubeconfigPaths', () => {
  test('the setting wins (with ~), else KUBECONFIG, else ~/.kube/config', () => {
    expect(kubeconfigPaths('~/k/dev', { KUBECONFIG: '/a', HOME: '/home/me' }, 'linux')).toEqual(['/home/me/k/dev']);
    expect(kubeconfigPaths('', { KUBECONFIG: '/a::/b:/a', HOME: '/home/me' }, 'linux')).toEqual(['/a', '/b']);
    expect(kubeconfigPaths(undefined, { HOME: '/home/me' }, 'linux')).toEqual(['/home/me/.kube/config']);
    expect(kubeconfigPaths(undefined, {}, 'linux')).toEqual([]);
  });

  test('Windows: ; separated, USERPROFILE', () => {
    expect(kubeconfigPaths(undefined, { KUBECONFIG: 'C:\\k\\a;C:\\k\\b' }, 'win32')).toEqual(['C:\\k\\a', 'C:\\k\\b']);
    expect(kubeconfigPaths(undefined, { USERPROFILE: 'C:\\Users\\me' }, 'win32')).toEqual(['C:\\Users\\me\\.kube\\config']);
  });
});

describe('parseKubeconfig', () => {
  test('contexts and the current one', () => {
    expect(parseKubeconfig(DEV)).toEqual({
      contexts: [
        { name: 'kind-dev', cluster: 'kind-dev', user: 'kind-dev', namespace: 'bookinfo' },
        { name: 'staging', cluster: 'gke-staging', user: 'me' },
      ],
      currentContext: 'kind-dev',
    });
  });

  test('JSON kubeconfigs and entries without a name', () => {
    expect(parseKubeconfig('{"contexts": [{"name": "a", "context": {}}, {"context": {"cluster": "x"}}, "junk"], "current-context": ""}')).toEqual({ contexts: [{ name: 'a' }] });
  });

  test('garbage gives nothing and never throws', () => {
    for (const text of ['', 'garbage: [\n', '- a\n- b\n', 'contexts: 3\n', '\u0000\u0001\u00ff binary', 'a: &a [*a, *a]\n', 'x: 1\nx: 2\n']) {
      expect(parseKubeconfig(text).contexts).toEqual([]);
    }
  });
});

describe('mergeKubeconfigs', () => {
  test('the first file wins for a context name and for the current context', () => {
    const merged = mergeKubeconfigs([
      { contexts: [{ name: 'a', cluster: 'first' }] },
      { contexts: [{ name: 'a', cluster: 'second' }, { name: 'b' }], currentContext: 'b' },
      { contexts: [], currentContext: 'a' },
    ]);
    expect(merged).toEqual({ contexts: [{ name: 'a', cluster: 'first' }, { name: 'b' }], currentContext: 'b' });
    expect(mergeKubeconfigs([])).toEqual({ contexts: [] });
  });
});
