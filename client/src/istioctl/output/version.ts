// `istioctl version -o json` (pkg/version/cobra.go): clientVersion, meshVersion (one entry per
// istiod pod, when the cluster answered) and dataPlaneVersion (one entry per proxy).
import type { VersionInfo, VersionVerdict } from '../types';
import { isRecord, jsonValuesIn, str } from './json-values';

export function parseVersion(stdout: string): VersionInfo | undefined {
  const json = jsonValuesIn(stdout, '{')
    .map((v) => v.value)
    .find((v): v is Record<string, unknown> => isRecord(v) && ('clientVersion' in v || 'meshVersion' in v));
  if (!json) return undefined;
  const client = isRecord(json.clientVersion) ? str(json.clientVersion.version) : undefined;
  const controlPlane = (Array.isArray(json.meshVersion) ? json.meshVersion : []).filter(isRecord).map((server) => {
    const info = isRecord(server.Info) ? server.Info : {};
    const revision = str(server.Revision);
    return { component: str(server.Component) ?? '', ...(revision ? { revision } : {}), version: str(info.version) ?? '' };
  });
  const counts = new Map<string, number>();
  for (const proxy of (Array.isArray(json.dataPlaneVersion) ? json.dataPlaneVersion : []).filter(isRecord)) {
    const version = str(proxy.IstioVersion) ?? '';
    counts.set(version, (counts.get(version) ?? 0) + 1);
  }
  const dataPlane = [...counts].map(([version, count]) => ({ version, count })).sort((a, b) => compareVersions(a.version, b.version));
  return { ...(client ? { client } : {}), controlPlane, dataPlane };
}

/**
 * istioctl is made for the control plane of its own minor release: the verdict is not ok when the
 * major.minor of istioctl differs from that of any istiod (a patch difference is fine, and said).
 * Proxies on another version than the control plane are mentioned, as during an upgrade.
 */
export function versionVerdict(info: VersionInfo): VersionVerdict {
  const client = info.client;
  if (!client) return { ok: false, message: 'istioctl did not report its own version.' };
  const controlPlane = unique(info.controlPlane.map((c) => c.version).filter(Boolean));
  if (controlPlane.length === 0) {
    return { ok: false, message: `istioctl ${client} got no answer from the control plane, so the versions could not be compared. Check the kube context (Istio: Select Kube Context…) and that Istio is installed in that cluster.` };
  }
  const cp = controlPlane.join(', ');
  const cpLabel = controlPlane.length > 1 ? `the control plane (${cp})` : `the control plane ${cp}`;
  const differentMinor = controlPlane.filter((v) => minorOf(v) !== minorOf(client));
  const proxies = dataPlaneNote(info, controlPlane);
  if (differentMinor.length) {
    const want = unique(differentMinor.map((v) => minorOf(v) ?? v));
    return {
      ok: false,
      message: `istioctl ${client} and ${cpLabel} differ: use istioctl ${want.map((m) => (/^\d+\.\d+$/.test(m) ? `${m}.x` : m)).join(' or ')} with this cluster (set istioYaml.istioctl.path), or the results may be wrong.${proxies}`,
    };
  }
  const samePatch = controlPlane.every((v) => v === client);
  return {
    ok: true,
    message: samePatch ? `istioctl ${client} matches ${cpLabel}.${proxies}` : `istioctl ${client} and ${cpLabel} are the same minor release (only the patch differs).${proxies}`,
  };
}

function dataPlaneNote(info: VersionInfo, controlPlane: readonly string[]): string {
  const other = info.dataPlane.filter((d) => !controlPlane.includes(d.version));
  if (!other.length) return '';
  const total = info.dataPlane.reduce((n, d) => n + d.count, 0);
  const list = other.map((d) => `${d.count} on ${d.version || 'an unknown version'}`).join(', ');
  return ` ${other.reduce((n, d) => n + d.count, 0)} of ${total} proxies run another version than the control plane (${list}).`;
}

/** `1.31` of `1.31.1` (also of `1.31-dev` or `1.31.0-beta.0`); undefined for a version without one. */
function minorOf(version: string): string | undefined {
  return /^v?(\d+)\.(\d+)/.exec(version)?.slice(1, 3).join('.');
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const pb = b.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  }
  return 0;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
