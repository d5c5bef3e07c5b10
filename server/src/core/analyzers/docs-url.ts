// Where each analyzer's documentation lives (docs/analyzers.md, generated from the analyzers' docs).
import type { AnalyzerMeta } from './framework';

export const DOCS_BASE = 'https://github.com/istio-yaml/istio-yaml/blob/main/docs/analyzers.md';

export function docsUrl(meta: Pick<AnalyzerMeta, 'code' | 'name'>): string {
  return `${DOCS_BASE}#${meta.code.toLowerCase()}-${meta.name}`;
}

export function istioctlUrl(code: string): string {
  return `https://istio.io/latest/docs/reference/config/analysis/${code.toLowerCase()}/`;
}
