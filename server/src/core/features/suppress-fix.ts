// The "Suppress ISTxxxx for Kind ns/name" quick fix offered with every diagnostic that has an
// istioctl code: it adds the code to the resource's `galley.istio.io/analyze-suppress` annotation,
// which istioctl analyze and our diagnostics both honour. Cross-resource findings without an istioctl
// code are suppressed by our own code, which only Istio YAML reads.
import type { AnalyzerMeta, FindingFix } from '../analyzers/framework';
import { type Resource, resourceLabel } from '../model/resource';
import { setAnnotation } from './annotation-edit';

export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

export function suppressFix(meta: AnalyzerMeta, resource: Resource | undefined): FindingFix | undefined {
  const crossResource = meta.category === 'reference' || meta.category === 'workspace' || meta.category === 'kubernetes';
  const code = meta.istioctl ?? (crossResource ? meta.code : undefined);
  if (!code || !resource) return undefined;
  const edit = setAnnotation(resource, SUPPRESS_ANNOTATION, (current) => {
    const codes = (current ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    return codes.includes(code) || codes.includes('*') ? undefined : [...codes, code].join(',');
  });
  return edit ? { title: `Suppress ${code} for ${resourceLabel(resource)}`, edits: [edit] } : undefined;
}

/** A finding's own fixes followed by the suppression fix, when there is one. */
export function withSuppressFix(fixes: readonly FindingFix[] | undefined, meta: AnalyzerMeta, resource: Resource | undefined): readonly FindingFix[] | undefined {
  const suppress = suppressFix(meta, resource);
  return suppress ? [...(fixes ?? []), suppress] : fixes;
}
