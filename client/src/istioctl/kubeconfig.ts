// Which kubeconfig files istioctl will read, and the contexts they offer, for the context picker.
// The rules are kubectl's (client-go's loading rules): an explicit file wins; else every file of
// KUBECONFIG, merged with the first file winning; else ~/.kube/config.
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { KubeConfigSummary, KubeContext } from './types';

export interface KubeconfigEnv {
  readonly KUBECONFIG?: string;
  readonly HOME?: string;
  readonly USERPROFILE?: string;
}

export function kubeconfigPaths(setting: string | undefined, env: KubeconfigEnv, platform: NodeJS.Platform): string[] {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const home = env.HOME || (platform === 'win32' ? env.USERPROFILE : undefined);
  const expand = (p: string) => (home && /^~(?=$|[\\/])/.test(p) ? paths.join(home, p.slice(1)) : p);
  const explicit = setting?.trim();
  if (explicit) return [expand(explicit)];
  const list = (env.KUBECONFIG ?? '')
    .split(platform === 'win32' ? ';' : ':')
    .map((p) => p.trim())
    .filter(Boolean);
  if (list.length) return [...new Set(list.map(expand))];
  return home ? [paths.join(home, '.kube', 'config')] : [];
}

/** The contexts of one kubeconfig file; anything that is not a kubeconfig gives none (never throws). */
export function parseKubeconfig(text: string): KubeConfigSummary {
  let doc: unknown;
  try {
    const parsed = parseDocument(text, { uniqueKeys: false });
    // client-go refuses a kubeconfig with YAML errors, so the picker offers none of its contexts either.
    if (parsed.errors.length) return { contexts: [] };
    doc = parsed.toJS({ maxAliasCount: 100 });
  } catch {
    return { contexts: [] };
  }
  if (!isRecord(doc)) return { contexts: [] };
  const contexts: KubeContext[] = [];
  for (const entry of Array.isArray(doc.contexts) ? doc.contexts : []) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !entry.name) continue;
    const context = isRecord(entry.context) ? entry.context : {};
    contexts.push({
      name: entry.name,
      ...stringField('cluster', context.cluster),
      ...stringField('user', context.user),
      ...stringField('namespace', context.namespace),
    });
  }
  const current = doc['current-context'];
  return { contexts, ...(typeof current === 'string' && current ? { currentContext: current } : {}) };
}

/** As kubectl merges KUBECONFIG: the first file that names a context (or a current context) wins. */
export function mergeKubeconfigs(summaries: readonly KubeConfigSummary[]): KubeConfigSummary {
  const byName = new Map<string, KubeContext>();
  let currentContext: string | undefined;
  for (const summary of summaries) {
    for (const context of summary.contexts) if (!byName.has(context.name)) byName.set(context.name, context);
    currentContext ??= summary.currentContext;
  }
  return { contexts: [...byName.values()], ...(currentContext ? { currentContext } : {}) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringField = <K extends string>(key: K, value: unknown) => (typeof value === 'string' && value ? ({ [key]: value } as Record<K, string>) : {});
